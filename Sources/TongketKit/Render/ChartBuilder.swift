import TongketCore
import TongketDocument

/// Builds the charts of the consolidated draft from the aggregated figures.
enum ChartBuilder {
    /// The chart of `indicator` by year, with each phase's figure, from the province's figures;
    /// `number` is its place among the report's charts ("Biểu đồ 1").
    static func chart(of indicator: Indicator, in totals: AppendixTotals, programme: Programme, number: Int) -> Chart {
        let years = Array(programme.years)
        let bars = years.map { year in
            let value = Aggregation.value(of: indicator, in: totals.table, figures: totals.figures, years: year...year)
            return Chart.Bar(label: String(year), value: value, text: value.map(indicator.format) ?? "-")
        }
        let bands = programme.phases.compactMap { phase -> Chart.Band? in
            guard let first = years.firstIndex(of: phase.firstYear), let last = years.firstIndex(of: phase.lastYear) else { return nil }
            let value = Aggregation.value(of: indicator, in: totals.table, figures: totals.figures, years: phase.firstYear...phase.lastYear)
            return Chart.Band(
                label: "\(phase.firstYear) - \(phase.lastYear)", name: phase.name, first: first, last: last,
                figure: value.map(indicator.format) ?? "-")
        }
        // Without declared decimals a figure prints with up to two: whole numbers when every
        // year's figure is whole, else two places, so the Word chart's labels read as the table.
        let whole = bars.compactMap(\.value).allSatisfy { $0.rounded() == $0 }
        return Chart(
            title: indicator.name, measure: indicator.measure, bars: bars, bands: bands, number: number,
            decimals: indicator.decimals ?? (whole ? 0 : 2)
        ) { VietnameseFormat.number($0) }
    }
}
