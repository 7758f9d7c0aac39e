import Testing
import TongketKit
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument

@Suite("Bảng dựng từ số liệu")
struct TableTests {
    let programme: Programme

    init() throws { programme = try Fixtures.outline().programme }

    @Test("bảng phụ lục: cột năm, cột giai đoạn, hàng tỷ lệ tự tính, số kiểu Việt Nam")
    func appendixTable() throws {
        let table = TableBuilder.appendix(AggregationTests.table, figures: AggregationTests.figures, unit: nil, programme: programme)
        #expect(table.columns.count == 3 + 10 + 3)
        #expect(table.columns.map { $0.title }.suffix(3) == ["2011 - 2015", "2016 - 2020", "2011 - 2020"])
        #expect(table.columns.filter { $0.group == "Năm" }.count == 10)
        #expect(table.rows.count == 5)
        // nhan: 200, 300, -, -, -, 50, -, -, -, - | 500, 50, 550
        #expect(table.rows[0] == ["1", "Nhận", "hồ sơ", "200", "300", "-", "-", "-", "50", "-", "-", "-", "-", "500", "50", "550"])
        // ty-le: 75, 90, -, …, 100 | 84, 100, 85,45 (470/550 = 85,4545…)
        #expect(table.rows[4] == ["5", "Tỷ lệ", "%", "75", "90", "-", "-", "-", "100", "-", "-", "-", "-", "84", "100", "85,45"])
    }

    @Test("bảng HTML: bảng ngắn (tối đa 8 hàng, thấp) mang lớp 'ngan' để không bị ngắt trang khi in; bảng 9 hàng thì không")
    func shortTablesKeptWhole() {
        func table(rows: Int) -> Table {
            Table(kind: "k", columns: [Table.Column("Tên", alignment: .left)], rows: Array(repeating: ["một dòng"], count: rows))
        }
        #expect(HTMLTableWriter.html(table(rows: 8)).hasPrefix("<table class=\"k ngan\">"))
        #expect(HTMLTableWriter.html(table(rows: 9)).hasPrefix("<table class=\"k\">"))
    }

    @Test("bảng HTML: hàng tiêu đề nhóm có colspan, ô số căn phải, ký tự đặc biệt được thoát")
    func html() {
        let table = Table(
            kind: "k",
            columns: [
                Table.Column("Tên", alignment: .left), Table.Column("2019", group: "Năm", alignment: .right),
                Table.Column("2020", group: "Năm", alignment: .right),
            ],
            rows: [["<b>&", "1.234", "-"]])
        #expect(
            HTMLTableWriter.html(table) == """
                <table class="k ngan">
                <thead>
                <tr><th rowspan="2">Tên</th><th colspan="2">Năm</th></tr>
                <tr><th>2019</th><th>2020</th></tr>
                </thead>
                <tbody>
                <tr><td>&lt;b&gt;&amp;</td><td class="so">1.234</td><td class="so">-</td></tr>
                </tbody>
                </table>
                """)
    }

    @Test("bảng Markdown: một hàng tiêu đề, căn lề, thoát | và *")
    func markdown() {
        let table = Table(
            kind: "k",
            columns: [
                Table.Column("TT", alignment: .center), Table.Column("Tên", alignment: .left),
                Table.Column("2020", group: "Năm", alignment: .right),
            ],
            rows: [["1", "a | b *c*", "1.234"]])
        #expect(MarkdownTableWriter.markdown(table) == "| TT | Tên | Năm 2020 |\n| :---: | :--- | ---: |\n| 1 | a \\| b \\*c\\* | 1.234 |")
    }

    @Test("ghi chú dưới bảng: mỗi ghi chú một đoạn nghiêng sau bảng, trong Markdown và HTML; ký tự đặc biệt được thoát")
    func notes() {
        let table = Table(
            kind: "k", columns: [Table.Column("Tên", alignment: .left)], rows: [["a"]],
            notes: ["Ghi chú: từ ngày 01/7/2025, xã *A* <mới>.", "Hai & ba."])
        #expect(
            MarkdownTableWriter.markdown(table)
                == "| Tên |\n| :--- |\n| a |\n\n*Ghi chú: từ ngày 01/7/2025, xã \\*A\\* \\<mới\\>.*\n\n*Hai \\& ba.*")
        #expect(
            HTMLTableWriter.html(table).hasSuffix(
                "</table>\n<p class=\"ghi-chu-bang\"><em>Ghi chú: từ ngày 01/7/2025, xã *A* &lt;mới&gt;.</em></p>\n"
                    + "<p class=\"ghi-chu-bang\"><em>Hai &amp; ba.</em></p>"))
        // Without notes, nothing follows the table.
        #expect(HTMLTableWriter.html(Table(kind: "k", columns: table.columns, rows: table.rows)).hasSuffix("</table>"))
    }

    @Test("thoát Markdown cho giá trị đặt đầu dòng")
    func escaping() {
        #expect(MarkdownText.escape("- Lưu") == "\\- Lưu")
        #expect(MarkdownText.escape("1. Một") == "1\\. Một")
        #expect(MarkdownText.escape("a_b*c") == "a\\_b\\*c")
        #expect(MarkdownText.escape("Sở Tư pháp") == "Sở Tư pháp")
    }
}
