import TongketCore

/// What the reviewer says of the version being recorded: its state, who reviewed it, when, and a
/// note. The files themselves come from the report's folder, never from here.
public struct Review: Sendable, Equatable {
    /// Where the version stands: draft, reviewed or final.
    public var status: ReviewStatus
    /// Name and position, as they will stand in the version's manifest.
    public var reviewer: String
    /// The day of the review, as the manifest records it (never taken from the clock here).
    public var date: SimpleDate
    /// Free text recorded with the version; may be empty.
    public var note: String

    /// A review of the given state, by `reviewer` on `date`.
    public init(status: ReviewStatus, reviewer: String, date: SimpleDate, note: String = "") {
        self.status = status
        self.reviewer = reviewer
        self.date = date
        self.note = note
    }
}
