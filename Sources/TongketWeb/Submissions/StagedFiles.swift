import Foundation
import TongketKit

/// Stored files laid out under their uploaded names in a temporary folder of the data folder,
/// for the readers, which tell YAML from forms by name; removed when done.
struct StagedFiles {
    let folder: URL
    /// The staged path of each file, in order.
    let paths: [String]

    /// Links each file's blob under `group/name` (the group keeps two units' files apart).
    init(_ files: [(group: String, file: UploadFile)], blobs: BlobStore, scratch: URL) throws {
        folder = scratch.appendingPathComponent(Secret.token())
        var paths: [String] = []
        var used = Set<String>()
        for (index, entry) in files.enumerated() {
            // Within a file system's 255 bytes even for a name stored before names were capped.
            let name = UploadFile.safeName(entry.file.name)
            var relative = "\(entry.group)/\(name)"
            if used.contains(relative) { relative = "\(entry.group)/\(index)-\(name)" }
            used.insert(relative)
            let url = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let blob = blobs.url(of: entry.file.sha256)
            // A stored file that vanished is the server's fault, never the user's: not a diagnostic.
            guard FileManager.default.fileExists(atPath: blob.path) else {
                try? FileManager.default.removeItem(at: folder)
                throw BlobError(message: "thiếu tệp đã lưu \(blob.path)")
            }
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: blob)
            paths.append(url.path)
        }
        self.paths = paths
    }

    /// A path or a message with the staging folder taken out: `group/name` becomes `name`.
    func rename(_ text: String) -> String {
        var result = text
        for path in paths {
            let shown = path.split(separator: "/").last.map(String.init) ?? path
            result = result.replacingOccurrences(of: path, with: shown)
        }
        return result.replacingOccurrences(of: folder.path + "/", with: "")
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
