import TongketCore
import TongketDocument

/// The province's consolidated report as values: every unit's contribution by section, the
/// appendices added up, results against targets, proposals and who has reported.
public struct Consolidation: Sendable {
    /// The date the draft is made as of: lateness of missing reports is counted to it.
    public var asOf: SimpleDate
    /// What units wrote, by section key: the thematic department first, then the others in
    /// Vietnamese alphabetical order.
    public var contributions: [String: [Contribution]]
    public var appendices: [AppendixTotals]
    public var targets: [TargetResult]
    public var commendations: [(unit: String, commendation: Commendation)]
    /// One row per unit of the registry, in registry kind order and then alphabetically.
    public var annex: [SubmissionStatus]

    /// How many units' reports went into the draft.
    public var includedCount: Int { annex.filter(\.isIncluded).count }
}
