import Foundation
import Testing
import TongketForms
import TongketKit
import TongketTestSupport

/// The Excel form a unit fills: written from the outline, filled by programs that are not
/// tongket (openpyxl, then LibreOffice's save), and read back by defined names into the figures
/// and commendations the submission checker accepts, problems located at sheet and cell.
@Suite("Biểu Excel của đơn vị")
struct WorkbookFormTests {
    let outline: Outline
    let unit: ReportingUnit

    init() throws {
        outline = try Fixtures.outline()
        unit = try #require(outline.unit("so-tu-phap"))
    }

    /// Fills the form with openpyxl, finding each cell by its defined name as a program would,
    /// renaming and reordering sheets as a writer might; `cells` maps names to Python literals.
    /// The script never reads the form's layout: it finds cells only by the defined names.
    func fill(_ form: Data, cells: [(String, String)], commendation: [String]?, in folder: URL) throws -> URL {
        let input = folder.appendingPathComponent("so-tu-phap.bieu.xlsx")
        let output = folder.appendingPathComponent("da-dien.xlsx")
        try form.write(to: input)
        var script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            def cell(name):
                (sheet, ref), = list(wb.defined_names[name].destinations)
                return wb[sheet][ref.replace('$', '')]

            """
        for (name, value) in cells { script += "cell('\(name)').value = \(value)\n" }
        if let commendation {
            script += "c = wb['Khen thưởng']\n"
            for (offset, text) in commendation.enumerated() { script += "c.cell(row=4, column=\(offset + 2)).value = '\(text)'\n" }
        }
        script += """
            # Renaming as Excel and LibreOffice do, names following the sheet (openpyxl alone
            # would leave them pointing at the old name).
            wb['Biểu 02'].title = 'Thể chế'
            for n in wb.defined_names.values():
                n.attr_text = n.attr_text.replace("'Biểu 02'!", "'Thể chế'!")
            wb.move_sheet('Khen thưởng', offset=-(len(wb.sheetnames) - 2))
            wb.save(sys.argv[2])

            """
        let run = try ExternalTool.python(script, [input.path, output.path])
        try #require(run.status == 0, "openpyxl: \(run.output)")
        return output
    }

    @Test("cùng đề cương và đơn vị cho cùng các byte; mỗi ô nhập có một tên theo phụ lục, chỉ tiêu và năm")
    func deterministicAndNamed() throws {
        let first = try WorkbookFormWriter.data(for: unit, outline: outline)
        #expect(try WorkbookFormWriter.data(for: unit, outline: outline) == first)
        let workbook = try DOCXFile.part("xl/workbook.xml", of: first)
        #expect(workbook.contains("<definedName name=\"TK_phu_luc_02__vb_qppl_ban_hanh__2011\">'Biểu 02'!$D$5</definedName>"))
        #expect(workbook.contains("<definedName name=\"TK_phu_luc_02__vb_trai_phap_luat__2020\">'Biểu 02'!$M$9</definedName>"))
        #expect(workbook.contains("<sheet name=\"tongket\" sheetId=\"") && workbook.contains("state=\"hidden\""))
        // Every entered indicator of every table the unit fills, ten years each.
        var expected = 0
        for table in outline.appendices(for: unit) { expected += table.enteredIndicators(for: unit).count * 10 }
        #expect(workbook.components(separatedBy: "<definedName name=\"TK_phu_luc").count - 1 == expected)
        let sheet = try DOCXFile.part("xl/worksheets/sheet1.xml", of: first)
        #expect(sheet.contains("<sheetProtection sheet=\"1\""))
        #expect(sheet.contains("<c r=\"N5\" s=\"5\"><f>IF(COUNT(D5:H5)=0,&quot;&quot;,SUM(D5:H5))</f></c>"))
        #expect(sheet.contains("type=\"whole\" operator=\"greaterThanOrEqual\""))
    }

    @Test("đọc lại biểu openpyxl đã điền: số, số gõ dạng chữ, trang đổi tên và đổi chỗ, khen thưởng; lỗi chỉ đúng trang và ô")
    func readsWhatOpenpyxlFilled() throws {
        try #require(ExternalTool.openpyxl, "openpyxl chưa cài được (scripts/setup --test-tools); bỏ qua")
        let folder = try Fixtures.temporaryDirectory()
        let filled = try fill(
            try WorkbookFormWriter.data(for: unit, outline: outline),
            cells: [
                ("TK_phu_luc_02__vb_qppl_ban_hanh__2011", "12"), ("TK_phu_luc_02__vb_qppl_ban_hanh__2012", "'1.234'"),
                ("TK_phu_luc_02__vb_qppl_ban_hanh__2013", "7.0"), ("TK_phu_luc_02__vb_ra_soat__2013", "'12 nghìn'"),
                ("TK_phu_luc_02__vb_kiem_tra__2015", "'=1+1'"),
            ],
            commendation: ["Tập thể", "Phòng Hành chính tư pháp", "Bằng khen của Chủ tịch UBND tỉnh", "Xuất sắc hai năm liền"], in: folder)
        let reading = WorkbookFormReader.read(contentsOf: filled, shownName: "so-tu-phap.bieu.xlsx", outline: outline)
        #expect(reading.unitID == "so-tu-phap")
        #expect(reading.figures["phu-luc-02"]?["vb-qppl-ban-hanh"] == [2011: 12, 2012: 1234, 2013: 7])
        #expect(reading.figures["phu-luc-02"]?["vb-ra-soat"] == [:])
        #expect(
            reading.commendations == [
                Commendation(
                    recipient: .collective, name: "Phòng Hành chính tư pháp", form: "Bằng khen của Chủ tịch UBND tỉnh",
                    achievement: "Xuất sắc hai năm liền")
            ])
        let printed = reading.diagnostics.map(\.description)
        // Column F is 2013 (D is 2011), row 6 the second indicator; H8 is 2015 of the fourth.
        #expect(
            printed.contains {
                $0.hasPrefix("so-tu-phap.bieu.xlsx: Thể chế, ô F6 (Số văn bản quy phạm pháp luật được rà soát, năm 2013): lỗi: ")
                    && $0.contains("12 nghìn")
            }, "\(printed)")
        #expect(
            printed.contains {
                $0.hasPrefix(
                    "so-tu-phap.bieu.xlsx: Thể chế, ô H8 (Số văn bản được kiểm tra theo thẩm quyền, năm 2015): lỗi: ô có công thức")
            }, "\(printed)")
        #expect(
            printed.contains {
                $0.hasPrefix(
                    "so-tu-phap.bieu.xlsx: Thể chế, ô E5 (Số văn bản quy phạm pháp luật được ban hành, năm 2012): cảnh báo: số được gõ dạng chữ"
                )
            }, "\(printed)")
        #expect(reading.yaml.contains("  phu-luc-02:\n    vb-qppl-ban-hanh:\n      2011: 12\n      2012: 1234\n      2013: 7\n"))
    }

    @Test("biểu openpyxl điền rồi LibreOffice lưu lại được đọc như trước; công thức có kết quả đã tính được nhận")
    func readsAfterLibreOfficeSave() throws {
        try #require(ExternalTool.openpyxl, "openpyxl chưa cài được (scripts/setup --test-tools); bỏ qua")
        try #require(ExternalTool.libreOffice, "LibreOffice chưa cài được (scripts/setup --test-tools); bỏ qua")
        let folder = try Fixtures.temporaryDirectory()
        let filled = try fill(
            try WorkbookFormWriter.data(for: unit, outline: outline),
            cells: [
                ("TK_phu_luc_02__vb_qppl_ban_hanh__2011", "12"), ("TK_phu_luc_02__vb_qppl_ban_hanh__2020", "'1.234'"),
                ("TK_phu_luc_02__vb_ra_soat__2016", "'=1000+234'"), ("TK_phu_luc_02__vb_ra_soat__2017", "40"),
            ],
            commendation: ["Cá nhân", "Nguyễn Văn A", "Bằng khen của Chủ tịch UBND tỉnh", "Hoàn thành xuất sắc"], in: folder)
        let (resaved, log) = ExternalTool.libreOfficeResave(filled, as: "xlsx", into: folder)
        let url = try #require(resaved, "LibreOffice không lưu được: \(log)")
        let reading = WorkbookFormReader.read(contentsOf: url, shownName: "so-tu-phap.bieu.xlsx", outline: outline)
        #expect(!reading.diagnostics.hasErrors(), "\(reading.diagnostics.map(\.description))")
        #expect(reading.figures["phu-luc-02"]?["vb-qppl-ban-hanh"] == [2011: 12, 2020: 1234])
        #expect(reading.figures["phu-luc-02"]?["vb-ra-soat"] == [2016: 1234, 2017: 40])
        #expect(reading.commendations.map(\.name) == ["Nguyễn Văn A"])
        #expect(reading.commendations.first?.recipient == .individual)
    }

    @Test("ô gộp: giá trị ở ô trên trái, ô bị gộp coi như trống và có cảnh báo; dòng ẩn vẫn được đọc")
    func mergedAndHidden() throws {
        try #require(ExternalTool.openpyxl, "openpyxl chưa cài được (scripts/setup --test-tools); bỏ qua")
        let folder = try Fixtures.temporaryDirectory()
        let input = folder.appendingPathComponent("a.xlsx")
        let output = folder.appendingPathComponent("b.xlsx")
        try WorkbookFormWriter.data(for: unit, outline: outline).write(to: input)
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb['Biểu 02']
            ws['D6'].value = 40
            ws.merge_cells('D6:E6')
            ws['D7'].value = 3
            ws.row_dimensions[7].hidden = True
            wb.save(sys.argv[2])

            """
        let run = try ExternalTool.python(script, [input.path, output.path])
        try #require(run.status == 0, "\(run.output)")
        let reading = WorkbookFormReader.read(contentsOf: output, shownName: "b.xlsx", outline: outline)
        // Row 6 is vb-ra-soat, row 7 vb-sua-doi-bai-bo; D is 2011, E 2012.
        #expect(reading.figures["phu-luc-02"]?["vb-ra-soat"] == [2011: 40])
        #expect(reading.figures["phu-luc-02"]?["vb-sua-doi-bai-bo"] == [2011: 3])
        #expect(
            reading.diagnostics.map(\.description).contains {
                $0.hasPrefix(
                    "b.xlsx: Biểu 02, ô E6 (Số văn bản quy phạm pháp luật được rà soát, năm 2012): cảnh báo: ô này bị gộp vào ô D6")
            }, "\(reading.diagnostics.map(\.description))")
    }
}
