import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Uploaded files by content, `DIR/tep/<first two hex digits>/<sha256>`: written to a temporary
/// file in the same folder, synced, renamed, and the folder synced, so that a file named in the
/// database is always whole. A file once stored never changes: its name is its content.
public struct BlobStore: Sendable {
    /// The folder's name inside the data folder.
    public static let folderName = "tep"

    public let root: URL

    /// The store in `dataFolder`.
    public init(dataFolder: URL) {
        root = dataFolder.appendingPathComponent(Self.folderName)
    }

    /// Where the file with this digest lives.
    public func url(of sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Stores `data` durably (readable by the server's user only); its SHA-256. Throws when the
    /// file or its folder cannot be synced: the upload is then not acknowledged.
    @discardableResult
    public func store(_ data: Data) throws -> String {
        let sha256 = Secret.digest(data)
        let target = url(of: sha256)
        let folder = target.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: target.path) {
            // Maybe left by a write whose folder sync never happened (a crash): sync now, before
            // a new row names it.
            try Self.syncFolder(folder)
            try Self.syncFolder(root)
            return sha256
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(sha256).\(Secret.token().prefix(8)).tam")
        try Self.writeSynced(data, to: temporary)
        guard rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw BlobError(message: "không lưu được tệp tải lên (mã lỗi \(errno))")
        }
        try Self.syncFolder(folder)
        try Self.syncFolder(root)
        return sha256
    }

    /// Makes `place` a link to the stored file `sha256`, relative when `place` is inside the data
    /// folder (`../../tep/ab/abcd…`), so that a data folder moved whole still works. A link there
    /// already leading to it is kept; anything else is replaced by a link made beside it and
    /// renamed over it, so that a reader on another thread sees the old link or the new one.
    public func link(_ sha256: String, at place: URL) throws {
        let dataFolder = root.deletingLastPathComponent().standardizedFileURL.path + "/"
        let folder = place.deletingLastPathComponent()
        var target = url(of: sha256).standardizedFileURL.path
        let from = folder.standardizedFileURL.path
        if from.hasPrefix(dataFolder), target.hasPrefix(dataFolder) {
            let depth = from.dropFirst(dataFolder.count).split(separator: "/").count
            target = String(repeating: "../", count: depth) + target.dropFirst(dataFolder.count)
        }
        let manager = FileManager.default
        if (try? manager.destinationOfSymbolicLink(atPath: place.path)) == target { return }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let fresh = folder.appendingPathComponent(".\(Secret.token().prefix(8)).tam")
        try manager.createSymbolicLink(atPath: fresh.path, withDestinationPath: target)
        guard rename(fresh.path, place.path) == 0 else {
            unlink(fresh.path)
            throw BlobError(message: "không đặt được liên kết tới tệp đã lưu (mã lỗi \(errno))")
        }
    }

    /// The stored bytes of a file.
    public func data(of sha256: String) throws -> Data {
        try Data(contentsOf: url(of: sha256))
    }

    /// Writes a new file (never an existing one) with `mode`, and syncs it.
    public static func writeSynced(_ data: Data, to url: URL, mode: mode_t = 0o600) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw BlobError(message: "không tạo được tệp tạm (mã lỗi \(errno))") }
        defer { close(descriptor) }
        var written = 0
        try data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let result = write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw BlobError(message: "không ghi được tệp tạm (mã lỗi \(errno))")
                }
                written += result
            }
        }
        // The mode asked for, whatever the umask.
        guard fchmod(descriptor, mode) == 0 else { throw BlobError(message: "không đặt được quyền của tệp (mã lỗi \(errno))") }
        guard fsync(descriptor) == 0 else { throw BlobError(message: "không đồng bộ được tệp tạm (mã lỗi \(errno))") }
    }

    /// Syncs a folder's entries (a rename in it); throws when that cannot be done.
    public static func syncFolder(_ folder: URL) throws {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw BlobError(message: "không mở được thư mục để đồng bộ (mã lỗi \(errno))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BlobError(message: "không đồng bộ được thư mục (mã lỗi \(errno))") }
    }
}
