import TongketCore
import TongketDocument

/// An appendix table added up over every unit that reported it.
public struct AppendixTotals: Sendable {
    public var table: AppendixTable
    /// The province's figure per indicator and year, each combined by the indicator's rule.
    public var figures: [String: [Int: Double]]
    /// How many units gave at least one figure for each indicator.
    public var reporters: [String: Int]
    /// The units whose figures went into the table: those that reported themselves and the
    /// predecessors whose figures their successor reported.
    public var contributors: Set<String> = []
    /// Each contributing unit's own figures for this table, in the draft's order: what names the
    /// highest and the lowest unit in the body's sentences.
    public var byUnit: [(unit: ReportingUnit, figures: [String: [Int: Double]])] = []
    /// For averages: how many reports each year's figure is the mean of (a rolled-up report
    /// counting as the reports it was made from), which a roll-up passes on (`RollUp.weights`).
    public var weights: [String: [Int: Double]] = [:]
}
