import TongketKit

/// A diagnostic as the web shows it and the API returns it: the file as uploaded, the line and
/// column (YAML) or the place (a sheet and cell, a section) of a form.
public struct WebDiagnostic: Sendable, Equatable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var place: String
    /// "loi" or "canh-bao".
    public var severity: String
    public var message: String

    /// From a reader's diagnostic, with `rename` turning staged paths back into uploaded names.
    init(_ diagnostic: Diagnostic, rename: (String) -> String) {
        file = rename(diagnostic.location.file)
        line = diagnostic.location.line
        column = diagnostic.location.column
        place = diagnostic.location.place.map(rename) ?? "\(diagnostic.location.line):\(diagnostic.location.column)"
        severity = diagnostic.severity == .error ? "loi" : "canh-bao"
        message = rename(diagnostic.message)
    }

    /// A diagnostic the web itself raises about the upload as a whole.
    init(file: String, message: String) {
        self.file = file
        line = 1
        column = 1
        place = "1:1"
        severity = "loi"
        self.message = message
    }

    /// Whether it is an error (not a warning).
    public var isError: Bool { severity == "loi" }

    /// "Lỗi" or "Cảnh báo".
    public var severityLabel: String { isError ? "Lỗi" : "Cảnh báo" }
}
