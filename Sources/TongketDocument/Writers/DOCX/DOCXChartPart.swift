/// `word/charts/chartN.xml`: a chart as DrawingML describes it, so that Word and LibreOffice
/// draw it themselves (real text, sharp at any size) and a reviewer can restyle it or, through
/// the embedded workbook (`EmbeddedWorkbook`), edit its figures.
///
/// A clustered column chart of one series, the years' figures: the categories and values are
/// cached here and point at the workbook's cells (`Sheet1!$A$2:$A$11`), the value axis runs from
/// 0 to the same top as the HTML picture and is titled with the unit of measure. Black and grey
/// only, so that it prints as it shows. The phases' figures are in the caption under it.
enum DOCXChartPart {
    /// The axes' ids, which only need to differ from each other within one chart.
    static let categoryAxis = 500_000_001
    static let valueAxis = 500_000_002

    static func xml(_ chart: Chart) -> String {
        let rows = chart.bars.count
        let format = numberFormat(decimals: chart.decimals)
        var xml = DOCXParts.declaration
        xml +=
            "<c:chartSpace xmlns:c=\"\(namespace)\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"\(DOCXParts.relationshipType)\">"
        xml += "<c:date1904 val=\"0\"/><c:lang val=\"vi-VN\"/><c:roundedCorners val=\"0\"/>"
        // No title inside the chart: the caption under it ("Biểu đồ 1: …") names it, as in HTML;
        // a title above repeated it and took a line from the plot.
        xml += "<c:chart><c:autoTitleDeleted val=\"1\"/>"
        xml += "<c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>"
        xml += "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/>"
        xml += "<c:tx><c:strRef><c:f>\(EmbeddedWorkbook.sheetName)!$B$1</c:f>\(stringCache([chart.title]))</c:strRef></c:tx>"
        xml += "<c:spPr>\(fill("404040"))<a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val=\"0\"/>"
        // Each bar's figure above it, as the table prints it: the chart reads without the table.
        xml += "<c:dLbls><c:numFmt formatCode=\"\(format)\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        xml += "\(textProperties(size: 900, bold: false))<c:dLblPos val=\"outEnd\"/>"
        xml += "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
        xml += "<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
        xml += "<c:cat><c:strRef><c:f>\(EmbeddedWorkbook.sheetName)!$A$2:$A$\(rows + 1)</c:f>"
        xml += stringCache(chart.bars.map(\.label)) + "</c:strRef></c:cat>"
        xml += "<c:val><c:numRef><c:f>\(EmbeddedWorkbook.sheetName)!$B$2:$B$\(rows + 1)</c:f>"
        xml += "<c:numCache><c:formatCode>\(format)</c:formatCode><c:ptCount val=\"\(rows)\"/>"
        // A year without a figure has no point: Word leaves a gap, as the table prints "-".
        for (index, bar) in chart.bars.enumerated() {
            guard let value = bar.value else { continue }
            xml += "<c:pt idx=\"\(index)\"><c:v>\(chart.plainValue(value))</c:v></c:pt>"
        }
        xml += "</c:numCache></c:numRef></c:val></c:ser>"
        xml += "<c:gapWidth val=\"60\"/><c:axId val=\"\(categoryAxis)\"/><c:axId val=\"\(valueAxis)\"/></c:barChart>"
        xml += categoryAxisXML()
        // The axis's steps in whole numbers when they are (0, 25, 50, …), as the HTML picture's.
        let layout = Chart.Layout(chart)
        let wholeSteps = (0...Chart.Layout.axisSteps).allSatisfy { layout.axisValue(step: $0).rounded() == layout.axisValue(step: $0) }
        xml += valueAxisXML(chart, format: numberFormat(decimals: wholeSteps ? 0 : max(chart.decimals, 2)))
        xml += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
        xml += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        xml += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        xml += textProperties(size: 1000, bold: false)
        // The data Word opens with "Edit Data"; not refreshed on opening, the cache is the truth.
        xml += "<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData>"
        return xml + "</c:chartSpace>"
    }

    static let namespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    /// The part's relationship to its workbook.
    static func relationships(workbook: String) -> String {
        DOCXParts.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(DOCXParts.relationshipType)/package\" Target=\"../embeddings/\(workbook)\"/>"
            + "</Relationships>"
    }

    /// The figures' format in the workbook and on the chart: thousands grouped, the indicator's
    /// decimal places. `[$-42A]` marks it Vietnamese: LibreOffice then prints "27.482" and
    /// "85,93" as the tables do, whatever its own locale; Word and Excel use the reader's
    /// separators, Vietnamese on a Vietnamese machine.
    static func numberFormat(decimals: Int) -> String {
        "[$-42A]#,##0" + (decimals == 0 ? "" : "." + String(repeating: "0", count: decimals))
    }

    private static func categoryAxisXML() -> String {
        "<c:catAx><c:axId val=\"\(categoryAxis)\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
            + "<c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/>"
            + "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:spPr>\(line("000000", width: 9525))</c:spPr>"
            + textProperties(size: 1000, bold: false)
            + "<c:crossAx val=\"\(valueAxis)\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/>"
            + "<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
    }

    /// From 0 to the HTML picture's top in its four steps, so both formats show the same grid.
    private static func valueAxisXML(_ chart: Chart, format: String) -> String {
        let layout = Chart.Layout(chart)
        return "<c:valAx><c:axId val=\"\(valueAxis)\"/><c:scaling><c:orientation val=\"minMax\"/>"
            + "<c:max val=\"\(chart.plainValue(layout.maximum))\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/>"
            + "<c:axPos val=\"l\"/><c:majorGridlines><c:spPr>\(line("A6A6A6", width: 3175))</c:spPr></c:majorGridlines>"
            + title(chart.measure, size: 1000, bold: false, rotated: true)
            + "<c:numFmt formatCode=\"\(format)\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>"
            + "<c:tickLblPos val=\"nextTo\"/><c:spPr>\(line("000000", width: 9525))</c:spPr>"
            + textProperties(size: 1000, bold: false)
            + "<c:crossAx val=\"\(categoryAxis)\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/>"
            + "<c:majorUnit val=\"\(chart.plainValue(layout.axisValue(step: 1)))\"/></c:valAx>"
    }

    /// A title of typed text (the chart's, the value axis's); `rotated` reads it from below.
    private static func title(_ text: String, size: Int, bold: Bool, rotated: Bool) -> String {
        let rotation = rotated ? " rot=\"-5400000\" vert=\"horz\"" : ""
        return
            "<c:title><c:tx><c:rich><a:bodyPr\(rotation)/><a:lstStyle/><a:p><a:pPr>\(runProperties("a:defRPr", size: size, bold: bold))</a:pPr>"
            + "<a:r>\(runProperties("a:rPr", size: size, bold: bold))<a:t>\(XMLBuffer.escaped(text))</a:t></a:r></a:p></c:rich></c:tx>"
            + "<c:overlay val=\"0\"/></c:title>"
    }

    private static func textProperties(size: Int, bold: Bool) -> String {
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>\(runProperties("a:defRPr", size: size, bold: bold))</a:pPr>"
            + "<a:endParaRPr lang=\"vi-VN\"/></a:p></c:txPr>"
    }

    /// Black Times New Roman, as the report's text.
    private static func runProperties(_ element: String, size: Int, bold: Bool) -> String {
        "<\(element) lang=\"vi-VN\" sz=\"\(size)\" b=\"\(bold ? 1 : 0)\">\(fill("000000"))"
            + "<a:latin typeface=\"Times New Roman\"/><a:cs typeface=\"Times New Roman\"/></\(element)>"
    }

    private static func fill(_ colour: String) -> String { "<a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill>" }

    private static func line(_ colour: String, width: Int) -> String { "<a:ln w=\"\(width)\">\(fill(colour))</a:ln>" }

    private static func stringCache(_ texts: [String]) -> String {
        var xml = "<c:strCache><c:ptCount val=\"\(texts.count)\"/>"
        for (index, text) in texts.enumerated() { xml += "<c:pt idx=\"\(index)\"><c:v>\(XMLBuffer.escaped(text))</c:v></c:pt>" }
        return xml + "</c:strCache>"
    }
}
