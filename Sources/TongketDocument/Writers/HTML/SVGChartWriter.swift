/// A chart as inline SVG: no script, black and grey only, so it prints as it shows. Its caption
/// is the DOCX caption's text: "Biểu đồ N: …" and each phase's figure.
public enum SVGChartWriter {
    public static func svg(_ chart: Chart) -> String {
        var caption = HTMLText.escape(chart.caption)
        if !chart.bands.isEmpty { caption += "<br>" + HTMLText.escape(chart.phaseFigures) }
        // A chart that does not fit under its table starts a page in print (AppendixPage).
        let classes: String
        switch chart.placement {
        case .flowing: classes = "bieu-do"
        case .newPage: classes = "bieu-do trang-moi"
        case .wholePage: classes = "bieu-do trang-moi ca-trang"
        }
        return "<figure class=\"\(classes)\">\n" + element(chart, attributes: "role=\"img\"")
            + "<figcaption>\(caption)</figcaption>\n</figure>"
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
            // The phase's figure is in the caption, as in Word, whose chart has no bands.
            out +=
                "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(top - 20))\" text-anchor=\"middle\" font-size=\"12\">\(HTMLText.escape(band.name))</text>\n"
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
                // Each bar's figure above it, as the Word chart's data labels: a printed page
                // reads without the table.
                out +=
                    "<text x=\"\(f(x + slot / 2))\" y=\"\(f(y(value) - 3))\" text-anchor=\"middle\" font-size=\"10\">\(HTMLText.escape(bar.text))</text>\n"
            }
            out +=
                "<text x=\"\(f(x + slot / 2))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(HTMLText.escape(bar.label))</text>\n"
        }
        // The unit of measure along the value axis, read from below as in Word.
        let middle = f(top + plotHeight / 2)
        out +=
            "<text x=\"12\" y=\"\(middle)\" transform=\"rotate(-90 12 \(middle))\" text-anchor=\"middle\" font-size=\"11\">\(HTMLText.escape(chart.measure))</text>\n"
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
