/// A chart in Word: a picture whose SVG (sharp at any size, shown by Word 2016 and later) has a
/// PNG fallback for other readers, with its caption below as text.
enum DOCXChartWriter {
    /// EMUs in a twip.
    static let emuPerTwip = 635

    static func drawing(_ chart: Chart, number: Int, width: Int, png: String, svg: String) -> String {
        let cx = width * emuPerTwip
        let cy = cx * ChartRaster.height / ChartRaster.width
        let name = XMLBuffer.escaped(chart.title)
        return "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
            + "<wp:docPr id=\"\(number)\" name=\"Biểu đồ \(number)\" descr=\"\(name)\"/>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(number)\" name=\"bieu-do-\(number).png\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"\(png)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
            + "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"\(svg)\"/>"
            + "</a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
    }

    /// The same caption the HTML figure has.
    static func caption(_ chart: Chart) -> String {
        "\(chart.title) (\(chart.measure)), theo năm và giai đoạn"
    }
}
