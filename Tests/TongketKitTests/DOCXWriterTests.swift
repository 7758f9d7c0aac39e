import CmarkDoor
import Foundation
import Testing
import TongketTestSupport
import ZIPFoundation

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Bộ ghi DOCX")
struct DOCXWriterTests {
    /// Options with the bundled templates' class map, as a render has them.
    func options() throws -> DOCXOptions {
        DOCXOptions(title: "thử", styles: "", styleMap: try TemplateSet.load(from: Reports.templatesDirectory).wordStyleMap)
    }

    /// The body XML the writer makes of a template's Markdown with these insertions.
    func body(_ markdown: String, _ insertions: [String: Insertion] = [:], tables: [String: Table] = [:]) throws -> String {
        let tree = try MarkdownTree(markers: TemplateMarkers.syntax, markdown: markdown)
        try tree.resolve(insertions)
        let writer = DOCXBodyWriter(options: try options(), tables: tables, charts: [:])
        writer.write(tree.blocks)
        writer.finish()
        return String(decoding: writer.drainAll(), as: UTF8.self)
    }

    func wellFormed(_ xml: String) -> Bool {
        let document = "<w:document \(DOCXParts.namespaces)><w:body>\(xml)</w:body></w:document>"
        return XMLParser(data: Data(document.utf8)).parse()
    }

    @Test("chữ của đơn vị được thoát ký tự XML; ký tự điều khiển bị bỏ; tài liệu vẫn là XML hợp lệ")
    func escaping() throws {
        let xml = try body(
            "<!-- tongket:chen a -->\n", ["a": .fragment("A & B < C > \"D\" \u{1}E\u{7}F <w:p> ]]>", belowHeadingLevel: 1)])
        // "<w:p>" is no HTML tag to cmark (a colon in its name), so it stays text, escaped.
        #expect(xml.contains("<w:t>A &amp; B &lt; C &gt; &quot;D&quot; EF &lt;w:p&gt; ]]&gt;</w:t>"))
        #expect(wellFormed(xml))
    }

    @Test("đề mục theo kiểu Heading; đoạn thường không mang thuộc tính; đậm, nghiêng là thuộc tính của đoạn chữ")
    func headingsAndRuns() throws {
        let xml = try body("## I. MỤC TIÊU\n\nChữ **đậm** và *nghiêng*\ndòng sau.\n")
        #expect(xml.contains("<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>I. MỤC TIÊU</w:t></w:r></w:p>"))
        #expect(
            xml.contains(
                "<w:p><w:r><w:t xml:space=\"preserve\">Chữ </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>đậm</w:t></w:r>"
                    + "<w:r><w:t xml:space=\"preserve\"> và </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>nghiêng</w:t></w:r>"
                    + "<w:r><w:t xml:space=\"preserve\"> dòng sau.</w:t></w:r></w:p>"))
    }

    @Test("danh sách: gạch đầu dòng dùng w:num 1, mỗi danh sách số bắt đầu lại từ số của nó; cấp lồng là ilvl")
    func lists() throws {
        let writer = DOCXBodyWriter(options: try options(), tables: [:], charts: [:])
        let tree = try MarkdownTree(markers: TemplateMarkers.syntax, markdown: "- a\n  - b\n\n1. c\n2. d\n\nđoạn\n\n3. e\n")
        writer.write(tree.blocks)
        let xml = String(decoding: writer.drainAll(), as: UTF8.self)
        #expect(xml.contains("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>a</w:t>"))
        #expect(xml.contains("<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>b</w:t>"))
        #expect(xml.contains("<w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>c</w:t>"))
        #expect(xml.contains("<w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>e</w:t>"))
        #expect(writer.orderedLists == [1, 3])
        let numbering = DOCXParts.numbering(orderedLists: writer.orderedLists)
        #expect(
            numbering.contains(
                "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/>"))
    }

    @Test("liên kết: http thành siêu liên kết ngoài; javascript: chỉ còn chữ")
    func links() throws {
        let writer = DOCXBodyWriter(options: try options(), tables: [:], charts: [:])
        let tree = try MarkdownTree(
            markers: TemplateMarkers.syntax, markdown: "[cổng](https://dichvucong.gov.vn) và [xấu](javascript:alert(1))\n")
        writer.write(tree.blocks)
        let xml = String(decoding: writer.drainAll(), as: UTF8.self)
        #expect(
            xml.contains(
                "<w:hyperlink r:id=\"rIdL1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t>cổng</w:t></w:r></w:hyperlink>"))
        #expect(xml.contains("<w:r><w:t>xấu</w:t></w:r>"))
        #expect(!xml.contains("javascript"))
        #expect(
            writer.relationships == [DOCXRelationship(id: "rIdL1", type: "hyperlink", target: "https://dichvucong.gov.vn", external: true)])
    }

    @Test("khối mã giữ từng dòng, ngắt bằng w:br; khoảng trắng đầu dòng được giữ")
    func codeBlock() throws {
        let xml = try body("```\nmột\n  hai\n```\n")
        #expect(
            xml.contains(
                "<w:p><w:pPr><w:pStyle w:val=\"MaNguon\"/></w:pPr><w:r><w:t>một</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">  hai</w:t></w:r></w:p>"
            ))
    }

    @Test("10.000 dấu > lồng nhau: không tràn ngăn xếp, chữ còn nguyên")
    func deepNesting() throws {
        let xml = try body(String(repeating: ">", count: 10_000) + " sâu\n")
        #expect(xml.contains("sâu"))
        #expect(wellFormed(xml))
    }

    @Test("phụ lục sang trang ngang: phần đứng kết thúc có titlePg; mỗi phụ lục một phần riêng, số trang đánh lại từ 1")
    func landscapeSections() throws {
        let markdown = """
            Thân.

            <!-- tongket:khoi phu-luc -->

            **Phụ lục 01**

            <!-- tongket:het-khoi -->

            <!-- tongket:khoi phu-luc -->

            **Phụ lục 02**

            <!-- tongket:het-khoi -->

            """
        let xml = try body(markdown)
        let sections = xml.components(separatedBy: "<w:sectPr>").dropFirst().map { $0.components(separatedBy: "</w:sectPr>")[0] }
        // The body, then one section per appendix: Nghị định 30/2020 numbers each appendix's
        // pages on their own, from 1, the first page of each unnumbered like the document's.
        #expect(sections.count == 3)
        #expect(sections[0].contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") && sections[0].contains("<w:titlePg/>"))
        #expect(sections[0].contains("w:left=\"1701\"") && sections[0].contains("w:right=\"851\""))
        #expect(!sections[0].contains("pgNumType"))
        for appendix in sections.dropFirst() {
            #expect(appendix.contains("w:orient=\"landscape\"") && appendix.contains("<w:titlePg/>"))
            #expect(appendix.contains("<w:type w:val=\"nextPage\"/>") && appendix.contains("<w:pgNumType w:start=\"1\"/>"))
        }
        // Each section closes before its appendix's heading: 01 in the second, 02 in the third.
        let one = try #require(xml.range(of: "<w:t>Phụ lục 01</w:t>"))
        let two = try #require(xml.range(of: "<w:t>Phụ lục 02</w:t>"))
        let breaks = xml.ranges(of: "<w:sectPr>").map(\.lowerBound)
        #expect(breaks.count == 3 && breaks[0] < one.lowerBound && one.lowerBound < breaks[1] && breaks[1] < two.lowerBound)
        #expect(!xml.contains("pageBreakBefore"))
    }

    @Test("chữ ký gắn với đoạn cuối thân văn bản (keepNext), kể cả đoạn thường không có thuộc tính")
    func signatureKeepsWithBody() throws {
        let markdown = """
            Đoạn trước.

            Đoạn cuối.

            <!-- tongket:khoi chu-ky -->

            <!-- tongket:khoi noi-nhan -->

            ***Nơi nhận:***

            - Như trên;

            <!-- tongket:het-khoi -->

            <!-- tongket:khoi nguoi-ky -->

            **GIÁM ĐỐC**

            <!-- tongket:het-khoi -->

            <!-- tongket:het-khoi -->

            """
        let xml = try body(markdown)
        #expect(xml.contains("<w:p><w:r><w:t>Đoạn trước.</w:t></w:r></w:p>"))
        #expect(xml.contains("<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>Đoạn cuối.</w:t></w:r></w:p>"))
        #expect(
            xml.contains(
                "<w:pStyle w:val=\"NoiNhanDong\"/></w:pPr><w:r><w:t xml:space=\"preserve\">- </w:t></w:r><w:r><w:t>Như trên;</w:t>"))
        #expect(wellFormed(xml))
    }

    @Test("bảng dài ngay trước chữ ký: hàng cuối và đoạn sau bảng giữ với chữ ký, hàng trước thì không; phần đã ghi ra không đổi")
    func tableKeepsLastRowWithSignature() throws {
        // Nine rows: longer than a table kept whole (DOCXTableWriter.shortTableRows).
        let names = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
        let table = Table(kind: "khen-thuong", columns: [.init("Tên", alignment: .left)], rows: names.map { [$0] })
        let writer = DOCXBodyWriter(options: try options(), tables: ["bang:a": table], charts: [:])
        let tree = try MarkdownTree(
            markers: TemplateMarkers.syntax,
            markdown: "Trước.\n\n<!-- tongket:chen bang:a -->\n\n<!-- tongket:khoi chu-ky -->\n\nKý.\n\n<!-- tongket:het-khoi -->\n")
        try tree.resolve(["bang:a": .native(id: "bang:a")])
        writer.write(Array(tree.blocks.prefix(2)))
        // What is handed over before the signature comes is final: the last row is still held.
        let early = String(decoding: writer.drain(), as: UTF8.self)
        #expect(early.contains("<w:t>tám</w:t>") && !early.contains("<w:t>chín</w:t>"))
        writer.write(Array(tree.blocks.dropFirst(2)))
        let xml = early + String(decoding: writer.drainAll(), as: UTF8.self)
        // The paragraph before the table introduces it: kept with it.
        #expect(xml.contains("<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>Trước.</w:t></w:r></w:p>"))
        #expect(xml.contains("<w:pStyle w:val=\"BangChu\"/></w:pPr><w:r><w:t>một</w:t>"))
        #expect(xml.contains("<w:pStyle w:val=\"BangChu\"/></w:pPr><w:r><w:t>tám</w:t>"))
        #expect(xml.contains("<w:pStyle w:val=\"BangChu\"/><w:keepNext/></w:pPr><w:r><w:t>chín</w:t>"))
        #expect(xml.contains("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"SauBang\"/><w:keepNext/></w:pPr></w:p>"))
        #expect(xml.components(separatedBy: "<w:keepNext/>").count - 1 == 3)
        #expect(wellFormed(xml))
    }

    @Test("ghi chú dưới bảng: đoạn chữ nghiêng ngay sau bảng, thay cho đoạn trống sau bảng")
    func tableNote() throws {
        let table = Table(
            kind: "bang-so-lieu", columns: [.init("Tên", alignment: .left)], rows: [["một"]], notes: ["Ghi chú: xã A & xã B."])
        let xml = try body("<!-- tongket:chen bang:a -->\n", ["bang:a": .native(id: "bang:a")], tables: ["bang:a": table])
        #expect(xml.contains("</w:tbl><w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Ghi chú: xã A &amp; xã B.</w:t></w:r></w:p>"))
        #expect(!xml.contains("SauBang"))
        #expect(wellFormed(xml))
    }

    @Test("bảng: hàng tiêu đề lặp lại, cột nhóm gộp bằng gridSpan và vMerge, độ rộng cột cộng đúng bằng khổ")
    func table() throws {
        let table = Table(
            kind: "bang-so-lieu",
            columns: [
                .init("Chỉ tiêu", alignment: .left), .init("2011", group: "Năm", alignment: .right),
                .init("2012", group: "Năm", alignment: .right),
            ],
            rows: [["Hồ sơ", "1.234", "85,5"]])
        var out = DOCXBodyBuffer()
        DOCXTableWriter.write(table, width: 9354, into: &out)
        let xml = String(decoding: out.takeAll(), as: UTF8.self)
        #expect(xml.components(separatedBy: "<w:tblHeader/>").count - 1 == 2)
        #expect(xml.contains("<w:gridSpan w:val=\"2\"/>"))
        #expect(xml.contains("<w:vMerge w:val=\"restart\"/>") && xml.contains("<w:vMerge/>"))
        #expect(xml.contains("<w:pStyle w:val=\"BangSoLieuSo\"/></w:pPr><w:r><w:t>1.234</w:t>"))
        let widths = DOCXTableWriter.columnWidths(table, total: 9354)
        #expect(widths.reduce(0, +) == 9354)
        #expect(widths[0] > widths[1])
        // A two-letter column beside long text keeps at least 1 cm (567 twips), so "TT" never wraps.
        // By weight alone: 5 of 5 + 5 × 30 = 155 parts of 9354 is 301 twips, too narrow.
        let long = String(repeating: "chữ ", count: 40)
        let narrow = Table(
            kind: "khen-thuong",
            columns: [.init("TT", alignment: .center)] + (1...5).map { .init("Cột \($0)", alignment: .left) },
            rows: [["1", long, long, long, long, long]])
        let narrowWidths = DOCXTableWriter.columnWidths(narrow, total: 9354)
        #expect(narrowWidths[0] == 567)
        #expect(narrowWidths.reduce(0, +) == 9354)
    }

    @Test("bảng mục tiêu: cột số có chữ ('> 80 (năm 2020)') chỉ giữ từ dài nhất; cột chữ không hẹp hơn từ dài nhất của nó")
    func wordsInFigureColumns() {
        let table = Table(
            kind: "muc-tieu",
            columns: [
                .init("TT", alignment: .center), .init("Mục tiêu", alignment: .left), .init("Căn cứ", alignment: .left),
                .init("Kết quả đạt được", alignment: .right), .init("Mức phải đạt", alignment: .right),
                .init("Đánh giá", alignment: .center), .init("Chênh lệch", alignment: .right),
            ],
            rows: [
                [
                    "1", "Sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt mức trên 80%",
                    "Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ", "86,2", "> 80 (năm 2020)", "Đạt", "cao hơn 6,2",
                ],
                [
                    "2", "Tỷ lệ hài lòng về y tế", "Nghị quyết số 30c/NQ-CP", "chưa có số liệu", "> 80 (năm 2020)", "chưa đánh giá được",
                    "-",
                ],
            ])
        // Times New Roman 11 pt: an em is 220 twips. Before, the figure columns took 7,423 of 9,354
        // twips for whole phrases, leaving TT 116 twips and 'Đánh giá' 418.
        let widths = DOCXTableWriter.columnWidths(table, total: 9354)
        #expect(widths.reduce(0, +) == 9354)
        #expect(widths[0] >= 567)
        // 'Đánh giá': its longest word 'Đánh' or 'được' (4 letters × 0.6 em) and the margins.
        #expect(widths[5] >= 4 * 220 * 6 / 10 + 2 * 108)
        // 'Mức phải đạt' needs only its widest word, '(năm' or '2020)': at most five characters at
        // a full em each with the margins, far below the whole phrase.
        #expect(widths[4] < 5 * 220 + 2 * 108 + 40 + 1)
        #expect(widths[1] > widths[4] && widths[2] > widths[4])
    }

    @Test("bảng số liệu: mỗi số nằm trọn một dòng trong ô; bảng quá rộng mới dùng cỡ chữ nhỏ hơn (kiểu riêng, không định dạng trực tiếp)")
    func figuresNeverWrap() throws {
        // Times New Roman 10 pt: an em is 200 twips, a digit half of it, a separator a quarter.
        #expect(DOCXTableWriter.figureWidth("9.168,5", fontHalfPoints: 20) == 5 * 100 + 2 * 50)
        #expect(DOCXTableWriter.figureWidth("1.234", fontHalfPoints: 22) == 4 * 110 + 55)
        let years = (2011...2020).map { Table.Column(String($0), group: "Năm", alignment: .right) }
        let phases = ["2011 - 2015", "2016 - 2020", "2011 - 2020"].map { Table.Column($0, group: "Giai đoạn", alignment: .right) }
        let wide = Table(
            kind: "bang-so-lieu",
            columns: [
                .init("TT", alignment: .center), .init("Chỉ tiêu", alignment: .left), .init("Đơn vị tính", alignment: .center),
                .init("Số đơn vị báo cáo", alignment: .center),
            ] + years + phases,
            rows: [
                ["2", "Kinh phí tiết kiệm được từ thực hiện cơ chế tự chủ", "triệu đồng", "7"] + Array(repeating: "10.244,4", count: 10) + [
                    "42.810", "55.728,4", "98.538,4",
                ]
            ])
        let landscape = 14853
        let chosen = DOCXTableWriter.layout(wide, total: landscape, fontHalfPoints: 20, smallest: 18)
        let (widths, size) = (chosen.widths, chosen.fontHalfPoints)
        #expect(widths.reduce(0, +) == landscape)
        // At 10 pt ten "10.244,4" need 10 × (700 + 2 × 108 + 40) = 9,560 twips and the phases, their
        // headings wrapped ("2011 -" over "2015"), 856 + 956 + 956 = 2,768, leaving 2,525; the text
        // columns' floors (1 cm, or the longest word at 0.6 em a letter and margins:
        // 567 + 696 + 816 + 576 = 2,655) do not fit. At 9 pt with whole phase headings (990 + 256
        // each) neither: 8,860 + 3 × 1,246 leaves 2,255 of the 2,646 the text needs. At 9 pt with
        // wrapped headings (796 + 886 + 886) it fits, with 779 twips to spare.
        #expect(size == 18)
        #expect(chosen.loose)
        for index in 4..<widths.count {
            #expect(widths[index] >= DOCXTableWriter.figureWidth(wide.rows[0][index], fontHalfPoints: size) + 2 * 108, "\(index)")
        }
        var out = DOCXBodyBuffer()
        DOCXTableWriter.write(wide, width: landscape, into: &out)
        let xml = String(decoding: out.takeAll(), as: UTF8.self)
        #expect(xml.contains("<w:pStyle w:val=\"BangSoLieuNhoSo\"/>"))
        #expect(!xml.contains("<w:sz "))
        // The same table on fewer years fits at 10 pt, in the ordinary styles.
        let narrow = Table(kind: "bang-so-lieu", columns: Array(wide.columns.prefix(6)), rows: [Array(wide.rows[0].prefix(6))])
        #expect(DOCXTableWriter.layout(narrow, total: landscape, fontHalfPoints: 20, smallest: 18).fontHalfPoints == 20)
        #expect(!DOCXTableWriter.layout(narrow, total: landscape, fontHalfPoints: 20, smallest: 18).loose)
    }

    @Test("đoạn dẫn vào bảng giữ cùng trang với bảng; bảng ngắn (≤ 8 hàng) không bị ngắt trang, bảng dài thì được")
    func tablesKeptWithTheirText() throws {
        func table(rows: Int) -> Table {
            Table(
                kind: "khen-thuong", columns: [.init("TT", alignment: .center), .init("Tên", alignment: .left)],
                rows: (1...rows).map { ["\($0)", "Tập thể \($0)"] })
        }
        let xml = try body(
            "Kết quả khen thưởng (chi tiết tại bảng dưới đây).\n\n<!-- tongket:chen bang:a -->\n\nĐoạn sau.\n",
            ["bang:a": .native(id: "bang:a")], tables: ["bang:a": table(rows: 2)])
        #expect(xml.contains("<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>Kết quả khen thưởng (chi tiết tại bảng dưới đây).</w:t>"))
        #expect(xml.contains("<w:p><w:r><w:t>Đoạn sau.</w:t>"))
        #expect(wellFormed(xml))
        // Two rows: the first kept with the second, the second (the last) free.
        func rows(_ xml: String) -> [String] { xml.components(separatedBy: "<w:tr><w:trPr><w:cantSplit/></w:trPr>").dropFirst().map { $0 } }
        let short = rows(xml)
        #expect(short.count == 2)
        #expect(short[0].components(separatedBy: "<w:keepNext/>").count - 1 == 2)
        #expect(!short[1].contains("<w:keepNext/>"))
        // Nine rows may break between rows.
        var out = DOCXBodyBuffer()
        DOCXTableWriter.write(table(rows: 9), width: 9354, into: &out)
        let long = rows(String(decoding: out.takeAll(), as: UTF8.self))
        #expect(long.count == 9)
        #expect(long.allSatisfy { !$0.contains("<w:keepNext/>") })
    }

    @Test("Phụ lục 06: không cột chữ nào hẹp hơn từ dài nhất của nó; đơn vị tính dài xuống dòng sau dấu '/' (đánh dấu cho Word)")
    func longUnitsOfMeasure() {
        let years = (2011...2020).map { Table.Column(String($0), group: "Năm", alignment: .right) }
        let phases = ["2011 - 2015", "2016 - 2020", "2011 - 2020"].map { Table.Column($0, group: "Giai đoạn", alignment: .right) }
        let table = Table(
            kind: "bang-so-lieu",
            columns: [
                .init("TT", alignment: .center), .init("Chỉ tiêu", alignment: .left), .init("Đơn vị tính", alignment: .center),
                .init("Số đơn vị báo cáo", alignment: .center),
            ] + years + phases,
            rows: [
                ["1", "Số đơn vị sự nghiệp công lập tự bảo đảm một phần hoặc toàn bộ chi thường xuyên", "đơn vị", "7"]
                    + ["42", "42", "42", "49", "49", "49", "56", "56", "56", "63", "49", "63", "63"],
                ["2", "Kinh phí tiết kiệm được từ thực hiện cơ chế tự chủ", "triệu đồng", "7"]
                    + ["7.514,6", "8.268,7", "8.479,0", "9.168,5", "9.379,2", "10.075,6", "10.244,4", "11.492,4", "11.744,2"]
                    + ["12.171,8", "42.810,0", "55.728,4", "98.538,4"],
                ["3", "Thu nhập tăng thêm bình quân của người lao động", "triệu đồng/người/tháng", "7"]
                    + ["0,43", "0,48", "0,54", "0,61", "0,66", "0,72", "0,78", "0,85", "0,91", "0,97", "0,55", "0,85", "0,70"],
            ])
        let landscape = 14853
        let chosen = DOCXTableWriter.layout(table, total: landscape, fontHalfPoints: 20, smallest: 18)
        #expect(chosen.widths.reduce(0, +) == landscape)
        // Before, 'Số đơn vị báo cáo' got 218 twips (a letter a line) and 'Chỉ tiêu' 961: no one
        // column could give all that was missing, and the phase columns kept "2011 - 2015" whole.
        // "đồng/người/tháng" whole needs 16 × 0.6 em + margins = 1,944 twips at 9 pt; broken after
        // its slashes, "người/" 6 × 108 + 216 = 864.
        #expect(chosen.fontHalfPoints == 18 && chosen.loose)
        #expect(chosen.widths.allSatisfy { $0 >= 567 })
        #expect(chosen.widths[1] >= 864 && chosen.widths[2] >= 864)
        #expect(chosen.widths[2] < 1944)
        for index in 4..<chosen.widths.count {
            let widest = table.rows.map { DOCXTableWriter.figureWidth($0[index], fontHalfPoints: 18) }.max() ?? 0
            #expect(chosen.widths[index] >= widest + 2 * 108, "\(index)")
        }
        var out = DOCXBodyBuffer()
        DOCXTableWriter.write(table, width: landscape, into: &out)
        let xml = String(decoding: out.takeAll(), as: UTF8.self)
        #expect(xml.contains("<w:t>triệu đồng/\u{200B}người/\u{200B}tháng</w:t>"))
        #expect(xml.contains("<w:t>triệu đồng</w:t>"))
    }

    @Test("đếm ký tự, từ dài nhất cho độ rộng cột: theo scalar khi mỗi scalar là một ký tự, như đếm từng ký tự")
    func characterCounting() {
        // Counted by hand: "đồng/người/tháng" is 16 characters, its pieces after a slash 5, 6, 5.
        #expect(DOCXTableWriter.characterCount("đồng/người/tháng") == 16)
        #expect(DOCXTableWriter.longestWord("triệu đồng/người/tháng", loose: false) == 16)
        #expect(DOCXTableWriter.longestWord("triệu đồng/người/tháng", loose: true) == 6)
        // A slash before a figure or another slash is no break: "30c/NQ-CP" breaks ("NQ-CP" 5), "1/2" does not; "b//c" breaks at the second ("b//" 3).
        #expect(DOCXTableWriter.longestWord("1/2 số 30c/NQ-CP", loose: true) == 5)
        #expect(DOCXTableWriter.longestWord("a/ b//c", loose: true) == 3)
        #expect(DOCXTableWriter.longestWord("", loose: true) == 0)
        #expect(DOCXTableWriter.longestWord("   ", loose: false) == 0)
        // Decomposed "ệ" (e, U+0323, U+0302) is one character: counted by characters, not 3.
        #expect(DOCXTableWriter.characterCount("Vi\u{65}\u{323}\u{302}t") == 4)
        #expect(DOCXTableWriter.longestWord("Vi\u{65}\u{323}\u{302}t Nam", loose: true) == 4)
        #expect(DOCXTableWriter.characterCount("a\r\nb") == 3)
        // Every case agrees with the definitions by character.
        let texts = [
            "đồng/người/tháng", "Tỷ lệ hồ sơ giải quyết đúng hạn (%)", "Nghị quyết số 30c/NQ-CP ngày 08/11/2011", "a//b /c d/",
            "Vi\u{65}\u{323}\u{302}t/Nam", "x\r\ny", "👍🏽 tốt", "© 2020/Sở", "ờ/ơ/Ử", "",
        ]
        for text in texts {
            #expect(DOCXTableWriter.characterCount(text) == text.count, "\(text)")
            for loose in [false, true] {
                let byCharacter =
                    text.split(separator: " ").map { loose ? DOCXTableWriter.slashPieces($0).map(\.count).max() ?? 0 : $0.count }.max() ?? 0
                #expect(DOCXTableWriter.longestWord(text, loose: loose) == byCharacter, "\(text) \(loose)")
            }
        }
    }

    @Test("nâng cột dưới mức tối thiểu: lấy từ nhiều cột còn dư, cột dư nhiều nhất trước; tổng không đổi")
    func raiseFromSeveralDonors() {
        var widths = [200, 900, 800, 700]
        DOCXTableWriter.raiseToFloors(&widths, floors: [600, 700, 650, 700], only: [0])
        // 400 wanted: 200 from the second (most to spare), then 150 from the third; the fourth has
        // nothing to spare, so the first stays 50 short rather than taking a column below its floor.
        #expect(widths == [550, 700, 650, 700])
        #expect(widths.reduce(0, +) == 2600)
    }

    @Test("nhận ra .docx của tongket; một gói ZIP khác hay tệp bất kỳ thì không")
    func recognisesOwnPackages() throws {
        let document = DOCXDocument(
            options: DOCXOptions(title: "thử", styles: "<w:styles/>", styleMap: DOCXStyleMap()), tables: [:], charts: [:],
            spillDirectory: nil)
        let ours = try document.package()
        #expect(DOCXDocument.isGenerated(ours))
        let other = try Archive(data: Data(), accessMode: .create)
        let app = Data("<Properties><Application>Microsoft Office Word</Application></Properties>".utf8)
        try other.addEntry(with: "docProps/app.xml", type: .file, uncompressedSize: Int64(app.count)) { position, size in
            app.subdata(in: Int(position)..<min(Int(position) + size, app.count))
        }
        #expect(!DOCXDocument.isGenerated(try #require(other.data)))
        #expect(!DOCXDocument.isGenerated(Data("PK không phải zip".utf8)))
    }

    @Test("tệp kiểu Word hỏng: lỗi có dòng và cột, mã mẫu")
    func brokenWordStyles() throws {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("kieu-word.xml")
        try Data("<w:styles>\n  <w:style>\n</w:styles>\n".utf8).write(to: url)
        #expect {
            _ = try TemplateSet.loadWordStyles(url)
        } throws: { error in
            guard let error = error as? Diagnostic else { return false }
            return error.location.file == url.path && error.location.line == 3 && error.location.column == 12
                && error.message.hasPrefix("tệp kiểu Word không phải XML hợp lệ")
        }
    }

    @Test("độ rộng chữ Times New Roman đậm: tính tay từ bảng độ rộng của phông")
    func textWidth() {
        // "SỞ TƯ PHÁP": S 556, O 778, space 250, T 667, U 722, space 250, P 611, H 778, A 722, P 611 = 5945/1000 em;
        // at 13 pt: 5.945 × 13 × 20 = 1545.7 twips.
        #expect(TimesBoldWidth.twips("SỞ TƯ PHÁP", points: 13) == 1546)
    }
}

@Suite("Dòng nhãn (cả dòng đậm, hay nghiêng kết thúc bằng dấu hai chấm) luôn cùng trang với đoạn sau")
struct LineLabelTests {
    @Test("nhận ra nhãn từ nội dung dòng")
    func recognised() {
        #expect(LineLabel.isLabel([.emphasis([.text("UBND xã Nga An:")])]))
        #expect(LineLabel.isLabel([.strong([.text("Phần I, mục VI.3: Hạn chế, yếu kém")])]))
        #expect(LineLabel.isLabel([.strong([.text("Tổng hợp từ báo cáo của các đơn vị cấp dưới:")])]))
        #expect(!LineLabel.isLabel([.emphasis([.text("(Mục không bắt buộc.)")])]))
        #expect(!LineLabel.isLabel([.emphasis([.text("Thuận lợi:")]), .text(" có sự chỉ đạo")]))
        #expect(!LineLabel.isLabel([.text("Sở Tư pháp:")]))
    }

    @Test("HTML: chỉ đoạn nhãn của phần chữ có lớp nhan (không phải dòng đậm của chữ ký); phần còn lại giữ nguyên từng byte")
    func markedHTML() {
        let html = """
            <p><em>UBND xã Nga An:</em></p>
            <p>Xã Nga An có khoảng 9,8 nghìn nhân khẩu.</p>
            <p><strong>Phần I, mục VI.3: Hạn chế, yếu kém</strong></p>
            <p><em>Thuận lợi:</em> có sự chỉ đạo sát sao.</p>
            <p><em>(Mục không bắt buộc.)</em></p>
            <p><strong>Chú ý</strong> và <em>b:</em></p>
            <div class="dong-gop">
            <p><em>Sở Tư pháp:</em></p>
            </div>
            <div class="nguoi-ky">
            <p><strong>GIÁM ĐỐC</strong></p>
            </div>
            <p><strong>Sau khối:</strong></p>

            """
        let expected = """
            <p class="nhan"><em>UBND xã Nga An:</em></p>
            <p>Xã Nga An có khoảng 9,8 nghìn nhân khẩu.</p>
            <p class="nhan"><strong>Phần I, mục VI.3: Hạn chế, yếu kém</strong></p>
            <p><em>Thuận lợi:</em> có sự chỉ đạo sát sao.</p>
            <p><em>(Mục không bắt buộc.)</em></p>
            <p><strong>Chú ý</strong> và <em>b:</em></p>
            <div class="dong-gop">
            <p class="nhan"><em>Sở Tư pháp:</em></p>
            </div>
            <div class="nguoi-ky">
            <p><strong>GIÁM ĐỐC</strong></p>
            </div>
            <p class="nhan"><strong>Sau khối:</strong></p>

            """
        #expect(LineLabel.marked(html) == expected)
        let plain = "<p>Không có nhãn nào.</p>\n"
        #expect(LineLabel.marked(plain) == plain)
        // Edges of the scan over bytes, each worked out by hand.
        let cases: [(String, String)] = [
            ("", ""),
            ("x<p><", "x<p><"),
            // A page cut after a label's text: the paragraph runs to the end.
            ("<p>a</p>\n<p><em>Cuối:</em>", "<p>a</p>\n<p class=\"nhan\"><em>Cuối:</em>"),
            // An unterminated class is a block of no running text.
            ("<div class=\"dong-gop\n<p><strong>X</strong></p>", "<div class=\"dong-gop\n<p><strong>X</strong></p>"),
            // Inner blocks: their own class rules inside them, the outer one's again after them.
            (
                "<div class=\"dong-gop\">\n<div class=\"khac\">\n<p><strong>A</strong></p>\n</div>\n<p><strong>B</strong></p>\n</div>",
                "<div class=\"dong-gop\">\n<div class=\"khac\">\n<p><strong>A</strong></p>\n</div>\n<p class=\"nhan\"><strong>B</strong></p>\n</div>"
            ),
            ("<p><strong>a<br />b</strong></p>", "<p><strong>a<br />b</strong></p>"),
            ("<p><em></em></p><p><strong></strong></p>", "<p><em></em></p><p><strong></strong></p>"),
            ("<div>\n<p><em>Ý kiến:</em></p></div><p><em>Ý:</em> x</p>", "<div>\n<p><em>Ý kiến:</em></p></div><p><em>Ý:</em> x</p>"),
            ("<p><em>a:</em></p><p><em>b:</em></p>", "<p class=\"nhan\"><em>a:</em></p><p class=\"nhan\"><em>b:</em></p>"),
        ]
        for (page, expected) in cases {
            #expect(LineLabel.marked(page) == expected, "\(page)")
            #expect(LineLabel.marked(Array(page.utf8)) == Array(expected.utf8), "\(page)")
        }
    }

    @Test("Word: nhãn trong phần chữ có keepNext, đoạn thường và dòng đậm của chữ ký thì không")
    func keepNextInWord() throws {
        let markdown = """
            *UBND xã Nga An:*

            Xã Nga An có khoảng 9,8 nghìn nhân khẩu.

            **Tổng hợp từ báo cáo của các đơn vị cấp dưới:**

            - Điểm một.

            Đoạn cuối.

            <!-- tongket:khoi chu-ky -->

            <!-- tongket:khoi nguoi-ky -->

            **GIÁM ĐỐC**

            <!-- tongket:het-khoi -->

            <!-- tongket:het-khoi -->

            """
        let xml = try DOCXWriterTests().body(markdown)
        #expect(xml.contains("<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>UBND xã Nga An:</w:t></w:r></w:p>"), "\(xml)")
        #expect(xml.contains("<w:p><w:r><w:t>Xã Nga An có khoảng 9,8 nghìn nhân khẩu.</w:t></w:r></w:p>"))
        #expect(
            xml.contains(
                "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Tổng hợp từ báo cáo của các đơn vị cấp dưới:</w:t>"))
        // Three: the two labels and the paragraph before the signature; not the signer's bold line.
        #expect(xml.components(separatedBy: "<w:keepNext/>").count - 1 == 3)
    }
}
