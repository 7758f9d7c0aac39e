import Foundation

/// A review that passed every check of `ReviewRecorder.check`: which outputs become which round.
/// Only a check makes one, so a front end can show what would be recorded before recording it.
public struct ReviewPlan: Sendable, Equatable {
    /// What the reviewer declared.
    public let review: Review
    /// The report's outputs that exist, in the order md, html, docx.
    public let outputs: [URL]
    /// The round they will be recorded as.
    public let round: Int
}
