import Foundation

/// Turns the paths a user gave into the submission files to read.
public enum SubmissionFiles {
    /// Files are kept as given; a directory stands for the `.yaml`/`.yml` files directly inside it,
    /// in a fixed order so that output never depends on how the file system lists them.
    /// With `keepingEmptyFolders`, a folder with no `.yaml` file stays in the list, so that reading
    /// it says so instead of silently checking nothing.
    public static func expand(_ paths: [String], keepingEmptyFolders: Bool = false) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let yaml = names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
                result += yaml.map { (path as NSString).appendingPathComponent($0) }
                if yaml.isEmpty && keepingEmptyFolders { result.append(path) }
            } else {
                result.append(path)
            }
        }
        return result
    }
}
