/// One problem found in an input, with its place and a Vietnamese message saying what was expected.
public struct Diagnostic: Equatable, Sendable, Error, CustomStringConvertible {
    public var severity: Severity
    public var kind: DiagnosticKind
    public var location: SourceLocation
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ kind: DiagnosticKind, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `file:line:column: lỗi: message`, the form editors and terminals understand; for a Word
    /// or Excel form, `file: Biểu 03, ô E7 (…): lỗi: message`.
    public var description: String {
        "\(location.shown): \(severity.label): \(message)"
    }
}
