import CmarkDoor

/// A chart in Word: an inline drawing that points at its chart part (`DOCXChartPart`), with its
/// caption below as text, the same as the HTML figure's.
enum DOCXChartWriter {
    /// EMUs in a twip.
    static let emuPerTwip = 635

    /// The tallest a chart is, in twips (6.5 cm): two charts with their captions fit on a
    /// landscape appendix page, and one fits under a table that leaves half a page.
    static let maximumHeight = 3685

    /// A chart alone on its page fills it (14.5 cm): a landscape page's 17 cm less the space
    /// above, a caption of three lines and 1 cm to spare.
    static let wholePageHeight = 8220

    /// Half as high as `available` is wide, at most `maximumHeight`, then no wider than 2.4
    /// times its height, the HTML picture's proportions: room for the title, the bars and
    /// their figures. A chart alone on its page is `wholePageHeight` high and `available` wide,
    /// the HTML picture's 640 × 470.
    static func drawing(_ chart: Chart, part: Int, available: Int, relationship: String) -> String {
        let (width, height): (Int, Int)
        if chart.placement == .wholePage {
            width = min(available, wholePageHeight * 64 / 47)
            height = width * 47 / 64
        } else {
            height = min(available / 2, maximumHeight)
            width = min(available, height * 12 / 5)
        }
        let cx = width * emuPerTwip
        let cy = height * emuPerTwip
        return "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
            + "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(part)\" name=\"Biểu đồ \(chart.number)\" descr=\"\(XMLBuffer.escaped(chart.caption))\"/>"
            + "<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri=\"\(DOCXChartPart.namespace)\">"
            + "<c:chart xmlns:c=\"\(DOCXChartPart.namespace)\" r:id=\"\(relationship)\"/>"
            + "</a:graphicData></a:graphic></wp:inline></w:drawing>"
    }

    /// "Biểu đồ 1: … (…)", then each phase's figure on a line of its own.
    static func caption(_ chart: Chart) -> [DocumentInline] {
        chart.bands.isEmpty ? [.text(chart.caption)] : [.text(chart.caption), .lineBreak, .text(chart.phaseFigures)]
    }
}
