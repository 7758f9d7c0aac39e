/// A chart as inline SVG: no script, black and grey only, so it prints as it shows.
public enum SVGChartWriter {
    public static func svg(_ chart: Chart) -> String {
        let width = 640.0
        let height = 260.0
        let left = 60.0
        let right = 10.0
        let top = 40.0
        let bottom = 40.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let maximum = niceCeiling(chart.bars.compactMap(\.value).max() ?? 0)
        let slot = plotWidth / Double(max(chart.bars.count, 1))
        func y(_ value: Double) -> Double { top + plotHeight - (maximum > 0 ? value / maximum * plotHeight : 0) }
        var out = "<figure class=\"bieu-do\">\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(chart.title))\">\n"
        for band in chart.bands {
            let x0 = left + Double(band.first) * slot
            let x1 = left + Double(band.last + 1) * slot
            let shade = band.first == 0 ? "#f2f2f2" : "#e0e0e0"
            out += "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(x1 - x0))\" height=\"\(f(plotHeight))\" fill=\"\(shade)\"/>\n"
            out +=
                "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(top - 22))\" text-anchor=\"middle\" font-size=\"12\">Giai đoạn \(HTMLText.escape(band.label))</text>\n"
            out +=
                "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(top - 8))\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">\(HTMLText.escape(band.figure))</text>\n"
        }
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            out +=
                "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(value)))\" y2=\"\(f(y(value)))\" stroke=\"#999\" stroke-width=\"0.5\"/>\n"
            out +=
                "<text x=\"\(f(left - 4))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\" font-size=\"11\">\(VietnameseFormat.number(value))</text>\n"
        }
        for (index, bar) in chart.bars.enumerated() {
            let x = left + Double(index) * slot
            if let value = bar.value {
                out +=
                    "<rect x=\"\(f(x + slot * 0.2))\" y=\"\(f(y(value)))\" width=\"\(f(slot * 0.6))\" height=\"\(f(top + plotHeight - y(value)))\" fill=\"#333\"><title>\(HTMLText.escape(bar.label)): \(VietnameseFormat.number(value))</title></rect>\n"
            }
            out +=
                "<text x=\"\(f(x + slot / 2))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(HTMLText.escape(bar.label))</text>\n"
        }
        out +=
            "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(top + plotHeight))\" y2=\"\(f(top + plotHeight))\" stroke=\"#000\"/>\n"
        out += "</svg>\n"
        out +=
            "<figcaption>\(HTMLText.escape(chart.title)) (\(HTMLText.escape(chart.measure))), theo năm và giai đoạn</figcaption>\n</figure>"
        return out
    }

    /// A round number at or above `value` for the top of the axis: 1, 2 or 5 times a power of ten.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    /// Coordinates with at most one decimal, the same text on every machine.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
