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
}
