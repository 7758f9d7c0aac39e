import Foundation
import TongketCore
import TongketDocument

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
    static func check(_ url: URL, overwrite: Overwrite) throws(FileError) {
        let path = url.path
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw FileError(path: path, message: "đã có một thư mục trùng tên") }
            switch overwrite {
            case .always: break
            case .never:
                throw FileError(
                    path: path, message: "tệp đã có; tongket không ghi đè lên tệp của người dùng (thêm --force nếu thật sự muốn thay)")
            case .ifMadeByTongket(let isOurs):
                let existing = (try? Data(contentsOf: url)) ?? Data()
                if !isOurs(existing) {
                    throw FileError(
                        path: path, message: "tệp đã có và không do tongket tạo ra; không ghi đè (thêm --force nếu thật sự muốn thay)")
                }
            }
        }
        let directory = url.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: directory.path, message: "không tạo được thư mục: \(error.localizedDescription)")
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
            guard let pid = Int32(pidText), DeadProcess.isGone(pid) else { continue }
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// Writes `data` whole to `url`, through the same temporary file and rename as a streamed file.
    public static func write(_ data: Data, to url: URL, overwrite: Overwrite) throws(FileError) {
        let file = try StreamingOutputFile(url, overwrite: overwrite)
        try file.write(data)
        try file.commit()
    }
}
