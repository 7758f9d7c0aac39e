import Foundation

/// Why an output could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): lỗi: \(message)" }
}

/// Writes outputs so that nothing is lost: the bytes go to a temporary file beside the target and
/// are renamed into place, so an interrupted run leaves the previous file whole; a file the user
/// made is never replaced without `force`.
public enum OutputFile {
    /// Whether an existing file may be replaced.
    public enum Overwrite: Sendable {
        /// Never replace an existing file (a skeleton must not wipe a filled-in submission).
        case never
        /// Replace only files that `isOurs` recognises as made by tongket.
        case ifMadeByTongket(isOurs: @Sendable (Data) -> Bool)
        /// Replace anything (`--force`).
        case always
    }

    /// Refuses a target that is a folder or a file `overwrite` does not let tongket replace, and
    /// makes the folder the file goes into.
    static func check(_ url: URL, overwrite: Overwrite) throws(OutputError) {
        let path = url.path
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw OutputError(path: path, message: "đã có một thư mục trùng tên") }
            switch overwrite {
            case .always: break
            case .never:
                throw OutputError(
                    path: path, message: "tệp đã có; tongket không ghi đè lên tệp của người dùng (thêm --force nếu thật sự muốn thay)")
            case .ifMadeByTongket(let isOurs):
                let existing = (try? Data(contentsOf: url)) ?? Data()
                if !isOurs(existing) {
                    throw OutputError(
                        path: path, message: "tệp đã có và không do tongket tạo ra; không ghi đè (thêm --force nếu thật sự muốn thay)")
                }
            }
        }
        let directory = url.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: directory.path, message: "không tạo được thư mục: \(error.localizedDescription)")
        }
        removeAbandoned(besides: url)
    }

    /// Temporary files a killed run left beside this target (`.NAME.tmp-PID`, and the DOCX body
    /// `.tongket-docx-PID-…`): the target itself was never touched, so they are only litter.
    /// Only those of processes that are gone are removed.
    static func removeAbandoned(besides url: URL) {
        let directory = url.deletingLastPathComponent()
        let ownPrefix = ".\(url.lastPathComponent).tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
            let pidText: Substring
            if name.hasPrefix(ownPrefix) {
                pidText = name.dropFirst(ownPrefix.count)
            } else if name.hasPrefix(".tongket-docx-") {
                pidText = name.dropFirst(".tongket-docx-".count).prefix { $0.isNumber }
            } else {
                continue
            }
            guard let pid = Int32(pidText), isGone(pid) else { continue }
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// Whether the process that left a temporary file behind no longer runs (never this one).
    static func isGone(_ pid: Int32) -> Bool {
        pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    public static func write(_ data: Data, to url: URL, overwrite: Overwrite) throws(OutputError) {
        let file = try StreamingOutputFile(url, overwrite: overwrite)
        try file.write(data)
        try file.commit()
    }

}

/// A file written in pieces — the consolidated report of thousands of units is never whole in
/// memory — with the same discipline as `OutputFile.write`: a temporary file beside the target,
/// renamed into place by `commit`; dropped, with the previous file untouched, otherwise.
/// Each instance is written by one thread at a time (one format's renderer), hence unchecked.
public final class StreamingOutputFile: @unchecked Sendable {
    public let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false

    public init(_ url: URL, overwrite: OutputFile.Overwrite) throws(OutputError) {
        self.url = url
        // The checks and the directory are those of a whole-file write of nothing.
        try OutputFile.check(url, overwrite: overwrite)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else { throw OutputError(path: url.path, message: "không ghi được tệp (kiểm tra quyền ghi và dung lượng đĩa)") }
        self.handle = handle
    }

    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(_ data: Data) throws(OutputError) {
        buffer.append(data)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(OutputError) {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw OutputError(path: url.path, message: "không ghi được tệp: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Puts the finished file in place.
    public func commit() throws(OutputError) {
        try flush()
        try? handle.synchronize()
        try? handle.close()
        finished = true
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw OutputError(path: url.path, message: "không đổi tên được tệp tạm thành tệp đích: \(reason)")
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
