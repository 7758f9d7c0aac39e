/// What went wrong, so that tests and callers can tell problems apart without reading the prose.
public enum DiagnosticKind: String, Equatable, Sendable {
    case unreadable
    case encoding
    case notYAML
    case wrongType
    case missingField
    case unknownKey
    case unknownUnit
    case unknownSection
    case notApplicable
    case emptySection
    case unknownAppendix
    case unknownIndicator
    case computedIndicator
    case yearOutOfPeriod
    case notANumber
    case notAnInteger
    case negative
    case percentOver100
    case ruleBroken
    case badDate
    case missingFigures
    case anchorNotAllowed
    case outlineInvalid
    case duplicate
    case template
    /// An Office file that is not what it says, or that a reader must not open (a ZIP bomb, an
    /// old binary or encrypted file, entity expansion).
    case badPackage
    /// A form made for another unit, another programme or an older outline.
    case wrongForm
}
