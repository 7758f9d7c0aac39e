import Foundation
import TongketKit

/// Stored files laid out under their uploaded names, for the readers, which tell YAML from forms
/// by name.
///
/// Two layouts: a temporary folder of the data folder, removed when done; or the lasting one in
/// `tep-doc/`, where a file is always at the same path (`<sha256>/<group>/<name>`), so that the
/// submission cache, which knows a file by its bytes and the name messages give it, finds what an
/// earlier reading of the same upload left there.
struct StagedFiles {
    /// The folder the layout lives in (under the data folder).
    let folder: URL
    /// The staged path of each file, in order.
    let paths: [String]
    /// Whether `remove()` takes the folder away (the temporary layout).
    private let temporary: Bool

    /// The lasting layout's folder inside the data folder.
    static let lastingFolderName = "tep-doc"

    /// Links each file's blob under `group/name` in a new temporary folder of `scratch` (the
    /// group keeps two units' files apart).
    init(_ files: [(group: String, file: UploadFile)], blobs: BlobStore, scratch: URL) throws {
        let folder = scratch.appendingPathComponent(Secret.token())
        var paths: [String] = []
        do {
            for (relative, sha256) in try Self.places(files, blobs: blobs) {
                let url = folder.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(at: url, withDestinationURL: blobs.url(of: sha256))
                paths.append(url.path)
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        self.folder = folder
        self.paths = paths
        temporary = true
    }

    /// Links each file's blob at `lasting/<sha256>/group/name`, where it stays: the same upload
    /// is read from the same path every time.
    init(_ files: [(group: String, file: UploadFile)], blobs: BlobStore, lasting: URL) throws {
        paths = try Self.places(files, blobs: blobs).map { relative, sha256 in
            let url = lasting.appendingPathComponent(sha256).appendingPathComponent(relative)
            try blobs.link(sha256, at: url)
            return url.path
        }
        folder = lasting
        temporary = false
    }

    /// Each file's place under a layout (`group/name`, or `group/index-name` for a name used twice)
    /// and the digest of its blob, which must be there.
    private static func places(_ files: [(group: String, file: UploadFile)], blobs: BlobStore) throws -> [(String, String)] {
        var places: [(String, String)] = []
        var used = Set<String>()
        for (index, entry) in files.enumerated() {
            // Within a file system's 255 bytes even for a name stored before names were capped.
            let name = UploadFile.safeName(entry.file.name)
            var relative = "\(entry.group)/\(name)"
            if used.contains(relative) { relative = "\(entry.group)/\(index)-\(name)" }
            used.insert(relative)
            let blob = blobs.url(of: entry.file.sha256)
            // A stored file that vanished is the server's fault, never the user's: not a diagnostic.
            guard FileManager.default.fileExists(atPath: blob.path) else { throw BlobError(message: "thiếu tệp đã lưu \(blob.path)") }
            places.append((relative, entry.file.sha256))
        }
        return places
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

    /// Takes the temporary layout away; the lasting one stays.
    func remove() {
        if temporary { try? FileManager.default.removeItem(at: folder) }
    }
}
