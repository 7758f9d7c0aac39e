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
