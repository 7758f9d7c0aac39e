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

/// One unit's text in one section.
public struct Contribution: Sendable, Equatable {
    public var unitID: String
    public var unitName: String
    /// Written in the unit's thematic report for the whole province.
    public var isThematic: Bool
    public var content: SectionContent
}

/// An appendix table added up over every unit that reported it.
public struct AppendixTotals: Sendable {
    public var table: AppendixTable
    /// The province's figure per indicator and year, each combined by the indicator's rule.
    public var figures: [String: [Int: Double]]
    /// How many units gave at least one figure for each indicator.
    public var reporters: [String: Int]
}

/// A target of the programme and how the province stands against it.
public struct TargetResult: Sendable {
    public var target: Target
    /// The province's figure for the target's year; nil when nobody reported it.
    public var value: Double?
    /// Whether the target was met; nil without a figure.
    public var met: Bool? { value.map { target.comparison.holds($0, against: target.value) } }
    /// How far above (positive) or below (negative) the target value the figure is.
    public var difference: Double? { value.map { $0 - target.value } }
}

/// Where a unit stands with its reports.
public struct SubmissionStatus: Sendable {
    public enum State: Sendable, Equatable {
        /// No file for this unit.
        case missing
        /// A file that could not be used: errors (and the first of them) or two files for one unit.
        case invalid(errors: Int, first: String)
        /// A usable report, with its number of warnings.
        case valid(warnings: Int)
    }

    public var unit: ReportingUnit
    /// The file(s) received for the unit.
    public var files: [String]
    public var state: State
    /// The unit report's date and its deadline.
    public var reportDate: SimpleDate?
    public var deadline: SimpleDate
    /// The thematic report's date and deadline, for the departments given one.
    public var thematicDate: SimpleDate?
    public var thematicDeadline: SimpleDate?

    /// Whether the unit's report went into the draft.
    public var isIncluded: Bool {
        if case .valid = state { return true }
        return false
    }

    /// Days late (positive), on time (zero or negative); for a missing report, days past the
    /// deadline as of `asOf` (nil while the deadline has not passed).
    public func daysLate(asOf: SimpleDate) -> Int? {
        if let reportDate { return deadline.days(until: reportDate) }
        let overdue = deadline.days(until: asOf)
        return overdue > 0 ? overdue : nil
    }

    public func thematicDaysLate(asOf: SimpleDate) -> Int? {
        guard let thematicDeadline else { return nil }
        if let thematicDate { return thematicDeadline.days(until: thematicDate) }
        let overdue = thematicDeadline.days(until: asOf)
        return overdue > 0 ? overdue : nil
    }
}
