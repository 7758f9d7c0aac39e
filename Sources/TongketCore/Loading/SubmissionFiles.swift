import Foundation

/// Turns the paths a user gave into the submission files to read.
public enum SubmissionFiles {
    /// Files are kept as given; a directory stands for the `.yaml`/`.yml` files directly inside it,
    /// in a fixed order so that output never depends on how the file system lists them.
    /// With `keepingEmptyFolders`, a folder with no `.yaml` file stays in the list, so that reading
    /// it says so instead of silently checking nothing.
    /// With `forms`, a folder also stands for the Word and Excel forms in it (`.docx`, `.xlsx`),
    /// but not the skeleton's rendered sample (`.mau.docx`) nor Office's lock files (`~$…`).
    public static func expand(_ paths: [String], keepingEmptyFolders: Bool = false, forms: Bool = false) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let yaml = names.filter { name in
                    guard !name.hasPrefix("."), !name.hasPrefix("~$") else { return false }
                    if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { return true }
                    let lower = name.lowercased()
                    return forms && (lower.hasSuffix(".xlsx") || (lower.hasSuffix(".docx") && !lower.hasSuffix(".mau.docx")))
                }.sorted()
                result += yaml.map { (path as NSString).appendingPathComponent($0) }
                if yaml.isEmpty && keepingEmptyFolders { result.append(path) }
            } else {
                result.append(path)
            }
        }
        return result
    }
}
