import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Dựng báo cáo của đơn vị: tệp mẫu Markdown và HTML")
struct RenderTests {
    let renderer: ReportRenderer

    init() throws { renderer = try Reports.renderer() }

    @Test("báo cáo của các đơn vị ví dụ (tệp mẫu .md và .html)")
    func examples() throws {
        let submissions = Reports.examples(renderer.outline)
        #expect(submissions.count == 7)
        for submission in submissions {
            let report = try renderer.unitReport(submission)
            #expect(Golden.mismatch(report.markdown, "render/\(report.baseName).md") == nil)
            #expect(Golden.mismatch(report.html, "render/\(report.baseName).html") == nil)
            if let thematic = try renderer.thematicReport(submission) {
                #expect(Golden.mismatch(thematic.markdown, "render/\(thematic.baseName).md") == nil)
                #expect(Golden.mismatch(thematic.html, "render/\(thematic.baseName).html") == nil)
            }
        }
    }

    @Test("báo cáo chuyên đề kèm đúng các phụ lục của chuyên đề được giao, số liệu của sở")
    func thematicAppendices() throws {
        let submissions = Reports.examples(renderer.outline)
        let home = try #require(submissions.first { $0.unitID == "so-noi-vu" })
        let markdown = try #require(try renderer.thematicReport(home)).markdown
        // Chuyên đề 3 cites Phụ lục 04 and 05 and is sent with them, not with 03, 06 or 07.
        #expect(markdown.contains("**Phụ lục 04**") && markdown.contains("**Phụ lục 05**"))
        #expect(!markdown.contains("**Phụ lục 03**") && !markdown.contains("**Phụ lục 06**") && !markdown.contains("**Phụ lục 07**"))
        #expect(markdown.contains("*(Kèm theo Báo cáo số 802/BC-SNV ngày 19/05/2020 của Sở Nội vụ)*"))
        // Tinh giản biên chế by year 0, 0, 0, 0, 5 | 3, 5, 1, 5, 3: phases 5 and 17, in all 22.
        #expect(
            markdown.contains("| 4 | Số người thực hiện tinh giản biên chế | người | 0 | 0 | 0 | 0 | 5 | 3 | 5 | 1 | 5 | 3 | 5 | 17 | 22 |")
        )
        // Sở Y tế's assignment (chuyên đề 8) has no appendix: its report ends at the signature.
        let health = try #require(submissions.first { $0.unitID == "so-y-te" })
        #expect(try #require(try renderer.thematicReport(health)).markdown.contains("Phụ lục") == false)
    }

    @Test("bản mẫu đã dựng của một sở, một sở có chuyên đề, một huyện", arguments: ["so-cong-thuong", "so-tu-phap", "h-nga-son"])
    func skeletons(id: String) throws {
        let unit = try #require(renderer.outline.unit(id))
        let report = try renderer.skeleton(for: unit)
        #expect(Golden.mismatch(report.markdown, "render/\(report.baseName).md") == nil)
        #expect(Golden.mismatch(report.html, "render/\(report.baseName).html") == nil)
    }

    @Test("dựng hai lần cho cùng từng byte")
    func deterministic() throws {
        for submission in Reports.examples(renderer.outline) {
            let a = try renderer.unitReport(submission)
            let b = try renderer.unitReport(submission)
            #expect(a.markdown == b.markdown && a.html == b.html)
        }
    }

    @Test("thể thức: tiêu đề hai cột, ngày tháng, chữ ký, số đánh lại không có chỗ trống")
    func layout() throws {
        let submission = try #require(Reports.examples(renderer.outline).first { $0.unitID == "so-tu-phap" })
        let html = try renderer.unitReport(submission).html
        #expect(
            html.contains(
                "<div class=\"tieu-de\">\n<div class=\"cot-trai\">\n<div class=\"co-quan\">\n<p>UBND TỈNH THANH HÓA</p>\n<p><strong>SỞ TƯ PHÁP</strong></p>\n</div>\n<p>Số: 56/BC-STP</p>"
            ))
        #expect(html.contains("<p><em>Thanh Hóa, ngày 24 tháng 4 năm 2020</em></p>"))
        #expect(html.contains("<p><strong>KT. GIÁM ĐỐC</strong></p>\n<p><strong>PHÓ GIÁM ĐỐC</strong></p>"))
        #expect(html.contains("<p><strong>Nguyễn Văn An</strong></p>"))
        // Sở Tư pháp did not write the optional 2021 context and viewpoints: Part II starts at "I. MỤC TIÊU".
        #expect(
            html.contains(
                "<h1>PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC GIAI ĐOẠN 2021 - 2030</h1>\n</div>\n<h2>I. MỤC TIÊU</h2>"))
        #expect(html.contains("<h4>a) Ứng dụng công nghệ thông tin, xây dựng chính quyền điện tử</h4>"))
        #expect(!html.contains("<script"))
    }

    @Test("bảng phụ lục trong HTML và Markdown dựng từ số liệu")
    func appendixTables() throws {
        let submission = try #require(Reports.examples(renderer.outline).first { $0.unitID == "h-nga-son" })
        let report = try renderer.unitReport(submission)
        // h-nga-son's appendix 04: communes 27 until 2019 and 22 in 2020 (examples/…/h-nga-son.yaml).
        #expect(
            report.markdown.contains(
                "| 3 | Số đơn vị hành chính cấp xã | xã, phường, thị trấn | 27 | 27 | 27 | 27 | 27 | 27 | 27 | 27 | 27 | 22 | 27 | 22 | 22 |"
            ))
        #expect(
            report.html.contains("<td>Số đơn vị hành chính cấp xã</td><td class=\"giua\">xã, phường, thị trấn</td><td class=\"so\">27</td>")
        )
    }

    /// The document with one section's text replaced, split around that section.
    func around(_ text: String) throws -> (head: Substring, tail: Substring, whole: String) {
        let outline = renderer.outline
        let base = try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/h-nga-son-toi-thieu.yaml"))
        var submission = try #require(SubmissionLoader.load(base, file: "x.yaml", outline: outline).submission)
        submission.sections["boi-canh"] = .text(text)
        let html = try renderer.unitReport(submission).html
        let start = try #require(html.range(of: "<h2>I. BỐI CẢNH VÀ TÌNH HÌNH TRIỂN KHAI</h2>\n"))
        let end = try #require(html.range(of: "<h2>II. CÔNG TÁC CHỈ ĐẠO"))
        return (html[..<start.upperBound], html[end.lowerBound...], html)
    }

    @Test(
        "nội dung nguy hiểm của đơn vị không đổi gì ngoài mục của nó",
        arguments: [
            "```\nkhối mã chưa đóng\n## II. GIẢ MẠO",
            "# Tiêu đề của đơn vị\n\nchữ",
            "Tiêu đề setext\n---",
            "trước\n\n***\n\nsau",
            "[ref]: javascript:alert(1)\n\n[bấm][ref]",
            "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>",
            "[bấm](javascript:alert(1)) <a href=\"javascript:x\">a</a>",
            "<!-- tongket:chen muc:han-che -->",
            "{{#muc}}{{ten}}{{/muc}} {{> phan/chu-ky}}",
            "<div>\nkhông đóng",
        ])
    func hostileText(text: String) throws {
        let benign = try around("Huyện có 27 xã, thị trấn.")
        let hostile = try around(text)
        #expect(hostile.head == benign.head)
        #expect(hostile.tail == benign.tail)
        #expect(!hostile.whole.contains("<script"))
        #expect(!hostile.whole.contains("javascript:"))
        #expect(!hostile.whole.contains("onerror"))
    }

    @Test("Markdown đầu ra không để nội dung đơn vị lọt ra ngoài")
    func hostileMarkdown() throws {
        let outline = renderer.outline
        let base = try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/h-nga-son-toi-thieu.yaml"))
        var submission = try #require(SubmissionLoader.load(base, file: "x.yaml", outline: outline).submission)
        submission.sections["boi-canh"] = .text("```\nchưa đóng")
        let markdown = try renderer.unitReport(submission).markdown
        // cmark closes the fence the unit left open; the next section is a heading again.
        #expect(markdown.contains("\nchưa đóng\n```\n\n## II. CÔNG TÁC CHỈ ĐẠO"))
    }

    /// Where the body goes in the page: counted in UTF-8 bytes, after Vietnamese text and tags.
    @Test("chỗ đặt thân bài trong trang: đếm theo byte UTF-8, lần xuất hiện đầu, không có thì nil")
    func bodyMarkerOffset() {
        let marker = "<!--tongket-than-->"
        #expect(ReportRenderer.utf8Offset(of: marker, in: "<p>Bối cảnh</p>\(marker)<p>hết</p>\(marker)") == 19)
        #expect(ReportRenderer.utf8Offset(of: marker, in: marker) == 0)
        #expect(ReportRenderer.utf8Offset(of: marker, in: "<!--tongket-than->\(marker)") == 18)
        #expect(ReportRenderer.utf8Offset(of: marker, in: "<!--tongket-than-") == nil)
        #expect(ReportRenderer.utf8Offset(of: marker, in: "") == nil)
    }
}
