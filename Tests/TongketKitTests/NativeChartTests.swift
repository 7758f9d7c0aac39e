import Foundation
import Testing
import TongketTestSupport
import ZIPFoundation

@testable import TongketDocument
@testable import TongketKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The consolidated draft's charts: native Word charts with their data in an embedded workbook,
/// numbered "Biểu đồ 1, 2, …" alike in HTML and Word. Expected figures are added up here from
/// the example submissions, by each indicator's rule, not read from any output.
@Suite("Biểu đồ: biểu đồ Word gốc có bảng tính kèm, đánh số như HTML")
struct NativeChartTests {
    static let chartType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
    static let packageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
    static let chartContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"

    /// The example draft in HTML and Word, rendered once for the suite. The Word bytes are kept
    /// as an array: LeakSanitizer does not see the storage of a `Data` held until the process
    /// ends (its reference is packed with the representation's tag), and reports it as a leak.
    static let draft: Result<(html: String, docx: [UInt8]?), any Error> = Result {
        let renderer = try Reports.renderer()
        let c = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: renderer.outline, strict: false)
        let draft = try renderer.consolidatedReport(
            c.consolidate(asOf: renderer.outline.programme.consolidatedDeadline), formats: [.html, .docx])
        return (draft.html, draft.docx.map { Array($0) })
    }

    func parts() throws -> [String: Data] {
        let docx = Data(try #require(try Self.draft.get().docx))
        return Dictionary(uniqueKeysWithValues: try DOCXFile.parts(docx).map { ($0.path, $0.data) })
    }

    /// The key indicators the examples report, each with its figure by year added up by hand.
    func expectedCharts() throws -> [(indicator: Indicator, years: [Int: Double])] {
        let outline = try Fixtures.outline()
        let submissions = Reports.examples(outline)
        var charts: [(Indicator, [Int: Double])] = []
        for table in outline.appendices {
            for indicator in table.indicators where indicator.isKey {
                var years: [Int: Double] = [:]
                for year in outline.programme.years {
                    func values(_ id: String) -> [Double] { submissions.compactMap { $0.figures[table.id]?[id]?[year] } }
                    switch indicator.aggregation {
                    case .sum, .latest:
                        let present = values(indicator.id)
                        if !present.isEmpty { years[year] = present.reduce(0, +) }
                    case .average:
                        let present = values(indicator.id)
                        if !present.isEmpty { years[year] = present.reduce(0, +) / Double(present.count) }
                    case .ratio(let numerator, let denominator):
                        let top = values(numerator)
                        let bottom = values(denominator).reduce(0, +)
                        if !top.isEmpty, bottom != 0 { years[year] = 100 * top.reduce(0, +) / bottom }
                    }
                }
                charts.append((indicator, years))
            }
        }
        return charts
    }

    @Test("mỗi biểu đồ là một phần word/charts/chartN.xml: quan hệ kiểu chart, kiểu nội dung chart, bảng tính kèm; không còn hình PNG, SVG")
    func partsAndRelationships() throws {
        let parts = try parts()
        let relationships = XMLRecorder.read(try #require(parts["word/_rels/document.xml.rels"]))
        let charts = relationships.elements.filter { $0.name == "Relationship" && $0.attributes["Type"] == Self.chartType }
        #expect(charts.count == (try expectedCharts().count))
        #expect(charts.count == 8)
        let types = String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self)
        let body = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        for (index, relationship) in charts.enumerated() {
            let target = try #require(relationship.attributes["Target"])
            #expect(target == "charts/chart\(index + 1).xml")
            #expect(parts["word/" + target] != nil)
            #expect(types.contains("<Override PartName=\"/word/\(target)\" ContentType=\"\(Self.chartContentType)\"/>"))
            let id = try #require(relationship.attributes["Id"])
            #expect(body.contains("<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart"))
            #expect(body.contains(" r:id=\"\(id)\"/>"))
            let own = XMLRecorder.read(try #require(parts["word/charts/_rels/chart\(index + 1).xml.rels"]))
            let workbook = try #require(own.elements.first { $0.attributes["Type"] == Self.packageType }?.attributes["Target"])
            #expect(workbook.hasPrefix("../embeddings/") && workbook.hasSuffix(".xlsx"))
            #expect(parts["word/" + workbook.dropFirst(3)] != nil)
            let chart = XMLRecorder.read(try #require(parts["word/" + target]))
            #expect(chart.elements.contains { $0.name == "c:externalData" && $0.attributes["r:id"] == "rId1" })
            #expect(chart.elements.contains { $0.name == "c:barDir" && $0.attributes["val"] == "col" })
        }
        #expect(
            types.contains(
                "<Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>"))
        #expect(!parts.keys.contains { $0.hasPrefix("word/media/") })
        #expect(!types.contains("image/png") && !types.contains("image/svg"))
    }

    @Test("giá trị lưu trong biểu đồ bằng số liệu cộng tay từ các báo cáo ví dụ; trục giá trị ghi đơn vị tính")
    func cachedValues() throws {
        let parts = try parts()
        let expected = try expectedCharts()
        for (index, (indicator, years)) in expected.enumerated() {
            let xml = String(decoding: try #require(parts["word/charts/chart\(index + 1).xml"]), as: UTF8.self)
            // Named by its caption under it, as in HTML: no title inside the chart repeats it.
            #expect(xml.contains("<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea>"))
            let chart = ChartXML(XMLRecorder.read(try #require(parts["word/charts/chart\(index + 1).xml"])))
            #expect(chart.seriesName == indicator.name)
            #expect(chart.axisTitle == indicator.measure, "\(indicator.name)")
            let programme = Array(try Fixtures.outline().programme.years)
            #expect(chart.categories == programme.map(String.init))
            // The indicator's decimals, or whole numbers when every figure is whole.
            let decimals = indicator.decimals ?? (years.values.allSatisfy { $0.rounded() == $0 } ? 0 : 2)
            #expect(chart.formatCode == "[$-42A]#,##0" + (decimals == 0 ? "" : "." + String(repeating: "0", count: decimals)))
            #expect(chart.formulas == ["Sheet1!$B$1", "Sheet1!$A$2:$A$\(programme.count + 1)", "Sheet1!$B$2:$B$\(programme.count + 1)"])
            var tolerance = 0.5
            for _ in 0..<decimals { tolerance /= 10 }
            #expect(Set(chart.values.keys) == Set(years.keys.compactMap { programme.firstIndex(of: $0) }), "\(indicator.name)")
            for (year, value) in years {
                let point = try #require(programme.firstIndex(of: year))
                let cached = try #require(chart.values[point].flatMap(Double.init))
                #expect(abs(cached - value) <= tolerance + 1e-9, "\(indicator.name) \(year): \(cached) ≠ \(value)")
            }
        }
    }

    @Test("bảng tính kèm mở được: cột A là các năm, cột B là đúng các giá trị biểu đồ lưu")
    func embeddedWorkbooks() throws {
        let parts = try parts()
        for index in 1...(try expectedCharts().count) {
            let chart = ChartXML(XMLRecorder.read(try #require(parts["word/charts/chart\(index).xml"])))
            let workbook = try Archive(
                data: try #require(parts["word/embeddings/Microsoft_Excel_Worksheet\(index).xlsx"]), accessMode: .read)
            func part(_ path: String) throws -> Data {
                var data = Data()
                _ = try workbook.extract(try #require(workbook[path], "\(path)")) { data.append($0) }
                return data
            }
            let workbookXML = XMLRecorder.read(try part("xl/workbook.xml"))
            #expect(workbookXML.elements.contains { $0.name == "sheet" && $0.attributes["name"] == "Sheet1" })
            let strings = XMLRecorder.read(try part("xl/sharedStrings.xml")).texts(of: "t")
            let sheet = XMLRecorder.read(try part("xl/worksheets/sheet1.xml"))
            var cells: [String: String] = [:]
            for cell in sheet.elements where cell.name == "c" {
                let raw = cell.children.first { $0.name == "v" }?.text ?? ""
                cells[cell.attributes["r"] ?? ""] = cell.attributes["t"] == "s" ? strings[Int(raw) ?? -1] : raw
            }
            #expect(cells["A1"] == "Năm")
            #expect(cells["B1"] == chart.seriesName)
            for (row, year) in chart.categories.enumerated() {
                #expect(cells["A\(row + 2)"] == year)
                #expect(cells["B\(row + 2)"] == chart.values[row], "biểu đồ \(index), \(year)")
            }
        }
    }

    @Test("chú thích đánh số 1..N theo thứ tự trong tài liệu, cùng một chữ trong HTML và Word; biểu đồ giữ liền chú thích")
    func numberedCaptions() throws {
        let draft = try Self.draft.get()
        let expected = try expectedCharts()
        let html = draft.html.components(separatedBy: "<figcaption>").dropFirst().map {
            $0.components(separatedBy: "</figcaption>")[0].replacingOccurrences(of: "<br>", with: "\n")
        }
        let body = XMLRecorder.read(try #require(try parts()["word/document.xml"]))
        let word = body.elements.filter { paragraph in
            paragraph.name == "w:p" && paragraph.style == "ChuThich"
        }.map(\.paragraphText)
        #expect(html.count == expected.count)
        #expect(word == html)
        for (index, (indicator, _)) in expected.enumerated() {
            #expect(html[index].hasPrefix("Biểu đồ \(index + 1): \(indicator.name) (\(indicator.measure))\nGiai đoạn 2011 - 2015: "))
        }
        // The unit of measure along the HTML picture's value axis too, and each bar's figure
        // above it, as the Word chart's data labels.
        let figures = draft.html.components(separatedBy: "<figure class=\"bieu-do").dropFirst()
        #expect(figures.count == expected.count)
        for ((indicator, years), figure) in zip(expected, figures) {
            #expect(figure.contains("font-size=\"11\">\(indicator.measure)</text>"), "\(indicator.measure)")
            for value in years.values {
                #expect(figure.contains("font-size=\"10\">\(indicator.format(value))</text>"), "\(indicator.name): \(value)")
            }
        }
        // In Word the chart's paragraph style keeps it with its caption (kieu-word.xml: BieuDo).
        let styles = try String(contentsOf: Reports.templatesDirectory.appendingPathComponent("kieu-word.xml"), encoding: .utf8)
        let bieuDo = try #require(styles.components(separatedBy: "w:styleId=\"BieuDo\"").dropFirst().first)
        #expect(bieuDo.components(separatedBy: "</w:style>")[0].contains("<w:keepNext/>"))
    }

    @Test("cùng đầu vào cho cùng từng byte, cả bảng tính kèm")
    func deterministic() throws {
        let renderer = try Reports.renderer()
        let c = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: renderer.outline, strict: false)
        let again = try renderer.consolidatedReport(c.consolidate(asOf: renderer.outline.programme.consolidatedDeadline), formats: [.docx])
        #expect(again.docx.map { Array($0) } == (try Self.draft.get().docx))
    }

    @Test("giá trị ghi cho bảng tính: làm tròn theo số chữ số thập phân, dấu chấm thập phân, không có -0")
    func plainValues() {
        func chart(_ decimals: Int) -> Chart {
            Chart(title: "t", measure: "m", bars: [], bands: [], number: 1, decimals: decimals) { String($0) }
        }
        #expect(chart(0).plainValue(27482) == "27482")
        #expect(chart(0).plainValue(2.5) == "3")
        #expect(chart(2).plainValue(0.4251) == "0.43")
        #expect(chart(2).plainValue(41.2) == "41.20")
        #expect(chart(2).plainValue(-1.5) == "-1.50")
        #expect(chart(2).plainValue(-0.001) == "0.00")
        #expect(chart(3).plainValue(0.05) == "0.050")
    }
}
