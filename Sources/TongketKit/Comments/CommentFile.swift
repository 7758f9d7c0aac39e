import TongketCore

/// One comments file as read: its problems, and its comments when they go in the table.
public struct CommentFile: Sendable {
    /// The path as the user gave it (a file of a folder they named is shown under that folder).
    public var path: String
    /// Every problem found in the file, located; warnings included.
    public var diagnostics: [Diagnostic]
    /// nil when the file is left out of the table for its errors.
    public var set: CommentSet?
}
