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
            // One pass over the years, in order, with no list of them: the draft asks this of
            // every unit for each "highest" and "lowest" it names. The sum is taken in the same
            // order as before, so the figures are the same to the bit.
            guard let series = figures[indicator.id] else { return nil }
            var sum = 0.0
            var count = 0
            var last: Double?
            for year in years {
                guard let value = series[year] else { continue }
                sum += value
                count += 1
                last = value
            }
            guard count > 0 else { return nil }
            switch indicator.aggregation {
            case .sum: return sum
            case .average: return sum / Double(count)
            default: return last
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
        var running = Running()
        for (value, weight) in values { running.add(value, weight: weight) }
        return running.combined(by: aggregation)
    }

    /// `combine(weighted:by:)` taken as the values come: the consolidation adds up a thousand
    /// units' figures per indicator and year, and a list of them kept only to be added up was
    /// most of that work. The sums are taken in the order the values are added, as the list's
    /// would be, so that the result is the same to the last bit.
    public struct Running: Sendable {
        private var count = 0
        private var sum = 0.0
        /// The reports the values stand for: the divisor of an average.
        public private(set) var weight = 0.0
        private var weighted = 0.0

        public init() {}

        public mutating func add(_ value: Double, weight: Double) {
            count += 1
            sum += value
            self.weight += weight
            weighted += value * weight
        }

        /// nil when nothing was added.
        public func combined(by aggregation: Indicator.Aggregation) -> Double? {
            guard count > 0 else { return nil }
            switch aggregation {
            case .sum, .latest: return sum
            case .average: return weight > 0 ? weighted / weight : nil
            case .ratio: return nil
            }
        }
    }
}
