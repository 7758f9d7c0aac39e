import Foundation
import ZIPFoundation

/// The workbook embedded beside a Word chart (`word/embeddings/…xlsx`), which Word opens with
/// "Edit Data": column A the years, column B the figures, row 1 their headings.
///
/// The forms' workbook writer lives in TongketForms, above this layer, and writes forms; this
/// one writes the few parts a sheet of two columns needs. Texts go in a shared-strings part, as
/// Excel writes them (many readers skip inline strings); numbers are the values the chart
/// caches, in the indicator's format. Fixed entry dates and order: the same chart gives the
/// same bytes.
enum EmbeddedWorkbook {
    /// The sheet the chart's formulas name.
    static let sheetName = "Sheet1"

    /// The `N`th chart's workbook, as Word names them.
    static func fileName(_ number: Int) -> String { "Microsoft_Excel_Worksheet\(number).xlsx" }

    static func data(_ chart: Chart) throws -> Data {
        let strings = ["Năm", chart.title] + chart.bars.map(\.label)
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts(chart, strings: strings) { try archive.addFixedEntry(Data(text.utf8), as: path) }
        guard let data = archive.data else { throw FileError(path: chart.caption, message: "không tạo được bảng tính của biểu đồ") }
        return data
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static func parts(_ chart: Chart, strings: [String]) -> [(String, String)] {
        let sheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let declaration = DOCXParts.declaration
        let relationship = DOCXParts.relationshipType
        var types = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for (part, type) in [
            ("/xl/workbook.xml", "sheet.main+xml"), ("/xl/worksheets/sheet1.xml", "worksheet+xml"), ("/xl/styles.xml", "styles+xml"),
            ("/xl/sharedStrings.xml", "sharedStrings+xml"),
        ] {
            types += "<Override PartName=\"\(part)\" ContentType=\"\(sheetML).\(type)\"/>"
        }
        let root =
            declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationship)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        let workbook =
            declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationship)\"><sheets>"
            + "<sheet name=\"\(sheetName)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        let workbookRelationships =
            declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationship)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(relationship)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(relationship)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
        var shared = declaration + "<sst xmlns=\"\(main)\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
        for text in strings { shared += "<si><t xml:space=\"preserve\">\(XMLBuffer.escaped(text))</t></si>" }
        return [
            ("[Content_Types].xml", types + "</Types>"), ("_rels/.rels", root), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", styles(decimals: chart.decimals)),
            ("xl/sharedStrings.xml", shared + "</sst>"), ("xl/worksheets/sheet1.xml", sheet(chart)),
        ]
    }

    /// Row 1 the headings (shared strings 0 and 1), then one row a year: its label (shared
    /// string 2 onwards) and its figure in style 1, the indicator's number format. A year without
    /// a figure has an empty cell, as the chart has no point there.
    private static func sheet(_ chart: Chart) -> String {
        let last = chart.bars.count + 1
        var xml = DOCXParts.declaration + "<worksheet xmlns=\"\(main)\"><dimension ref=\"A1:B\(last)\"/>"
        xml +=
            "<cols><col min=\"1\" max=\"1\" width=\"10\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"50\" customWidth=\"1\"/></cols>"
        xml += "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
        for (index, bar) in chart.bars.enumerated() {
            let row = index + 2
            xml += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"s\"><v>\(index + 2)</v></c>"
            if let value = bar.value { xml += "<c r=\"B\(row)\" s=\"1\"><v>\(chart.plainValue(value))</v></c>" }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// The least a styles part holds (one font, the two fills Excel requires, one border), plus
    /// the figures' format as style 1.
    private static func styles(decimals: Int) -> String {
        DOCXParts.declaration + "<styleSheet xmlns=\"\(main)\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"\(DOCXChartPart.numberFormat(decimals: decimals))\"/></numFmts>"
            + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Times New Roman\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }
}
