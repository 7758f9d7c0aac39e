import Foundation
import TongketCore

/// One stored submission: a magic line, a checksum of the rest (`CacheChecksum`), then the key it
/// was made for and what loading gave (`CacheBytes`). The checksum catches a damaged entry before
/// anything in it is believed; the key inside catches an entry made by another tongket or for
/// another file.
enum SubmissionCacheEntry {
    /// Raised when the stored form changes, so that older entries are read as another version's.
    static let format = "2"
    private static let magic = Array("tongket-bo-nho-dem\n".utf8)

    /// What an entry is for: it is used only if every part matches.
    struct Key: Equatable {
        var version: String
        var outline: String
        var file: String
        var name: String
    }

    enum Reading {
        case absent
        case found(LoadedSubmission)
        /// Whole, but made by another tongket or for other input: ignored without a word.
        case otherVersion
        /// Cut short or changed since it was written: ignored, and the user told.
        case damaged(String)
    }

    static func read(_ url: URL, expecting key: Key) -> Reading {
        // Foundation's reader leaks its 4 KB buffer on an empty file (LeakSanitizer, from
        // Data(contentsOf:)): an empty entry is damaged without being read.
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber, size.intValue == 0 {
            return .damaged("tệp rỗng")
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch CocoaError.fileReadNoSuchFile {
            return .absent
        } catch {
            return .damaged("không đọc được: \(error.localizedDescription)")
        }
        let digestEnd = magic.count + 8
        guard bytes.count > digestEnd, bytes[..<magic.count].elementsEqual(magic) else { return .damaged("sai phần đầu") }
        var sum = CacheReader(Array(bytes[magic.count..<digestEnd]))
        guard (try? sum.word()) == CacheChecksum.of(bytes[digestEnd...]) else { return .damaged("sai mã kiểm tra") }
        var reader = CacheReader(bytes, from: digestEnd)
        do {
            let stored = Key(
                version: try reader.string(), outline: try reader.string(), file: try reader.string(), name: try reader.string())
            // Checked before the rest is read: another format's rest may not be readable.
            guard stored == key else { return .otherVersion }
            let loaded = try reader.loaded()
            guard reader.isAtEnd else { return .otherVersion }
            return .found(loaded)
        } catch {
            // The checksum matched, so this is a whole entry of another format.
            return .otherVersion
        }
    }

    /// Writes the entry to a temporary file beside it and renames it, so that a reader on another
    /// thread or process sees a whole entry or none.
    static func write(_ loaded: LoadedSubmission, key: Key, to url: URL) throws {
        var body = CacheWriter()
        for part in [key.version, key.outline, key.file, key.name] { body.string(part) }
        body.loaded(loaded)
        var bytes = magic
        var sum = CacheWriter()
        sum.word(CacheChecksum.of(body.bytes[...]))
        bytes.append(contentsOf: sum.bytes)
        bytes.append(contentsOf: body.bytes)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString)")
        do {
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, url.path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            // Cleaning up after a failure already reported: nothing more to say if this fails too.
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
