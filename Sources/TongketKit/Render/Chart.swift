/// A bar chart of one indicator by year, with the phases marked as bands and their own figure:
/// built from data by the engine, drawn natively by the HTML writer as SVG.
public struct Chart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double?
    }

    public struct Band: Sendable, Equatable {
        /// "2011 - 2015".
        public var label: String
        /// Indices of the first and last bar in the band.
        public var first: Int
        public var last: Int
        /// The phase's figure as printed, "27.482".
        public var figure: String
    }

    public var title: String
    public var measure: String
    public var bars: [Bar]
    public var bands: [Band]

    /// The chart of `indicator` from the province's figures.
    public static func of(_ indicator: Indicator, in totals: AppendixTotals, programme: Programme) -> Chart {
        let years = Array(programme.years)
        let bars = years.map { year in
            Bar(label: String(year), value: Aggregation.value(of: indicator, in: totals.table, figures: totals.figures, years: year...year))
        }
        let bands = programme.phases.compactMap { phase -> Band? in
            guard let first = years.firstIndex(of: phase.firstYear), let last = years.firstIndex(of: phase.lastYear) else { return nil }
            let value = Aggregation.value(of: indicator, in: totals.table, figures: totals.figures, years: phase.firstYear...phase.lastYear)
            return Band(
                label: "\(phase.firstYear) - \(phase.lastYear)", first: first, last: last,
                figure: value.map { VietnameseFormat.number($0) } ?? "-")
        }
        return Chart(title: indicator.name, measure: indicator.measure, bars: bars, bands: bands)
    }

    /// Where things go, in the units of a 640 × 260 picture; every writer draws the same chart.
    public struct Layout: Sendable {
        public let width = 640.0
        public let height = 260.0
        public let left = 60.0
        public let right = 10.0
        public let top = 40.0
        public let bottom = 40.0
        /// The top of the value axis.
        public let maximum: Double
        /// The width given to each bar.
        public let slot: Double

        public init(_ chart: Chart) {
            maximum = Self.niceCeiling(chart.bars.compactMap(\.value).max() ?? 0)
            slot = (width - left - right) / Double(max(chart.bars.count, 1))
        }

        public var plotHeight: Double { height - top - bottom }
        public var plotWidth: Double { width - left - right }

        /// The height on the picture of `value`.
        public func y(_ value: Double) -> Double { top + plotHeight - (maximum > 0 ? value / maximum * plotHeight : 0) }

        /// A round number at or above `value` for the top of the axis: 1, 2 or 5 times a power of ten.
        static func niceCeiling(_ value: Double) -> Double {
            guard value > 0 else { return 1 }
            var magnitude = 1.0
            while magnitude * 10 <= value { magnitude *= 10 }
            while magnitude > value { magnitude /= 10 }
            for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= value { return factor * magnitude }
            return 10 * magnitude
        }
    }
}
