import Foundation

/// A submission as read, with every problem found in it. The submission is there whenever the
/// file could be parsed and names a known unit, even if it has errors, so that `validate` can
/// say everything at once; callers that merge reports use it only when `isValid`.
public struct LoadedSubmission: Sendable, Equatable {
    public var submission: Submission?
    public var diagnostics: [Diagnostic]

    public init(submission: Submission?, diagnostics: [Diagnostic]) {
        self.submission = submission
        self.diagnostics = diagnostics
    }

    public func isValid(strict: Bool = false) -> Bool { submission != nil && !diagnostics.hasErrors(strict: strict) }
}
