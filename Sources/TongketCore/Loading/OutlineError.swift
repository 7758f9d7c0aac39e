import Foundation

/// The outline folder could not be used; every problem found is listed.
public struct OutlineError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
