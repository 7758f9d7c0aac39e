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
    /// What the drafting body wrote itself (`tong_hop:`), by section key: it leads its sections.
    public var drafting: [String: SectionContent] = [:]
    public var appendices: [AppendixTotals]
    public var targets: [TargetResult]
    public var commendations: [(unit: String, commendation: Commendation)]
    /// One row per unit of the registry, in registry kind order and then alphabetically.
    public var annex: [SubmissionStatus]
    /// Warnings about the folder as a whole: figures of one unit given twice, of which one copy
    /// was used.
    public var notices: [Diagnostic] = []

    /// How many units' reports went into the draft.
    public var includedCount: Int { annex.filter { $0.isExpected && $0.isIncluded }.count }

    /// The units expected to report: those that still exist when the draft is due.
    public var expectedCount: Int { annex.filter(\.isExpected).count }
}
