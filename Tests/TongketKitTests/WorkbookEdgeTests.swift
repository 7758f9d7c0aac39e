import Foundation
import Testing
import TongketForms
import TongketKit
import TongketTestSupport

/// What Excel and LibreOffice write that a careless reader misreads, each crafted in so-tu-phap's
/// real workbook (SpreadsheetML, ECMA-376 Part 1 §18) or made by openpyxl: the 1904 date system,
/// rows and columns inserted (the defined names moved by the program, the reader following them),
/// inline and rich-text strings, numbers typed as text with Vietnamese separators, formulas with
/// and without a cached value, and forms made for another unit, programme, outline or form version.
@Suite("Biểu Excel: những gì Excel và LibreOffice ghi")
struct WorkbookEdgeTests {
    let outline: Outline
    let unit: ReportingUnit
    let form: Data

    init() throws {
        outline = try Fixtures.outline()
        unit = try #require(outline.unit("so-tu-phap"))
        form = try WorkbookFormWriter.data(for: unit, outline: outline)
    }

    /// The form with each of `cells` ("D5" on `part`) replaced by the given cell XML, `edit`
    /// applied to every part, and `added` parts put in.
    func read(
        _ part: String = "xl/worksheets/sheet1.xml", cells: [String: String] = [:], added: [(String, String)] = [],
        edit: (String, String) -> String = { $1 }
    ) throws -> FormReading {
        var parts = try DOCXFile.parts(form).map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }
        for index in parts.indices {
            var text = edit(parts[index].0, parts[index].1)
            if parts[index].0 == part {
                for (cell, xml) in cells {
                    for style in 3...4 { text = text.replacingOccurrences(of: "<c r=\"\(cell)\" s=\"\(style)\"/>", with: xml) }
                }
            }
            parts[index].1 = text
        }
        let data = try OfficeZip.make((parts + added).map { ($0.0, Data($0.1.utf8)) })
        return WorkbookFormReader.read(data, file: "so-tu-phap.bieu.xlsx", outline: outline)
    }

    func printed(_ reading: FormReading) -> [String] { reading.diagnostics.map(\.description) }

    @Test("hệ ngày 1904 (workbookPr date1904): số liệu vẫn là số, không bị dời 1.462 ngày")
    func dates1904() throws {
        // Excel for Mac before 2011 saved workbooks in the 1904 date system; only date cells
        // change meaning, and no figure is a date.
        let reading = try read(cells: ["D5": "<c r=\"D5\" s=\"3\"><v>12</v></c>", "E5": "<c r=\"E5\" s=\"3\"><v>43831</v></c>"]) {
            path, text in
            path == "xl/workbook.xml" ? text.replacingOccurrences(of: "<workbookPr/>", with: "<workbookPr date1904=\"1\"/>") : text
        }
        #expect(reading.figures["phu-luc-02"]?["vb-qppl-ban-hanh"] == [2011: 12, 2012: 43831])
        #expect(!reading.diagnostics.contains { $0.description.contains("Biểu 02, ô") }, "\(printed(reading))")
    }

    @Test(
        "chuỗi trực tiếp (t=\"inlineStr\") và chuỗi dùng chung nhiều đoạn định dạng (rich text, rPh): đọc đủ chữ, số gõ dạng chữ có cảnh báo"
    )
    func inlineAndRichStrings() throws {
        // LibreOffice and many generators write inline strings; Excel writes a cell with mixed
        // formatting as runs of one shared string, and a Japanese phonetic guide (rPh) beside it.
        let strings = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">\
            <si><r><t>4</t></r><r><rPr><b/></rPr><t>0</t></r><rPh sb="0" eb="1"><t>よん</t></rPh></si>\
            <si><r><t xml:space="preserve">Phòng </t></r><r><rPr><i/></rPr><t>Hành chính tư pháp</t></r></si></sst>
            """
        let reading = try read(
            cells: [
                "E5": "<c r=\"E5\" s=\"3\" t=\"inlineStr\"><is><t>1.234</t></is></c>",
                "D6": "<c r=\"D6\" s=\"3\" t=\"s\"><v>0</v></c>",
            ], added: [("xl/sharedStrings.xml", strings)]
        ) { path, text in
            guard path == "xl/worksheets/sheet6.xml" else { return text }
            return text.replacingOccurrences(
                of: "<c r=\"B4\" s=\"8\"/>", with: "<c r=\"B4\" s=\"8\" t=\"inlineStr\"><is><t>Tập thể</t></is></c>"
            )
            .replacingOccurrences(of: "<c r=\"C4\" s=\"8\"/>", with: "<c r=\"C4\" s=\"8\" t=\"s\"><v>1</v></c>")
            .replacingOccurrences(
                of: "<c r=\"D4\" s=\"8\"/>",
                with:
                    "<c r=\"D4\" s=\"8\" t=\"inlineStr\"><is><r><t>Bằng khen của </t></r><r><rPr><b/></rPr><t>Chủ tịch UBND tỉnh</t></r></is></c>"
            )
            .replacingOccurrences(of: "<c r=\"E4\" s=\"8\"/>", with: "<c r=\"E4\" s=\"8\" t=\"inlineStr\"><is><t>Xuất sắc</t></is></c>")
        }
        #expect(reading.figures["phu-luc-02"]?["vb-qppl-ban-hanh"] == [2012: 1234])
        #expect(reading.figures["phu-luc-02"]?["vb-ra-soat"] == [2011: 40])
        #expect(reading.commendations.map(\.name) == ["Phòng Hành chính tư pháp"], "\(printed(reading))")
        #expect(reading.commendations.first?.form == "Bằng khen của Chủ tịch UBND tỉnh")
        #expect(
            printed(reading).contains {
                $0.hasPrefix("so-tu-phap.bieu.xlsx: Biểu 02, ô E5 (")
                    && $0.contains("cảnh báo: số được gõ dạng chữ (\"1.234\"), đã đọc là 1.234;")
            })
        #expect(
            printed(reading).contains {
                $0.hasPrefix("so-tu-phap.bieu.xlsx: Biểu 02, ô D6 (") && $0.contains("cảnh báo: số được gõ dạng chữ (\"40\")")
            })
    }

    @Test("vùng và ô gộp ghi ngược góc ('E53:B4', 'E6:D6'): đọc như Excel đọc, không dừng chương trình")
    func areasWrittenBackwards() throws {
        // Found by FuzzWorkbook: a defined name whose range ran backwards made the reader build a
        // range with its bounds reversed, which traps. Excel reads "E53:B4" as "B4:E53".
        let reading = try read(cells: ["D6": "<c r=\"D6\" s=\"3\"><v>40</v></c>"]) { path, text in
            switch path {
            case "xl/workbook.xml":
                return text.replacingOccurrences(of: "'Khen thưởng'!$B$4:$E$53", with: "'Khen thưởng'!$E$53:$B$4")
            case "xl/worksheets/sheet1.xml":
                return text.replacingOccurrences(
                    of: "</sheetData>", with: "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"E6:D6\"/></mergeCells>")
            case "xl/worksheets/sheet6.xml":
                var text = text
                for (cell, value) in [("B4", "Cá nhân"), ("C4", "Nguyễn Văn A"), ("D4", "Bằng khen"), ("E4", "Xuất sắc")] {
                    text = text.replacingOccurrences(
                        of: "<c r=\"\(cell)\" s=\"8\"/>", with: "<c r=\"\(cell)\" s=\"8\" t=\"inlineStr\"><is><t>\(value)</t></is></c>")
                }
                return text
            default: return text
            }
        }
        #expect(reading.commendations.map(\.name) == ["Nguyễn Văn A"], "\(printed(reading))")
        #expect(reading.figures["phu-luc-02"]?["vb-ra-soat"] == [2011: 40])
        #expect(printed(reading).contains { $0.hasPrefix("so-tu-phap.bieu.xlsx: Biểu 02, ô E6 (") && $0.contains("ô này bị gộp vào ô D6") })
    }

    @Test("số gõ dạng chữ có dấu phân cách Việt Nam: \"85,5\" là 85,5 và \"1.234,5\" là 1234,5, có cảnh báo ở đúng ô")
    func vietnameseSeparators() throws {
        // Biểu 06 row 6 is an amount with decimals (kinh phí tiết kiệm), D 2011 and E 2012.
        let reading = try read(
            "xl/worksheets/sheet4.xml",
            cells: [
                "D6": "<c r=\"D6\" s=\"4\" t=\"inlineStr\"><is><t>85,5</t></is></c>",
                "E6": "<c r=\"E6\" s=\"4\" t=\"str\"><v>1.234,5</v></c>",
            ])
        #expect(reading.figures["phu-luc-06"]?["kinh-phi-tiet-kiem"] == [2011: 85.5, 2012: 1234.5], "\(printed(reading))")
        #expect(
            printed(reading).contains {
                $0.hasPrefix("so-tu-phap.bieu.xlsx: Biểu 06, ô D6 (")
                    && $0.contains("cảnh báo: số được gõ dạng chữ (\"85,5\"), đã đọc là 85,5")
            }, "\(printed(reading))")
    }

    @Test("công thức có kết quả đã lưu được dùng; không có kết quả: lỗi nêu trang và ô")
    func formulas() throws {
        // Excel stores a formula's last result in <v>; a generator (or openpyxl) often does not.
        let reading = try read(cells: [
            "F5": "<c r=\"F5\" s=\"3\"><f>10+2</f><v>12</v></c>", "G5": "<c r=\"G5\" s=\"3\"><f>SUM(D5:F5)</f></c>",
        ])
        #expect(reading.figures["phu-luc-02"]?["vb-qppl-ban-hanh"] == [2013: 12])
        #expect(
            printed(reading).contains {
                $0.hasPrefix(
                    "so-tu-phap.bieu.xlsx: Biểu 02, ô G5 (Số văn bản quy phạm pháp luật được ban hành, năm 2014): lỗi: ô có công thức nhưng tệp không lưu kết quả"
                )
            }, "\(printed(reading))")
    }

    @Test("chèn dòng trống và cột trống (Excel dời tên ô theo): đọc theo tên ô, số liệu và vị trí báo lỗi theo ô mới")
    func insertedRowsAndColumns() throws {
        try #require(ExternalTool.openpyxl, "openpyxl chưa cài được (scripts/setup --test-tools); bỏ qua")
        let folder = try Fixtures.temporaryDirectory()
        let input = folder.appendingPathComponent("a.xlsx")
        let output = folder.appendingPathComponent("b.xlsx")
        try form.write(to: input)
        // A row inserted above the second indicator and a column before 2012, the defined names
        // moved as Excel moves them (openpyxl moves the cells but leaves the names).
        let script = """
            import sys, re, openpyxl
            from openpyxl.utils import column_index_from_string as index, get_column_letter as letter
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb['Biểu 02']
            ws.insert_rows(6)
            ws.insert_cols(5)
            def shift(m):
                column, row = index(m.group(2)), int(m.group(3))
                return m.group(1) + '$' + letter(column + 1 if column >= 5 else column) + '$' + str(row + 1 if row >= 6 else row)
            for n in wb.defined_names.values():
                n.attr_text = re.sub(r"('Biểu 02'!)\\$([A-Z]+)\\$(\\d+)", shift, n.attr_text)
            ws['D7'] = 40
            ws['F5'] = 7
            ws['G7'] = 'nhiều'
            ws['E5'] = 99
            wb.save(sys.argv[2])

            """
        let run = try ExternalTool.python(script, [input.path, output.path])
        try #require(run.status == 0, "\(run.output)")
        let reading = WorkbookFormReader.read(contentsOf: output, shownName: "b.xlsx", outline: outline)
        // The inserted column E is no year's cell: its 99 is not read.
        #expect(reading.figures["phu-luc-02"]?["vb-qppl-ban-hanh"] == [2012: 7], "\(printed(reading))")
        #expect(reading.figures["phu-luc-02"]?["vb-ra-soat"] == [2011: 40])
        #expect(
            printed(reading).contains {
                $0.hasPrefix("b.xlsx: Biểu 02, ô G7 (Số văn bản quy phạm pháp luật được rà soát, năm 2013): lỗi: ")
            },
            "\(printed(reading))")
    }

    @Test("biểu theo mẫu phiên bản khác bị từ chối, nói phiên bản nào và cách lấy biểu đúng")
    func otherFormVersion() throws {
        let reading = try read("xl/worksheets/sheet7.xml") { path, text in
            guard path == "xl/worksheets/sheet7.xml" else { return text }
            return text.replacingOccurrences(
                of:
                    "<t xml:space=\"preserve\">Phiên bản biểu</t></is></c><c r=\"B4\" s=\"0\" t=\"inlineStr\"><is><t xml:space=\"preserve\">1</t>",
                with:
                    "<t xml:space=\"preserve\">Phiên bản biểu</t></is></c><c r=\"B4\" s=\"0\" t=\"inlineStr\"><is><t xml:space=\"preserve\">0</t>"
            )
        }
        #expect(reading.unitID == nil && reading.figures.isEmpty)
        #expect(
            printed(reading) == [
                "so-tu-phap.bieu.xlsx:1:1: lỗi: biểu mẫu theo mẫu phiên bản '0', tongket này đọc mẫu phiên bản 1; hãy lấy biểu mẫu đúng bằng 'tongket skeleton --outline cchc-2011-2020 --unit so-tu-phap' và chép nội dung sang"
            ], "\(printed(reading))")
    }

    @Test("tệp Word của một đơn vị và biểu Excel của đơn vị khác không bị ghép: mỗi lỗi nêu đơn vị và tệp")
    func formsOfTwoUnits() throws {
        // A unit that sent its own Word form with another unit's workbook (the right file name,
        // the wrong form inside): forms pair by the unit written in them, never by file name.
        let folder = try Fixtures.temporaryDirectory()
        let source = Fixtures.examples.appendingPathComponent("so-tu-phap.yaml")
        let original = try #require(SubmissionLoader.load(contentsOf: source, outline: outline).submission)
        let word = folder.appendingPathComponent("so-tu-phap.nhap.docx")
        let excel = folder.appendingPathComponent("so-tu-phap.bieu.xlsx")
        try DocumentFormWriter.data(for: unit, outline: outline, filledFrom: original).write(to: word)
        try WorkbookFormWriter.data(for: try #require(outline.unit("so-noi-vu")), outline: outline).write(to: excel)
        let units = FormSubmission.load([word.path, excel.path], outline: outline)
        #expect(units.map(\.unitID) == ["so-tu-phap", "so-noi-vu"])
        let printed = units.flatMap(\.loaded.diagnostics).map(\.description)
        #expect(
            printed.contains {
                $0.hasPrefix(excel.path + ":1:1: lỗi: đơn vị 'so-noi-vu' mới có biểu số liệu")
                    && $0.contains("tongket skeleton --unit so-noi-vu")
            }, "\(printed)")
        // so-tu-phap's texts stand alone, their figures missing: a warning, as for YAML without them.
        #expect(
            printed.contains { $0.hasPrefix(word.path + ": phần đầu: cảnh báo: chưa có số liệu phụ lục ('phu_luc')") }, "\(printed)")
    }
}
