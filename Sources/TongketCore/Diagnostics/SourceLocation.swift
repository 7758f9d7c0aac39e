/// A place in an input file, 1-based, as editors count lines and columns (columns in Unicode scalars).
public struct SourceLocation: Equatable, Hashable, Sendable, Comparable {
    /// The file as the user named it.
    public var file: String
    /// Line number starting from 1.
    public var line: Int
    /// Column number starting from 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
