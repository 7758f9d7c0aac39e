/// A place in an input file, 1-based, as editors count lines and columns (columns in Unicode scalars).
///
/// A file the user filled in Word or Excel has no lines the user ever saw: its diagnostics carry a
/// `place` in the user's terms ("Biểu 03, ô E7 (Số hồ sơ tiếp nhận, năm 2013)"), which is printed
/// instead of the line and column. The line and column then still order the diagnostics (they are
/// those of the equivalent YAML the form was read into).
public struct SourceLocation: Equatable, Hashable, Sendable, Comparable {
    /// The file as the user named it.
    public var file: String
    /// Line number starting from 1.
    public var line: Int
    /// Column number starting from 1.
    public var column: Int
    /// The place as the user sees it in a Word or Excel form; nil for a text file.
    public var place: String?

    /// Creates a location.
    public init(file: String, line: Int, column: Int, place: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.place = place
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `file:line:column` for a text file, `file: place` for a form.
    public var shown: String {
        if let place { return "\(file): \(place)" }
        return "\(file):\(line):\(column)"
    }
}
