import Foundation

/// The frame every cache entry shares: a magic line naming the kind of entry, a checksum of the
/// rest (`CacheChecksum`), then the body. The checksum catches a damaged entry (a disk error, a
/// copy cut short, an edit by hand) before anything in it is believed.
enum CacheFile {
    enum Reading {
        case absent
        /// The body, whole as it was written.
        case whole([UInt8], from: Int)
        /// Cut short or changed since it was written: to be ignored, and the user told.
        case damaged(String)
    }

    static func read(_ url: URL, magic: [UInt8]) -> Reading {
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
        return .whole(bytes, from: digestEnd)
    }

    /// Writes the entry to a temporary file beside it and renames it, so that a reader on another
    /// thread or process sees a whole entry or none.
    static func write(_ body: [UInt8], magic: [UInt8], to url: URL) throws {
        var bytes = magic
        var sum = CacheWriter()
        sum.word(CacheChecksum.of(body[...]))
        bytes.append(contentsOf: sum.bytes)
        bytes.append(contentsOf: body)
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
