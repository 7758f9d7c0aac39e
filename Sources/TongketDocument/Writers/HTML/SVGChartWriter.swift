/// A chart as inline SVG: no script, black and grey only, so it prints as it shows.
public enum SVGChartWriter {
    public static func svg(_ chart: Chart) -> String {
        "<figure class=\"bieu-do\">\n" + element(chart, attributes: "role=\"img\"")
            + "<figcaption>\(HTMLText.escape(chart.title)) (\(HTMLText.escape(chart.measure))), theo năm và giai đoạn</figcaption>\n</figure>"
    }

    /// The chart as an SVG file of its own (for DOCX), naming its font, since no page around it does.
    public static func standalone(_ chart: Chart) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + element(chart, attributes: "width=\"640\" height=\"260\" font-family=\"Times New Roman, Liberation Serif, serif\"")
    }

    static func element(_ chart: Chart, attributes: String) -> String {
        let layout = Chart.Layout(chart)
        let (width, height, left, right, top, bottom) = (layout.width, layout.height, layout.left, layout.right, layout.top, layout.bottom)
        let plotHeight = layout.plotHeight
        let slot = layout.slot
        func y(_ value: Double) -> Double { layout.y(value) }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" \(attributes) aria-label=\"\(HTMLText.escape(chart.title))\">\n"
        for band in chart.bands {
            let x0 = left + Double(band.first) * slot
            let x1 = left + Double(band.last + 1) * slot
            let shade = band.first == 0 ? "#f2f2f2" : "#e0e0e0"
            out += "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(x1 - x0))\" height=\"\(f(plotHeight))\" fill=\"\(shade)\"/>\n"
            out +=
                "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(top - 22))\" text-anchor=\"middle\" font-size=\"12\">\(HTMLText.escape(band.name))</text>\n"
            out +=
                "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(top - 8))\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">\(HTMLText.escape(band.figure))</text>\n"
        }
        for (step, label) in chart.axisLabels.enumerated() {
            let value = layout.axisValue(step: step)
            out +=
                "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(value)))\" y2=\"\(f(y(value)))\" stroke=\"#999\" stroke-width=\"0.5\"/>\n"
            out +=
                "<text x=\"\(f(left - 4))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\" font-size=\"11\">\(HTMLText.escape(label))</text>\n"
        }
        for (index, bar) in chart.bars.enumerated() {
            let x = left + Double(index) * slot
            if let value = bar.value {
                out +=
                    "<rect x=\"\(f(x + slot * 0.2))\" y=\"\(f(y(value)))\" width=\"\(f(slot * 0.6))\" height=\"\(f(top + plotHeight - y(value)))\" fill=\"#333\"><title>\(HTMLText.escape(bar.label)): \(HTMLText.escape(bar.text))</title></rect>\n"
            }
            out +=
                "<text x=\"\(f(x + slot / 2))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(HTMLText.escape(bar.label))</text>\n"
        }
        out +=
            "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(top + plotHeight))\" y2=\"\(f(top + plotHeight))\" stroke=\"#000\"/>\n"
        out += "</svg>\n"
        return out
    }

    /// Coordinates with at most one decimal, the same text on every machine.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
