import Foundation

/// What a file's SHA-256 was when it was last read, by its path and what the file system says of
/// it (device, inode, size, modification and change times), so that a consolidation with a warm
/// cache need not read and hash every unchanged file to find its entry: at 1,000 units that was
/// 25 MB read and hashed, a seventh of the run's work.
///
/// A stamp is only a way to find the digest again; the entry it leads to is checked as before. It
/// is believed only if every part matches, and recorded only for a file last changed a few seconds
/// before (git's "racily clean" rule): a file changed in the same clock tick as it was read
/// keeps its times, so a stamp recorded then could hide the change. The change time cannot be set
/// by a program (`touch -r` or a restored modification time still moves it), so an edit that keeps
/// the size and puts the modification time back is still seen.
final class FileStamps: @unchecked Sendable {
    /// The file beside the entries; not an entry (its name is not two hexadecimal digits).
    static let fileName = "dau-tep"
    private static let magic = Array("tongket-dau-tep\n".utf8)
    /// How long ago a file must have been changed for its stamp to be recorded.
    static let settling: TimeInterval = 3
    /// Stamps kept from earlier runs beyond those this run used: a bound on a folder shared by
    /// many runs over other files.
    static let keptAtMost = 100_000

    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
        var changed: Int64
        var changedNanoseconds: Int64

        /// The stamp of a regular file (links followed, as reading does); nil for anything else.
        static func of(_ path: String) -> Stamp? {
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            #if canImport(Darwin)
                let (m, c) = (status.st_mtimespec, status.st_ctimespec)
            #else
                let (m, c) = (status.st_mtim, status.st_ctim)
            #endif
            return Stamp(
                device: UInt64(truncatingIfNeeded: status.st_dev), inode: UInt64(truncatingIfNeeded: status.st_ino),
                size: Int64(status.st_size), modified: Int64(m.tv_sec), modifiedNanoseconds: Int64(m.tv_nsec),
                changed: Int64(c.tv_sec), changedNanoseconds: Int64(c.tv_nsec))
        }

        /// Whether the file was last changed at least `settling` seconds before `now`.
        func isSettled(at now: Date) -> Bool {
            let limit = Int64((now.timeIntervalSince1970 - FileStamps.settling).rounded(.down))
            return modified < limit && changed < limit
        }
    }

    private let url: URL
    private let clock: @Sendable () -> Date
    private let lock = NSLock()
    private var loaded = false
    private var stored: [String: (stamp: Stamp, digest: String)] = [:]
    private var used: Set<String> = []
    private var isChanged = false

    init(directory: URL, clock: @escaping @Sendable () -> Date) {
        url = directory.appendingPathComponent(Self.fileName)
        self.clock = clock
    }

    /// The digest recorded for the file at `path` if its stamp is still `stamp`.
    func digest(of path: String, stamp: Stamp) -> String? {
        lock.lock()
        defer { lock.unlock() }
        loadOnce()
        guard let known = stored[path], known.stamp == stamp else { return nil }
        used.insert(path)
        return known.digest
    }

    /// Records what the file at `path` hashed to; `stamp` was taken before it was read, so that
    /// a change while reading leaves a stamp that no longer matches.
    func record(_ path: String, stamp: Stamp, digest: String) {
        guard stamp.isSettled(at: clock()) else { return }
        lock.lock()
        defer { lock.unlock() }
        loadOnce()
        used.insert(path)
        if let known = stored[path], known.stamp == stamp, known.digest == digest { return }
        stored[path] = (stamp, digest)
        isChanged = true
    }

    /// Writes the stamps if this run recorded any: to a temporary file that is then renamed, so
    /// that another run sees the old ones or the new ones. Two runs at once may each keep only
    /// their own; the next run then reads the other files again, no more.
    func save() throws {
        lock.lock()
        defer { lock.unlock() }
        guard isChanged else { return }
        var kept = stored.filter { used.contains($0.key) }
        for (path, entry) in stored.sorted(by: { $0.key < $1.key }) where kept.count < Self.keptAtMost && kept[path] == nil {
            kept[path] = entry
        }
        var body = CacheWriter()
        body.array(kept.sorted { $0.key < $1.key }) { writer, item in
            let (path, (stamp, digest)) = item
            writer.string(path)
            for part in [Int(bitPattern: UInt(stamp.device)), Int(bitPattern: UInt(stamp.inode))] { writer.int(part) }
            for part in [stamp.size, stamp.modified, stamp.modifiedNanoseconds, stamp.changed, stamp.changedNanoseconds] {
                writer.int(Int(part))
            }
            writer.string(digest)
        }
        try CacheFile.write(body.bytes, magic: Self.magic, to: url)
        isChanged = false
    }

    /// The stamps of earlier runs (a file's digest does not depend on tongket's version, so they
    /// outlive a new build); a file that cannot be used (damaged, of another format) is as good as
    /// none: it only means reading the files once more.
    private func loadOnce() {
        guard !loaded else { return }
        loaded = true
        guard case .whole(let bytes, let start) = CacheFile.read(url, magic: Self.magic) else { return }
        var reader = CacheReader(bytes, from: start)
        do {
            let entries = try reader.array { reader throws(CacheReader.Unreadable) in
                let path = try reader.string()
                let device = UInt64(UInt(bitPattern: try reader.int()))
                let inode = UInt64(UInt(bitPattern: try reader.int()))
                var times: [Int64] = []
                for _ in 0..<5 { times.append(Int64(try reader.int())) }
                let stamp = Stamp(
                    device: device, inode: inode, size: times[0], modified: times[1], modifiedNanoseconds: times[2], changed: times[3],
                    changedNanoseconds: times[4])
                return (path, (stamp: stamp, digest: try reader.string()))
            }
            guard reader.isAtEnd else { return }
            stored = Dictionary(entries, uniquingKeysWith: { _, last in last })
        } catch {
            stored = [:]
        }
    }
}
