import Crypto
import Foundation
import TongketCore

/// Submissions already read and checked, stored by content so that a consolidation after one
/// unit's file changed reads and checks only that file. An entry is found by the SHA-256 of the
/// file's bytes, the name messages give the file (the diagnostics quote it) and the outline's
/// digest; it is used only if it is whole (its own SHA-256 matches) and was written by this very
/// tongket (version and build). Anything else is ignored and written anew, so the cache can never
/// make an output differ from a run without it.
///
/// Several threads use one cache: entries are written to a temporary file and renamed, so a
/// reader sees a whole entry or none.
public final class SubmissionCache: @unchecked Sendable {
    /// The folder of the entries.
    public let directory: URL
    /// Its path, to which an entry's place is joined as text: two `appendingPathComponent`s and a
    /// `path` for each of thousands of files cost more than reading most entries.
    private let directoryPath: String
    /// What an entry must have been made by: the entry format, tongket's version and build.
    let version: String
    private let lock = NSLock()
    private var warningsByFile: [String: String] = [:]
    private var counts = Counts()
    private let stamps: FileStamps

    /// How the files of one run were found: what the benchmark and the tests look at.
    public struct Counts: Sendable, Equatable {
        /// Entries used as they were.
        public var hits = 0
        /// Files read and checked (no entry, or one that could not be used).
        public var misses = 0
        /// Of the hits, files not even read: their stamp (`FileStamps`) gave their digest.
        public var unread = 0

        public init(hits: Int = 0, misses: Int = 0, unread: Int = 0) {
            self.hits = hits
            self.misses = misses
            self.unread = unread
        }
    }

    /// The folder a cache is kept in beside a command's outputs.
    public static let folderName = ".tongket-cache"

    /// A cache in `directory` (made when first written). `version` and `clock` are for the tests
    /// only: an entry written under another version must be ignored, and a file's stamp is
    /// recorded only once it has not changed for a few seconds.
    public init(
        directory: URL, version: String = SubmissionCache.currentVersion, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.directory = directory
        directoryPath = directory.path.hasSuffix("/") ? String(directory.path.dropLast()) : directory.path
        self.version = version
        stamps = FileStamps(directory: directory, clock: clock)
    }

    /// The entry format, tongket's version and the running program's size and time: a developer's
    /// rebuilt tongket keeps its version number but may check files differently.
    public static let currentVersion: String = {
        var build = "?"
        if let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date
        {
            build = "\(size.int64Value)-\(Int64(date.timeIntervalSince1970 * 1000))"
        }
        return "\(SubmissionCacheEntry.format) \(TongketVersion.current) \(build)"
    }()

    /// The warnings of this run (entries found damaged, a folder that cannot be written), one per
    /// file, in the files' order by name so that two runs print the same.
    public var warnings: [String] {
        lock.lock()
        defer { lock.unlock() }
        return warningsByFile.keys.sorted().compactMap { warningsByFile[$0] }
    }

    /// How many entries were used and how many files were read and checked.
    public var counted: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// What `SubmissionLoader.load(contentsOf:shownName:outline:)` gives for the file, from its
    /// entry when one can be used; otherwise the file is read, checked and its entry written.
    public func load(contentsOf url: URL, shownName: String, outline: Outline) -> LoadedSubmission {
        loadDigested(contentsOf: url, shownName: shownName, outline: outline).loaded
    }

    /// The same, with the digests of its sections' contents (`ContentDigests`), kept in its entry
    /// or made as the entry is written; nil when no entry can be made (an outline built in code,
    /// a file that cannot be read).
    public func loadDigested(contentsOf url: URL, shownName: String, outline: Outline) -> (
        loaded: LoadedSubmission, digests: ContentDigests?
    ) {
        // Taken before the file is read: a change while it is read then leaves a stamp that no
        // longer matches the file.
        let path = url.path
        let stamp = FileStamps.Stamp.of(path)
        if let stamp, stamp.size <= InputFile.maximumSize, let outlineDigest = outline.sourceDigest,
            let digest = stamps.digest(of: path, stamp: stamp)
        {
            let (key, entry) = place(digest: digest, shownName: shownName, outlineDigest: outlineDigest)
            if case .found(let loaded, let digests) = SubmissionCacheEntry.read(entry, expecting: key) {
                count {
                    $0.hits += 1
                    $0.unread += 1
                }
                return (loaded, digests)
            }
            // No usable entry: the file is read below, and a damaged entry reported there.
        }
        let data: Data
        do {
            data = try InputFile.data(url, shownName: shownName, what: "tệp báo cáo YAML")
        } catch {
            // Not cached: the file may become readable without changing its bytes.
            return (LoadedSubmission(submission: nil, diagnostics: [error]), nil)
        }
        // An outline built in code has no digest: nothing tells its versions apart.
        guard let outlineDigest = outline.sourceDigest else { return (SubmissionLoader.load(data, file: shownName, outline: outline), nil) }
        let (key, entry) = place(of: data, shownName: shownName, outlineDigest: outlineDigest)
        if let stamp { stamps.record(path, stamp: stamp, digest: key.file) }
        switch SubmissionCacheEntry.read(entry, expecting: key) {
        case .found(let loaded, let digests):
            count { $0.hits += 1 }
            return (loaded, digests)
        case .damaged(let why):
            warn(
                shownName,
                "tongket: cảnh báo: mục bộ nhớ đệm của \(shownName) bị hỏng (\(why)); đã bỏ qua và đọc lại tệp (\(entry))")
        case .absent, .otherVersion:
            break
        }
        count { $0.misses += 1 }
        let loaded = SubmissionLoader.load(data, file: shownName, outline: outline)
        let digests = loaded.submission.map(ContentDigests.init)
        do {
            try SubmissionCacheEntry.write(loaded, digests: digests, key: key, to: URL(fileURLWithPath: entry, isDirectory: false))
        } catch {
            let why = error.localizedDescription
            warn(shownName, "tongket: cảnh báo: không ghi được bộ nhớ đệm \(directory.path) (\(why)); lần sau tệp sẽ được đọc lại")
        }
        return (loaded, digests)
    }

    /// The key an entry for these bytes must carry, and where it is: `DIR/ab/abcdef…`, named by a
    /// digest of the bytes' digest, the name and the outline (not the version, so that a newer
    /// tongket replaces an older one's entries rather than adding to them), spread over 256
    /// folders so that no folder grows huge.
    func place(of data: Data, shownName: String, outlineDigest: String) -> (key: SubmissionCacheEntry.Key, path: String) {
        place(digest: Hex.lowercase(SHA256.hash(data: data)), shownName: shownName, outlineDigest: outlineDigest)
    }

    /// The same, from the digest of the bytes.
    func place(digest: String, shownName: String, outlineDigest: String) -> (key: SubmissionCacheEntry.Key, path: String) {
        let key = SubmissionCacheEntry.Key(version: version, outline: outlineDigest, file: digest, name: shownName)
        let name = Hex.lowercase(SHA256.hash(data: Data("\(key.file)\n\(key.outline)\n\(key.name)".utf8)))
        return (key, "\(directoryPath)/\(name.prefix(2))/\(name)")
    }

    /// Keeps the stamps of the files read in this run for the next one; called once the files
    /// are loaded. A folder that cannot be written was already reported by the entries.
    public func saveStamps() {
        try? stamps.save()
    }

    private func warn(_ file: String, _ message: String) {
        lock.lock()
        if warningsByFile[file] == nil { warningsByFile[file] = message }
        lock.unlock()
    }

    private func count(_ change: (inout Counts) -> Void) {
        lock.lock()
        change(&counts)
        lock.unlock()
    }
}
