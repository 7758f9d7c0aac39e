import Foundation
import TongketCore
import TongketDocument

#if os(Linux)
    import CFileSync
#endif

/// A file written in pieces — the consolidated report of thousands of units is never whole in
/// memory — with the same discipline as `OutputFile.write`: a temporary file beside the target,
/// renamed into place by `commit`; dropped, with the previous file untouched, otherwise.
/// Each instance is written by one thread at a time (one format's renderer), hence unchecked.
public final class StreamingOutputFile: @unchecked Sendable {
    /// The target, where the file appears on `commit`.
    public let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false
    /// Bytes handed to the file, and how many of them the disk was already asked to write.
    private var written = 0
    private var sent = 0
    /// Whether everything written so far is on the disk (`synchronize`).
    private var synchronized = false

    /// Opens a temporary file beside `url`, after the checks a whole-file write makes: a folder in
    /// the way, or a file `overwrite` does not let tongket replace, fails here, before any work.
    public init(_ url: URL, overwrite: OutputFile.Overwrite) throws(FileError) {
        self.url = url
        // The checks and the directory are those of a whole-file write of nothing.
        try OutputFile.check(url, overwrite: overwrite)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else { throw FileError(path: url.path, message: "không ghi được tệp (kiểm tra quyền ghi và dung lượng đĩa)") }
        self.handle = handle
    }

    /// Appends UTF-8 `bytes`; small pieces are gathered and written a megabyte at a time.
    public func write(_ bytes: [UInt8]) throws(FileError) { try gather(bytes) }

    /// Appends `data`, gathered the same way.
    public func write(_ data: Data) throws(FileError) { try gather(data) }

    /// A piece of 64 KB or more (a section of a province's draft, copied from the cache or
    /// rendered, is hundreds of them) goes to the file as it is: gathered, it would be copied once
    /// more (a fiftieth of a draft after one file changed, at 1,000 units), and a large one would
    /// leave the buffer that large for the rest of the run. A write of 64 KB costs the system
    /// call next to nothing.
    private func gather(_ bytes: some DataProtocol) throws(FileError) {
        // Bytes still gathered are not on the disk: `commit` must flush and synchronize again.
        synchronized = false
        if bytes.count >= 64 << 10 {
            try flush()
            try put(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(FileError) {
        guard !buffer.isEmpty else { return }
        try put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: some DataProtocol) throws(FileError) {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw FileError(path: url.path, message: "không ghi được tệp: \(error.localizedDescription)")
        }
        written += bytes.count
        startWriting()
    }

    /// Asks the disk to start writing every few megabytes written, without waiting for it: the
    /// file's `synchronize` in `commit` then waits for the last few only. Waiting for a whole
    /// province's draft there (40 MB of Markdown and HTML) was a tenth of a run that rebuilt one
    /// section. Linux only; elsewhere `commit` waits for the whole file, as before.
    private func startWriting() {
        #if os(Linux)
            guard written - sent >= 2 << 20 else { return }
            // Only a hint: a failure here leaves the writing to `synchronize`, which reports nothing either.
            _ = sync_file_range(handle.fileDescriptor, __off64_t(sent), __off64_t(written - sent), UInt32(SYNC_FILE_RANGE_WRITE))
            sent = written
        #endif
    }

    /// Writes out what is gathered and waits until the disk has the file; `commit` then only
    /// renames it. Apart from `commit` so that several files can wait for the disk at once.
    public func synchronize() throws(FileError) {
        try flush()
        try? handle.synchronize()
        synchronized = true
    }

    /// Puts the finished file in place.
    public func commit() throws(FileError) {
        if !synchronized { try synchronize() }
        try? handle.close()
        finished = true
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw FileError(path: url.path, message: "không đổi tên được tệp tạm thành tệp đích: \(reason)")
        }
    }

    /// Drops what was written; the previous file, if any, stays as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? handle.close()
        unlink(temporary.path)
    }

    deinit { discard() }
}
