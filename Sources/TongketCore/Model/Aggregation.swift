/// How an indicator's figures combine over a range of years (a phase, the whole period) and
/// across units, each by its own rule. Pure functions: the expected figures in the tests are
/// computed by hand.
public enum Aggregation {
    /// One unit's (or the province's) figure for `indicator` over `years`.
    /// - sum: the sum of the years that have a figure;
    /// - average: their mean;
    /// - latest: the figure of the last year in the range that has one (a stock at period end);
    /// - ratio: 100 × numerator / denominator, each aggregated over the same years by its own rule.
    /// nil when no year in the range has a figure (or a ratio's denominator is nil or zero).
    public static func value(
        of indicator: Indicator, in table: AppendixTable, figures: [String: [Int: Double]], years: ClosedRange<Int>
    ) -> Double? {
        switch indicator.aggregation {
        case .ratio(let numeratorID, let denominatorID):
            guard let numerator = table.indicator(numeratorID), let denominator = table.indicator(denominatorID),
                let top = value(of: numerator, in: table, figures: figures, years: years),
                let bottom = value(of: denominator, in: table, figures: figures, years: years), bottom != 0
            else { return nil }
            return 100 * top / bottom
        case .sum, .average, .latest:
            let series = figures[indicator.id] ?? [:]
            let present = years.compactMap { series[$0] }
            guard !present.isEmpty else { return nil }
            switch indicator.aggregation {
            case .sum: return present.reduce(0, +)
            case .average: return present.reduce(0, +) / Double(present.count)
            default: return years.reversed().lazy.compactMap { series[$0] }.first
            }
        }
    }

    /// The figures of many units for one year combined into one: sums and stocks add up,
    /// averages are the mean of the units that reported. Ratios are not combined here: they are
    /// recomputed from their combined parts.
    public static func combine(_ values: [Double], by aggregation: Indicator.Aggregation) -> Double? {
        combine(weighted: values.map { ($0, 1) }, by: aggregation)
    }

    /// The same, each value weighed as `weight` reports: a rolled-up report's average stands for
    /// the mean of that many reports (`RollUp.weights`), so the mean of all reports is the same
    /// whether it is taken at once or level by level. Sums and stocks ignore the weights.
    public static func combine(weighted values: [(value: Double, weight: Double)], by aggregation: Indicator.Aggregation) -> Double? {
        guard !values.isEmpty else { return nil }
        switch aggregation {
        case .sum, .latest: return values.reduce(0) { $0 + $1.value }
        case .average:
            let weight = values.reduce(0) { $0 + $1.weight }
            return weight > 0 ? values.reduce(0) { $0 + $1.value * $1.weight } / weight : nil
        case .ratio: return nil
        }
    }
}
