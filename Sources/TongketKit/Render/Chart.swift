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
}
