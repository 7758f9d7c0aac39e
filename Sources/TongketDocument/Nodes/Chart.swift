/// A bar chart of one indicator by year, with the phases marked as bands and their own figure:
/// built from data by the application, drawn natively by each writer (SVG in HTML, a native Word
/// chart with its data in an embedded workbook in DOCX). Every number a writer prints comes
/// already formatted, so writers know no locale; the values a Word chart stores are written
/// locale-free (`plainValue`).
public struct Chart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double?
        /// The value as printed, "27.482".
        public var text: String

        public init(label: String, value: Double?, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }
    }

    public struct Band: Sendable, Equatable {
        /// "2011 - 2015": the years, drawn on a picture that has digits only.
        public var label: String
        /// The phase's name as the outline gives it, "Giai đoạn 2011 - 2015".
        public var name: String
        /// Indices of the first and last bar in the band.
        public var first: Int
        public var last: Int
        /// The phase's figure as printed, "27.482".
        public var figure: String

        public init(label: String, name: String, first: Int, last: Int, figure: String) {
            self.label = label
            self.name = name
            self.first = first
            self.last = last
            self.figure = figure
        }
    }

    public var title: String
    public var measure: String
    public var bars: [Bar]
    public var bands: [Band]
    /// The value axis's labels from 0 to `Layout.maximum`, in `Layout.axisSteps` equal steps.
    public var axisLabels: [String]
    /// Its number among the report's charts, in document order: "Biểu đồ 1", the same in every
    /// format, so the application numbers charts when it places them.
    public var number: Int
    /// Where it stands on its appendix's pages (`AppendixPage`); the writers size and break by it.
    public var placement: Placement = .flowing

    public enum Placement: Sendable, Equatable {
        /// After what precedes it, at its usual size.
        case flowing
        /// At the top of a new page, at its usual size (another chart follows it there).
        case newPage
        /// Alone on a new page, which it fills.
        case wholePage
    }

    /// Decimal places the figures are printed with, which a Word chart's number format and
    /// stored values follow.
    public var decimals: Int

    /// A chart whose axis is labelled by `format`.
    public init(
        title: String, measure: String, bars: [Bar], bands: [Band], number: Int, decimals: Int, format: (Double) -> String
    ) {
        self.title = title
        self.measure = measure
        self.bars = bars
        self.bands = bands
        self.number = number
        self.decimals = max(0, min(decimals, 10))
        let layout = Layout(bars: bars, wholeSteps: self.decimals == 0)
        axisLabels = (0...Layout.axisSteps).map { format(layout.axisValue(step: $0)) }
    }

    /// "Biểu đồ 1: Số hồ sơ tiếp nhận (hồ sơ)": the caption under the chart in every format.
    public var caption: String { "Biểu đồ \(number): \(title) (\(measure))" }

    /// Each phase's figure, "Giai đoạn 2011 - 2015: 27.482; Giai đoạn 2016 - 2020: 30.100": the
    /// second line of the caption, since a native Word chart has no shaded bands to carry them.
    public var phaseFigures: String { bands.map { "\($0.name): \($0.figure)" }.joined(separator: "; ") }

    /// `value` rounded to `decimals` places as a spreadsheet stores it ("27482", "0.43",
    /// "-1.50"): digits, an optional minus and a point, the same on every machine.
    public func plainValue(_ value: Double) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        // Beyond what a Double holds exactly, print the rounded value as Swift does.
        guard scaled < 9e15 else { return String((value * scale).rounded() / scale) }
        let whole = Int(scaled)
        let unit = Int(scale)
        var text = String(whole / unit)
        if decimals > 0 {
            let fraction = String(whole % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return value < 0 && whole != 0 ? "-" + text : text
    }

    /// Where things go, in the units of a 640 × 260 picture (640 × 470 for a chart filling its
    /// page, a Word chart's proportions there); every writer draws the same chart.
    public struct Layout: Sendable {
        public let width = 640.0
        public let height: Double
        /// Room for the axis labels and, turned upright, the unit of measure beside them.
        public let left = 72.0
        public let right = 10.0
        /// Room for the phases' names above the bars, clear of the figure over a bar at the top.
        public let top = 44.0
        public let bottom = 40.0
        /// The top of the value axis.
        public let maximum: Double
        /// The width given to each bar.
        public let slot: Double

        /// The value axis is divided in this many equal steps.
        public static let axisSteps = 4

        public init(_ chart: Chart) {
            self.init(bars: chart.bars, wholePage: chart.placement == .wholePage, wholeSteps: chart.decimals == 0)
        }

        /// `wholeSteps`: the figures are counts, so is every step of the axis ("0, 2, 4, 6, 8",
        /// never "1,25").
        init(bars: [Bar], wholePage: Bool = false, wholeSteps: Bool = false) {
            height = wholePage ? 470 : 260
            let highest = bars.compactMap(\.value).max() ?? 0
            var maximum = Self.niceCeiling(highest)
            let steps = Double(Self.axisSteps)
            if wholeSteps, highest > 0, (maximum / steps).rounded() != maximum / steps {
                // A whole step of 1, 2 or 5 times a power of ten, four of them above the highest bar.
                maximum = steps * max(1, Self.niceCeiling(highest / steps, whole: true))
            }
            self.maximum = maximum
            slot = (width - left - right) / Double(max(bars.count, 1))
        }

        /// The value at the `step`-th line of the axis.
        public func axisValue(step: Int) -> Double { maximum * Double(step) / Double(Self.axisSteps) }

        public var plotHeight: Double { height - top - bottom }
        public var plotWidth: Double { width - left - right }

        /// The height on the picture of `value`.
        public func y(_ value: Double) -> Double { top + plotHeight - (maximum > 0 ? value / maximum * plotHeight : 0) }

        /// A round number at or above `value` for the top of the axis: 1, 2 or 5 times a power of ten.
        /// `whole`: never 2.5 (a step of 2,5 between counts).
        static func niceCeiling(_ value: Double, whole: Bool = false) -> Double {
            guard value > 0 else { return 1 }
            var magnitude = 1.0
            while magnitude * 10 <= value { magnitude *= 10 }
            while magnitude > value { magnitude /= 10 }
            let factors = whole && magnitude < 10 ? [1.0, 2.0, 5.0, 10.0] : [1.0, 2.0, 2.5, 5.0, 10.0]
            for factor in factors where factor * magnitude >= value && (!whole || (factor * magnitude).rounded() == factor * magnitude) {
                return factor * magnitude
            }
            return 10 * magnitude
        }
    }
}
