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
        /// Whole, but framed by a tongket from before the checksum took four lanes: another
        /// version's entry, to be ignored without a word like any other.
        case earlierFrame
    }

    static func read(_ url: URL, magic: [UInt8]) -> Reading { read(path: url.path, magic: magic) }

    static func read(path: String, magic: [UInt8]) -> Reading {
        let bytes: [UInt8]
        switch contents(of: path) {
        case .success(let read): bytes = read
        case .failure(let failure): return failure.reading
        }
        let digestEnd = magic.count + 8
        guard bytes.count > digestEnd, bytes[..<magic.count].elementsEqual(magic) else { return .damaged("sai phần đầu") }
        let stored = storedSum(bytes, magic: magic)
        guard stored == CacheChecksum.of(bytes[digestEnd...]) else {
            // Checked only when the sum does not match, so it costs a whole run nothing.
            return stored == CacheChecksum.earlier(bytes[digestEnd...]) ? .earlierFrame : .damaged("sai mã kiểm tra")
        }
        return .whole(bytes, from: digestEnd)
    }

    /// Whether the file at `url` is an entry of this kind whose body begins with `prefix`, read
    /// from its first bytes alone: a draft asks this of every kept section to know which it need
    /// not merge, and the bodies are megabytes. The checksum is still checked when the entry is
    /// read, so a damaged one is then found and rebuilt as before.
    static func begins(_ url: URL, magic: [UInt8], with prefix: [UInt8]) -> Bool {
        guard case .success(let (descriptor, _)) = openRegular(url.path) else { return false }
        defer { close(descriptor) }
        return head(descriptor, magic: magic, prefix: prefix) != nil
    }

    /// The entry's first bytes (magic, checksum, `prefix`) when they are these, else nil.
    private static func head(_ descriptor: Int32, magic: [UInt8], prefix: [UInt8]) -> [UInt8]? {
        let count = magic.count + 8 + prefix.count
        let head = read(descriptor, count: count, at: 0).bytes
        guard head.count == count, head[..<magic.count].elementsEqual(magic), head[(magic.count + 8)...].elementsEqual(prefix) else {
            return nil
        }
        return head
    }

    /// The body after `prefix` of the entry at `path`, in an array of its own, when the entry
    /// begins with `prefix` and is whole; nil for anything else, which `read` then tells apart
    /// (absent, damaged, another version's). A kept section of the draft is megabytes: read
    /// whole, its body was copied out of the entry once more, into memory the system had to
    /// clear first.
    static func body(_ path: String, magic: [UInt8], after prefix: [UInt8]) -> [UInt8]? {
        guard case .success(let (descriptor, size)) = openRegular(path) else { return nil }
        defer { close(descriptor) }
        let headCount = magic.count + 8 + prefix.count
        guard size >= headCount, let head = head(descriptor, magic: magic, prefix: prefix) else { return nil }
        let body = read(descriptor, count: size - headCount, at: headCount).bytes
        guard body.count == size - headCount else { return nil }
        var sum = CacheChecksum()
        head[(magic.count + 8)...].withUnsafeBytes { sum.add($0) }
        body.withUnsafeBytes { sum.add($0) }
        return storedSum(head, magic: magic) == sum.value ? body : nil
    }

    /// The checksum written after the magic line of an entry's first bytes.
    private static func storedSum(_ bytes: [UInt8], magic: [UInt8]) -> UInt64? {
        var reader = CacheReader(Array(bytes[magic.count..<magic.count + 8]))
        return try? reader.word()
    }

    /// Up to `count` bytes from `offset` on (fewer when the file is shorter), and whether reading
    /// failed (`errno` tells why).
    private static func read(_ descriptor: Int32, count: Int, at offset: Int) -> (bytes: [UInt8], failed: Bool) {
        var filled = 0
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while filled < count, let start = buffer.baseAddress {
                let n = pread(descriptor, start + filled, count - filled, off_t(offset + filled))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failed = n < 0
                    break
                }
                filled += n
            }
            initialized = filled
        }
        return (bytes, failed)
    }

    private struct Failure: Error {
        var reading: Reading
    }

    /// The file's bytes, read straight into an array of its size: a run with a warm cache reads
    /// every unit's entry and every kept piece of the draft, and Foundation's `Data(contentsOf:)`,
    /// a copy into an array and a `FileManager` call for the size each cost more than the read.
    private static func contents(of path: String) -> Result<[UInt8], Failure> {
        let descriptor: Int32
        let size: Int
        switch openRegular(path) {
        case .success(let opened): (descriptor, size) = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        guard size > 0 else { return .failure(Failure(reading: .damaged("tệp rỗng"))) }
        let (bytes, failed) = read(descriptor, count: size, at: 0)
        if failed { return .failure(unreadable()) }
        // A file cut while it was read is as damaged as one cut before: the checksum tells.
        return .success(bytes)
    }

    /// The reason given for a file the system would not open or read, from `errno`.
    private static func unreadable() -> Failure {
        Failure(reading: .damaged("không đọc được: \(String(cString: strerror(errno)))"))
    }

    /// The open descriptor and size of the regular file at `path`, for the caller to close.
    /// Opened without waiting (`O_NONBLOCK`, which a regular file's reads ignore): a named pipe in
    /// an entry's place would otherwise hold the run until something wrote to it.
    private static func openRegular(_ path: String) -> Result<(descriptor: Int32, size: Int), Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(errno == ENOENT || errno == ENOTDIR ? Failure(reading: .absent) : unreadable()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let failure = unreadable()  // before close, which may set errno again
            close(descriptor)
            return .failure(failure)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .failure(Failure(reading: .damaged("không phải một tệp thường")))
        }
        return .success((descriptor, Int(status.st_size)))
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
