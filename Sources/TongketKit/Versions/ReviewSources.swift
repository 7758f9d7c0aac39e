import Foundation
import TongketCore

/// What a report's outputs were made from, hashed into each recorded version so that a later
/// reader can tell which submissions, outline and templates produced it.
public struct ReviewSources: Sendable, Equatable {
    /// The submission files and folders as the user named them; a folder stands for its `.yaml` files.
    public var submissions: [String]
    /// The outline folder; every file in it counts.
    public var outline: URL
    /// The templates folder; every file in it counts.
    public var templates: URL

    /// The sources as found: submission paths as given, the outline and templates folders.
    public init(submissions: [String], outline: URL, templates: URL) {
        self.submissions = submissions
        self.outline = outline
        self.templates = templates
    }

    /// Every source file and the name it is recorded under: the submissions, then the outline's
    /// and the templates' files, each folder sorted so that the listing order of the file system
    /// never shows in a version.
    public func files() -> [(shown: String, url: URL)] {
        SubmissionFiles.expand(submissions).map { ($0, URL(fileURLWithPath: $0)) } + Self.files(under: outline)
            + Self.files(under: templates)
    }

    /// The files (not folders) anywhere under `folder`, by path.
    static func files(under folder: URL) -> [(shown: String, url: URL)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String { paths.append(path) }
        return paths.sorted().compactMap { path in
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return (url.path, url)
        }
    }
}
