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
}

/// How serious a problem is; `--strict` treats warnings as errors.
public enum Severity: String, Equatable, Sendable {
    case error
    case warning

    /// The word printed before the message, as compilers print `error:`.
    public var label: String {
        switch self {
        case .error: return "lỗi"
        case .warning: return "cảnh báo"
        }
    }
}

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

    /// `file:line:column: lỗi: message`, the form editors and terminals understand.
    public var description: String {
        "\(location.file):\(location.line):\(location.column): \(severity.label): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any entry stops the input from being used, with `strict` counting warnings too.
    public func hasErrors(strict: Bool = false) -> Bool {
        contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    /// Diagnostics in file order, so that a user reads them top to bottom.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}
