import Foundation
import TongketCore

/// The comments files a user pointed at, read in order, each either in the table or left out for
/// its errors; one bad file never keeps the other bodies' comments out.
public struct CommentFolder: Sendable {
    /// Every file read, in the order the paths were given (a folder's files by name).
    public var files: [CommentFile]

    /// Reads every comments file under `paths`: a folder stands for its `.yaml` files, and an empty
    /// folder is kept so that reading it says so instead of silently making an empty table. A file
    /// with errors (with `strict`, with warnings too) is left out.
    public static func read(_ paths: [String], outline: Outline, strict: Bool) -> CommentFolder {
        let files = SubmissionFiles.expand(paths, keepingEmptyFolders: true).map { path in
            let loaded = CommentLoader.load(contentsOf: URL(fileURLWithPath: path), shownName: path, outline: outline)
            let included = loaded.diagnostics.hasErrors(strict: strict) ? nil : loaded.set
            return CommentFile(path: path, diagnostics: loaded.diagnostics, set: included)
        }
        return CommentFolder(files: files)
    }

    /// The comments of the files in the table, in the files' order.
    public var sets: [CommentSet] { files.compactMap(\.set) }

    /// How many files were left out.
    public var leftOut: Int { files.filter { $0.set == nil }.count }

    /// How many comments the table holds.
    public var commentCount: Int { sets.reduce(0) { $0 + $1.comments.count } }
}
