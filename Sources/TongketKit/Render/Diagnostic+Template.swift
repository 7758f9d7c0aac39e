import TongketCore

extension Diagnostic {
    /// A template, style file or class map that cannot be used, located in its file: refused at
    /// load time (exit 4) rather than found as a hole in a printed report.
    init(file: String, line: Int, column: Int, message: String) {
        self.init(.error, .template, at: SourceLocation(file: file, line: line, column: column), message)
    }
}
