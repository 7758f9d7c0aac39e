import Crypto
import Foundation
import TongketCore

/// One stored submission: a magic line, the SHA-256 of the rest, then the key it was made for and
/// what loading gave, encoded as a binary property list (measured faster to read here than JSON;
/// see docs/hieu-nang.md). The digest catches a damaged entry before anything in it is believed;
/// the key inside catches an entry made by another tongket or for another file.
enum SubmissionCacheEntry {
    /// Raised when the stored form changes, so that older entries are read as another version's.
    static let format = "1"
    private static let magic = Data("tongket-bo-nho-dem\n".utf8)

    /// What an entry is for: it is used only if every part matches.
    struct Key: Codable, Equatable {
        var version: String
        var outline: String
        var file: String
        var name: String
    }

    private struct Stored: Codable {
        var key: Key
        var loaded: LoadedSubmission
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
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch CocoaError.fileReadNoSuchFile {
            return .absent
        } catch {
            return .damaged("không đọc được: \(error.localizedDescription)")
        }
        let digestEnd = magic.count + SHA256.byteCount
        guard bytes.count > digestEnd, bytes.prefix(magic.count) == magic else { return .damaged("sai phần đầu") }
        let body = bytes[digestEnd...]
        guard Data(SHA256.hash(data: body)) == bytes[magic.count..<digestEnd] else { return .damaged("sai mã SHA-256") }
        let stored: Stored
        do {
            stored = try JSONDecoder().decode(Stored.self, from: Data(body))
        } catch {
            // The digest matched, so this is an entry of another format that shares the magic.
            return .otherVersion
        }
        guard stored.key == key else { return .otherVersion }
        return .found(stored.loaded)
    }

    /// Writes the entry to a temporary file beside it and renames it, so that a reader on another
    /// thread or process sees a whole entry or none.
    static func write(_ loaded: LoadedSubmission, key: Key, to url: URL) throws {
        let encoder = JSONEncoder()
        let body = try encoder.encode(Stored(key: key, loaded: loaded))
        var bytes = magic
        bytes.append(Data(SHA256.hash(data: body)))
        bytes.append(body)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString)")
        do {
            try bytes.write(to: temporary)
            if rename(temporary.path, url.path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
