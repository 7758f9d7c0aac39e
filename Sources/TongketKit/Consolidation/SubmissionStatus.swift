import TongketCore
import TongketDocument

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
    /// Whether the file held a thematic report (whose date may still be unreadable).
    public var thematicReceived = false
    /// Whether the unit is expected to report: false for a unit that no longer exists when the
    /// draft is due, whose report, if any, is an archived one.
    public var isExpected = true
    /// For a unit others report to, with its folder of their reports at hand: how many reported
    /// and whether its rolled-up report still matches them (`SubmissionFolder.checkRollUps`).
    public var rollUp: RollUpState? = nil

    /// A report was received but its date could not be read: neither on time nor late.
    public var dateUnreadable: Bool { !files.isEmpty && reportDate == nil }

    /// The same for the thematic report.
    public var thematicDateUnreadable: Bool { thematicReceived && thematicDate == nil }

    /// Whether the unit's report went into the draft.
    public var isIncluded: Bool {
        if case .valid = state { return true }
        return false
    }

    /// Days late (positive), on time (zero or negative); for a missing report, days past the
    /// deadline as of `asOf` (nil while the deadline has not passed).
    /// A received report whose date could not be read has no lateness at all (nil).
    public func daysLate(asOf: SimpleDate) -> Int? {
        // An archived report was written for its own time, not for this plan's deadline.
        guard isExpected else { return nil }
        if let reportDate { return deadline.days(until: reportDate) }
        if dateUnreadable { return nil }
        let overdue = deadline.days(until: asOf)
        return overdue > 0 ? overdue : nil
    }

    public func thematicDaysLate(asOf: SimpleDate) -> Int? {
        guard isExpected, let thematicDeadline else { return nil }
        if let thematicDate { return thematicDeadline.days(until: thematicDate) }
        if thematicDateUnreadable { return nil }
        let overdue = thematicDeadline.days(until: asOf)
        return overdue > 0 ? overdue : nil
    }
}
