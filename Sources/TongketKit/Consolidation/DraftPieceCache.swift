import Crypto
import Foundation
import TongketCore

/// The draft's sections as written by an earlier run, kept beside the submissions in the cache
/// folder (`--cache`, in `muc/`), so that a consolidation after one unit's file changed merges and
/// renders only the sections that file touched, and copies the others.
///
/// Each entry is a section's output in one format, or a list section's points named by more
/// units than a line can (for the annex that names them all), or the index of where the chunks of
/// a large section's output lie in it (so that after one unit's text in it changed, only the chunk
/// holding that text is rendered again). It is found by the section and the
/// draft it belongs to (the outline and the issuing body), and used only if it was made from the
/// very same content: the key stored in it is a SHA-256 of everything the section's output is made
/// from (the units' texts in order, the province's own text, the stated figures, the headings'
/// level) and it must match, and it must have been made by this very tongket (`version`). Entries
/// are replaced in place, so the folder holds one draft's sections, not every draft's. Anything
/// unusable is ignored and rendered anew, so the cache can never make an output differ from a
/// run without it.
public final class DraftPieceCache: @unchecked Sendable {
    /// The cache folder given (`--cache`); the entries are in its `muc/`.
    public let directory: URL
    /// What an entry must have been made by: the entry format, tongket's version and build.
    let version: String
    private let lock = NSLock()
    private var warningsByEntry: [String: String] = [:]
    private var counts = Counts()

    /// How the sections of one run were written: what the benchmark and the tests look at.
    public struct Counts: Sendable, Equatable {
        /// Section outputs copied from an entry.
        public var kept = 0
        /// Section outputs rendered (no entry, or one that could not be used), and kept.
        public var rendered = 0
        /// Chunks of rendered sections taken from their section's earlier output (found through
        /// the index of its chunks kept beside it), in every format together.
        public var chunksKept = 0
    }

    /// Raised when the stored form or the way keys are made changes (2: HTML kept with its label
    /// lines marked, as written; 3: each unit's content named by its digest, `ContentDigests`).
    static let format = "3"
    private static let magic = Array("tongket-muc-bao-cao\n".utf8)

    public init(directory: URL, version: String = SubmissionCache.currentVersion) {
        self.directory = directory
        self.version = "\(Self.format) \(version)"
    }

    /// The warnings of this run (entries found damaged, a folder that cannot be written), one per
    /// entry, in a stable order.
    public var warnings: [String] {
        lock.lock()
        defer { lock.unlock() }
        return warningsByEntry.keys.sorted().compactMap { warningsByEntry[$0] }
    }

    public var counted: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    // MARK: Entries

    /// Where the entry of `marker`'s output (`kind`: "md", "html", "diem") for one draft is kept.
    func url(draft: String, marker: String, kind: String) -> URL {
        let name = Hex.lowercase(SHA256.hash(data: Data("\(draft)\n\(marker)".utf8)).prefix(20))
        return directory.appendingPathComponent("muc").appendingPathComponent(String(name.prefix(2)))
            .appendingPathComponent("\(name).\(kind)")
    }

    /// Whether the entry at `url` was made for `key` by this tongket, from its head alone (whether
    /// it is whole is known only when it is read).
    func isMade(_ url: URL, for key: String) -> Bool {
        CacheFile.begins(url, magic: Self.magic, with: head(key))
    }

    /// What every entry's body begins with: the tongket that made it and the key it was made for.
    private func head(_ key: String) -> [UInt8] {
        var head = CacheWriter()
        head.string(version)
        head.string(key)
        return head.bytes
    }

    /// The body of the entry at `url` made for `key` by this tongket, or nil: an entry of another
    /// version or for other content is ignored without a word, a damaged one with a warning.
    func read(_ url: URL, key: String, shown: String) -> [UInt8]? {
        let path = url.path
        // The usual case, an entry made for this key and whole, without copying its body again.
        if let body = CacheFile.body(path, magic: Self.magic, after: head(key)) { return body }
        return readAnyKey(url, shown: shown, expecting: key)?.body
    }

    /// The key and body of the entry at `url` made by this tongket, whatever the key unless
    /// `expecting` one (then an entry for another is nil, its body not copied out): a section's
    /// chunks are looked for in its earlier output. Damaged, with a warning, as `read`.
    func readAnyKey(_ url: URL, shown: String, expecting: String? = nil) -> (key: String, body: [UInt8])? {
        let path = url.path
        switch CacheFile.read(path: path, magic: Self.magic) {
        case .absent, .earlierFrame:
            return nil
        case .damaged(let why):
            warn(path, "tongket: cảnh báo: mục bộ nhớ đệm của \(shown) bị hỏng (\(why)); đã bỏ qua và dựng lại (\(path))")
            return nil
        case .whole(let bytes, let start):
            var reader = CacheReader(bytes, from: start)
            guard (try? reader.string()) == version, let key = try? reader.string(), expecting.map({ $0 == key }) ?? true
            else { return nil }
            return (key, reader.rest())
        }
    }

    func write(_ body: [UInt8], key: String, to url: URL) {
        do {
            try CacheFile.write(head(key) + body, magic: Self.magic, to: url)
        } catch {
            let why = error.localizedDescription
            warn(
                directory.path, "tongket: cảnh báo: không ghi được bộ nhớ đệm \(directory.path) (\(why)); lần sau phần này sẽ được dựng lại"
            )
        }
    }

    func count(_ change: (inout Counts) -> Void) {
        lock.lock()
        change(&counts)
        lock.unlock()
    }

    private func warn(_ entry: String, _ message: String) {
        lock.lock()
        if warningsByEntry[entry] == nil { warningsByEntry[entry] = message }
        lock.unlock()
    }
}
