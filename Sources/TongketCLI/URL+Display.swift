import Foundation

extension URL {
    /// The path as the user would expect to see it: under the folder they named, or, for a file
    /// elsewhere (a level's report under `--levels`, a roll-up beside its children's folder), its
    /// path from the working folder when it is under it.
    func relativePathForDisplay(_ base: String) -> String {
        let folder = deletingLastPathComponent().standardizedFileURL.path
        if folder == URL(fileURLWithPath: base).standardizedFileURL.path {
            return base == "." ? lastPathComponent : (base as NSString).appendingPathComponent(lastPathComponent)
        }
        let here = FileManager.default.currentDirectoryPath + "/"
        let path = standardizedFileURL.path
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}
