import Foundation
import TongketCore

/// One stored submission, in the frame every entry shares (`CacheFile`): the key it was made for,
/// then what loading gave (`CacheBytes`). The key inside catches an entry made by another tongket
/// or for another file.
enum SubmissionCacheEntry {
    /// Raised when the stored form changes, so that older entries are read as another version's
    /// (3: the checksum in four lanes, `CacheChecksum`; 4: the sections' digests after the
    /// submission, `ContentDigests`).
    static let format = "4"
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
        case found(LoadedSubmission, ContentDigests?)
        /// Whole, but made by another tongket or for other input: ignored without a word.
        case otherVersion
        /// Cut short or changed since it was written: ignored, and the user told.
        case damaged(String)
    }

    static func read(_ path: String, expecting key: Key) -> Reading {
        let bytes: [UInt8]
        let start: Int
        switch CacheFile.read(path: path, magic: magic) {
        case .absent: return .absent
        case .damaged(let why): return .damaged(why)
        case .earlierFrame: return .otherVersion
        case .whole(let whole, let from): (bytes, start) = (whole, from)
        }
        var reader = CacheReader(bytes, from: start)
        do {
            let stored = Key(
                version: try reader.string(), outline: try reader.string(), file: try reader.string(), name: try reader.string())
            // Checked before the rest is read: another format's rest may not be readable.
            guard stored == key else { return .otherVersion }
            let loaded = try reader.loaded()
            let digests = try reader.optional { (r: inout CacheReader) throws(CacheReader.Unreadable) in try r.contentDigests() }
            guard reader.isAtEnd else { return .otherVersion }
            return .found(loaded, digests)
        } catch {
            // The checksum matched, so this is a whole entry of another format.
            return .otherVersion
        }
    }

    /// Writes the entry to a temporary file beside it and renames it, so that a reader on another
    /// thread or process sees a whole entry or none.
    static func write(_ loaded: LoadedSubmission, digests: ContentDigests?, key: Key, to url: URL) throws {
        var body = CacheWriter()
        for part in [key.version, key.outline, key.file, key.name] { body.string(part) }
        body.loaded(loaded)
        body.optional(digests) { $0.contentDigests($1) }
        try CacheFile.write(body.bytes, magic: magic, to: url)
    }
}

extension CacheWriter {
    mutating func contentDigests(_ value: ContentDigests) {
        for part in [value.sections, value.thematic] {
            dictionary(
                part, { $0.string($1) },
                { w, digest in
                    for word in [digest.first, digest.second, digest.third, digest.fourth] { w.word(word) }
                })
        }
    }
}

extension CacheReader {
    mutating func contentDigests() throws(Unreadable) -> ContentDigests {
        let read = { (r: inout CacheReader) throws(Unreadable) -> [String: ContentDigest] in
            try r.dictionary(Self.stringKey) { (r: inout CacheReader) throws(Unreadable) in
                ContentDigest(try r.word(), try r.word(), try r.word(), try r.word())
            }
        }
        return ContentDigests(sections: try read(&self), thematic: try read(&self))
    }
}
