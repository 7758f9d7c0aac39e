import Foundation

extension URL {
    /// The path as the user would expect to see it: under the folder they named.
    func relativePathForDisplay(_ base: String) -> String {
        base == "." ? lastPathComponent : (base as NSString).appendingPathComponent(lastPathComponent)
    }
}
