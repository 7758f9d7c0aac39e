import TongketCore

/// What a unit's form was read into: the equivalent YAML (what `tongket import` writes), the
/// unit it was made for, and every problem located in the form's own terms. The figures and
/// commendations are those the submission checker accepted from that YAML.
public struct FormReading: Sendable {
    /// The unit the form names on its hidden sheet, once the form is known to be one of ours.
    public var unitID: String?
    /// The YAML text the form holds (for a workbook: `don_vi`, `phu_luc` and `khen_thuong`).
    public var yaml: String
    public var diagnostics: [Diagnostic]
    public var figures: [String: [String: [Int: Double]]]
    public var commendations: [Commendation]
    /// What the checker built from the YAML (a workbook gives only figures and commendations, a
    /// Word form only the texts), nil when the form was refused.
    public var submission: Submission?
    /// The form place of each line of `yaml`, and the table (sheet) of each figure line, so
    /// that the YAML of two forms read together can still be told in the forms' terms.
    package var places: [Int: FormPlace] = [:]
    /// `yaml`'s lines as read, so that two forms' YAML are joined without splitting it again.
    package var lines: [String] = []
    package var tables: [Int: String] = [:]
    /// The problems the form reader found itself (numbers typed as text, a table left out),
    /// apart from those the submission checker found in the YAML.
    package var readerDiagnostics: [Diagnostic] = []

    public init(
        unitID: String?, yaml: String, diagnostics: [Diagnostic], figures: [String: [String: [Int: Double]]], commendations: [Commendation],
        submission: Submission? = nil
    ) {
        self.submission = submission
        self.unitID = unitID
        self.yaml = yaml
        self.diagnostics = diagnostics
        self.figures = figures
        self.commendations = commendations
    }

    /// A form that could not be read at all.
    static func refused(_ diagnostic: Diagnostic) -> FormReading {
        FormReading(unitID: nil, yaml: "", diagnostics: [diagnostic], figures: [:], commendations: [])
    }
}
