import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

/// Everything a document says about itself comes from the outline: the kind of review, the type
/// of the basis document, the body that issues the draft, the phases' names, the dates in examples.
@Suite("Lời văn bản lấy từ đề cương")
struct ProgrammeWordsTests {
    /// The bundled outline with its programme file edited.
    func outline(_ edit: (String) -> String) throws -> Outline {
        let directory = try Fixtures.temporaryDirectory().appendingPathComponent("de-cuong")
        try FileManager.default.copyItem(at: Fixtures.outlineDirectory, to: directory)
        let url = directory.appendingPathComponent("chuong-trinh.yaml")
        try Data(edit(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        return try OutlineLoader.load(from: directory)
    }

    /// A mid-term review based on a ministry's letter, issued by the province: none of the words
    /// of the bundled outline's own review may stay.
    func review() throws -> Outline {
        try outline {
            $0.replacingOccurrences(of: "loai_tong_ket: tổng kết", with: "loai_tong_ket: sơ kết")
                .replacingOccurrences(of: "trich_yeu: Tổng kết", with: "trich_yeu: Sơ kết")
                .replacingOccurrences(of: "  loai: Kế hoạch\n", with: "  loai: Công văn\n")
                .replacingOccurrences(of: "  co_quan: UBND tỉnh Thanh Hóa\n", with: "  co_quan: Bộ Nội vụ\n")
                .replacingOccurrences(of: "- ten: Giai đoạn 2011 - 2015", with: "- ten: Năm năm đầu")
        }
    }

    @Test("sơ kết theo công văn của Bộ: tiêu đề, câu mở đầu, người báo cáo, phụ lục theo đề cương")
    func midTermReview() throws {
        let outline = try review()
        #expect(outline.programme.reviewKind == "sơ kết")
        #expect(outline.programme.basis.kind == "Công văn")
        #expect(outline.programme.consolidated.name == "UBND tỉnh Thanh Hóa")
        let renderer = ReportRenderer(outline: outline, templates: try TemplateSet.load(from: Reports.templatesDirectory))
        let submissions = Reports.examples(outline)
        let unit = try #require(submissions.first { $0.unitID == "so-tu-phap" })
        let report = try renderer.unitReport(unit)
        #expect(report.html.contains("<title>Báo cáo sơ kết – Sở Tư pháp</title>"))
        #expect(report.markdown.contains("Thực hiện Công văn số 34/KH-UBND ngày 05/02/2020 của Bộ Nội vụ"))
        let consolidator = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: outline, strict: false)
        let draft = try renderer.consolidatedReport(consolidator.consolidate(asOf: outline.programme.consolidatedDeadline))
        #expect(draft.html.contains("<title>Dự thảo báo cáo sơ kết – UBND tỉnh Thanh Hóa</title>"))
        #expect(draft.markdown.contains("UBND tỉnh Thanh Hóa báo cáo kết quả như sau"))
        #expect(!draft.markdown.contains("Bộ Nội vụ báo cáo"))
        #expect(!draft.markdown.contains("của Bộ Nội vụ)"), "phụ lục ghi kèm theo báo cáo của cơ quan ban hành dự thảo")
        #expect(draft.markdown.contains("ngày …/…/2020 của UBND tỉnh Thanh Hóa)"))
        #expect(draft.markdown.contains("| Báo cáo sơ kết |"))
        #expect(draft.html.contains(">Năm năm đầu</text>"), "biểu đồ in tên giai đoạn của đề cương")
        for text in [report.markdown, report.html, draft.markdown, draft.html] {
            #expect(!text.lowercased().contains("tổng kết"), "còn chữ 'tổng kết' của đề cương kia")
        }
        let skeleton = SkeletonWriter.yaml(for: try #require(outline.unit("so-tu-phap")), outline: outline)
        #expect(skeleton.contains("# BÁO CÁO SƠ KẾT CỦA SỞ TƯ PHÁP"))
        #expect(skeleton.contains("(theo Công văn số 34/KH-UBND"))
    }

    @Test("đề cương định dạng 1 viết trước khi có khóa 'loai', 'ten', 'loai_tong_ket' vẫn dùng được như cũ")
    func olderOutline() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline,
            editing: [
                "chuong-trinh.yaml": {
                    $0.replacingOccurrences(of: "  loai: Kế hoạch\n", with: "")
                        .replacingOccurrences(of: "  ten: UBND tỉnh Thanh Hóa\n", with: "")
                        .replacingOccurrences(of: "loai_tong_ket: tổng kết\n", with: "")
                }
            ])
        let outline = try OutlineLoader.load(from: folder)
        #expect(outline.programme.reviewKind == "tổng kết")
        #expect(outline.programme.basis.kind == "Kế hoạch")
        #expect(outline.programme.consolidated.name == "UBND tỉnh Thanh Hóa")
    }

    @Test("ngày sai trong bản báo cáo: ví dụ trong lời báo lấy ngày của đề cương")
    func exampleDateFromOutline() throws {
        let outline = try outline { $0.replacingOccurrences(of: "bao_cao_don_vi: \"30/04/2020\"", with: "bao_cao_don_vi: \"15/04/2025\"") }
        let loaded = Fixtures.load("don_vi: so-tu-phap\nbao_cao:\n  so: 1/BC-STP\n  ngay: 31/02/2025\nnoi_dung: {}\n", outline: outline)
        let message = try #require(loaded.diagnostics.first { $0.kind == .badDate }).message
        #expect(message.contains("như 15/04/2025"), "\(message)")
    }
}

@Suite("Số phụ lục do tongket thêm theo cách đánh số của đề cương")
struct AppendixNumberingTests {
    @Test("02…07 và KS → 08; I…IV → V; 1…4 → 5; không có số → 01")
    func continuesTheOutlinesScheme() {
        #expect(AppendixNumbering.next(after: ["02", "03", "04", "05", "06", "07", "KS"]) == "08")
        #expect(AppendixNumbering.next(after: ["I", "II", "III", "IV"]) == "V")
        #expect(AppendixNumbering.next(after: ["VIII", "IX"]) == "X")
        #expect(AppendixNumbering.next(after: ["1", "2", "3", "4"]) == "5")
        #expect(AppendixNumbering.next(after: ["09"]) == "10")
        #expect(AppendixNumbering.next(after: ["KS"]) == "01")
        #expect(AppendixNumbering.next(after: []) == "01")
    }
}
