import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// The drafting body's own text (`tong_hop:`, examples/thanh-hoa-2020/tong-hop.yaml) leads the
/// sections it wrote; the units' material follows it (drafts) or goes to an annex (final
/// reports); units' proposals to the province never stand among the province's own proposals.
@Suite("Báo cáo tổng hợp bằng lời của tỉnh")
struct ProvinceVoiceTests {
    let outline: Outline
    let renderer: ReportRenderer
    let consolidation: Consolidation

    init() throws {
        outline = try Fixtures.outline()
        renderer = ReportRenderer(outline: outline, templates: try TemplateSet.load(from: Reports.templatesDirectory))
        consolidation = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: outline, strict: false)
            .consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20))
    }

    /// The Markdown between a section's heading and the next heading of the same or a higher level
    /// (or, for an appendix's title, the next appendix).
    func section(_ heading: String, in markdown: String) throws -> String {
        let start = try #require(markdown.range(of: heading))
        let rest = markdown[start.upperBound...]
        let level = heading.prefix { $0 == "#" }.count
        // An appendix's bold title runs to the next appendix.
        let end = level == 0 ? "\n**Phụ lục " : "\n" + String(repeating: "#", count: level) + " "
        let next = rest.range(of: end)?.lowerBound ?? rest.endIndex
        let part = level == 0 ? rest.endIndex : rest.range(of: "\n**Phần ")?.lowerBound ?? rest.endIndex
        return String(rest[..<min(next, part)])
    }

    @Test("văn bản tổng hợp không tính là báo cáo của đơn vị: vẫn 7/52")
    func notAUnitReport() {
        #expect(consolidation.includedCount == 7)
        #expect(consolidation.drafting.keys.sorted() == ["boi-canh", "han-che", "ket-qua-dat-duoc", "kien-nghi"])
    }

    @Test("dự thảo: phần của tỉnh đứng đầu mục, nội dung đơn vị sau dòng đánh dấu")
    func inlineDraft() throws {
        let draft = try #require(try renderer.consolidatedReport(consolidation).markdown)
        let context = try section("## I. BỐI CẢNH VÀ TÌNH HÌNH TRIỂN KHAI", in: draft)
        let own = try #require(context.range(of: "Thực hiện Chương trình tổng thể cải cách hành chính nhà nước"))
        let lead = try #require(context.range(of: "**Tổng hợp từ báo cáo của các cơ quan, đơn vị:**"))
        let units = try #require(context.range(of: "*Sở Công Thương, Sở Nội vụ"))
        #expect(own.lowerBound < lead.lowerBound && lead.lowerBound < units.lowerBound)
        // No annex of units' material in a draft but for the proposals to the province.
        let annex = try section("**TỔNG HỢP BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ**", in: draft)
        #expect(annex.contains("**Đề xuất với UBND tỉnh**"))
        #expect(!annex.contains("Bối cảnh"))
    }

    @Test("bản hoàn thiện: thân bài chỉ có lời của tỉnh ở các mục tỉnh đã viết; nội dung đơn vị ở phụ lục")
    func finalReportAnnex() throws {
        let final = try #require(try renderer.consolidatedReport(consolidation, draftMark: nil).markdown)
        let context = try section("## I. BỐI CẢNH VÀ TÌNH HÌNH TRIỂN KHAI", in: final)
        #expect(context.contains("Thực hiện Chương trình tổng thể cải cách hành chính nhà nước"))
        #expect(!context.contains("Sở Công Thương"))
        #expect(!context.contains("**Tổng hợp từ báo cáo của các cơ quan, đơn vị:**"))
        // A section the province did not write keeps the units' texts in the body.
        #expect(try section("### 1\\. Ban hành văn bản chỉ đạo", in: final).contains("*Sở Công Thương:*"))
        let annex = try section("**TỔNG HỢP BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ**", in: final)
        for title in ["**Phần I, mục I: Bối cảnh và tình hình triển khai**", "**Phần III, mục I: Kiến nghị**", "**Đề xuất với UBND tỉnh**"]
        {
            #expect(annex.contains(title), "\(title)")
        }
        #expect(annex.contains("Quản lý địa bàn gồm nhiều xã"))
        // The switch overrides the default either way.
        let inline = try #require(try renderer.consolidatedReport(consolidation, draftMark: nil, unitTexts: .inline).markdown)
        #expect(
            try section("## I. BỐI CẢNH VÀ TÌNH HÌNH TRIỂN KHAI", in: inline).contains("**Tổng hợp từ báo cáo của các cơ quan, đơn vị:**"))
    }

    @Test("đề xuất của đơn vị với UBND tỉnh không bao giờ nằm trong kiến nghị của tỉnh", arguments: [true, false])
    func proposalsToTheProvince(final: Bool) throws {
        let report = try #require(
            try renderer.consolidatedReport(consolidation, draftMark: final ? nil : DraftMark.text(round: 1)).markdown)
        let body = String(report[..<(report.range(of: "**Phụ lục 02**")?.lowerBound ?? report.endIndex)])
        #expect(!body.contains("Đề nghị UBND tỉnh bố trí kinh phí"))
        #expect(!body.contains("Đề xuất với UBND tỉnh"))
        #expect(report.contains("Đề nghị UBND tỉnh bố trí kinh phí"))
        #expect(body.contains("Đề nghị Bộ Nội vụ tiếp tục hướng dẫn"))
    }

    @Test("văn bản tổng hợp sai: lỗi đúng chỗ")
    func invalidDraftingTexts() throws {
        let wrongDrafter = Fixtures.load("tong_hop: so-tu-phap\nnoi_dung:\n  boi-canh: x\n", outline: outline)
        let error = try #require(wrongDrafter.diagnostics.first { $0.severity == .error })
        #expect(error.location == SourceLocation(file: "bai.yaml", line: 1, column: 11))
        #expect(error.message.contains("'so-noi-vu'"))
        let figures = Fixtures.load("tong_hop: so-noi-vu\nnoi_dung:\n  boi-canh: x\nphu_luc: {}\n", outline: outline)
        let figureError = try #require(figures.diagnostics.first { $0.severity == .error })
        #expect(figureError.location == SourceLocation(file: "bai.yaml", line: 4, column: 1))
        #expect(figureError.message.contains("cộng từ báo cáo của các đơn vị"))
        let valid = Fixtures.load("tong_hop: so-noi-vu\nnoi_dung:\n  kien-nghi:\n    - Một ý.\n", outline: outline)
        #expect(valid.diagnostics.isEmpty)
        #expect(valid.submission?.isDraftingText == true)
    }

    @Test("hai văn bản tổng hợp: lỗi nêu cả hai tệp, không dùng tệp nào")
    func twoDraftingTexts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-tong-hop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Data(contentsOf: Fixtures.examples.appendingPathComponent("tong-hop.yaml"))
        try text.write(to: folder.appendingPathComponent("a.yaml"))
        try text.write(to: folder.appendingPathComponent("b.yaml"))
        let consolidator = SubmissionFolder.consolidator(paths: [folder.path], outline: outline, strict: false)
        #expect(consolidator.duplicates.map(\.message).contains { $0.contains("a.yaml") && $0.contains("b.yaml") })
        #expect(consolidator.consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20)).drafting.isEmpty)
    }
}
