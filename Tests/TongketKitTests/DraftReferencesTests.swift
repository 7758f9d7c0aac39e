import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// What Nghị định 30/2020 asks of the draft's references and its last lines: every appendix the
/// body names is one the draft carries, the appendices are numbered after the plan's own, and
/// "Nơi nhận" ends with the archive and the drafting unit.
@Suite("Dự thảo: số phụ lục, dòng Lưu")
struct DraftReferencesTests {
    @Test("dòng Lưu: thêm \"Lưu: VT, SNV.\" khi đề cương chưa ghi; giữ dòng Lưu đề cương tự ghi")
    func archiveLine() {
        var issuer = ConsolidatedIssuer(
            drafterID: "so-noi-vu", bodyLines: [], name: "UBND tỉnh", code: "UBND", signer: Signer(authority: nil, title: nil, name: nil),
            recipients: ["Bộ Nội vụ (để b/c);"])
        #expect(issuer.printedRecipients(drafterCode: "SNV") == ["Bộ Nội vụ (để b/c);", "Lưu: VT, SNV."])
        #expect(issuer.printedRecipients(drafterCode: nil) == ["Bộ Nội vụ (để b/c);", "Lưu: VT."])
        issuer.recipients.append("Lưu: VT, NC.")
        #expect(issuer.printedRecipients(drafterCode: "SNV") == ["Bộ Nội vụ (để b/c);", "Lưu: VT, NC."])
    }

    @Test(
        "bản dự thảo của ví dụ: phụ lục 02 - 07 của Kế hoạch, rồi 08 (khảo sát) và các phụ lục tongket thêm; thân chỉ nhắc phụ lục có thật")
    func appendixNumbers() throws {
        let outline = try Fixtures.outline()
        let renderer = ReportRenderer(outline: outline, templates: try TemplateSet.load(from: Reports.templatesDirectory))
        let consolidation = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: outline, strict: false)
            .consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20))
        let draft = try renderer.consolidatedReport(consolidation).markdown ?? ""
        let headings = draft.split(separator: "\n").filter { $0.hasPrefix("**Phụ lục ") && $0.hasSuffix("**") }.map {
            String($0.dropFirst("**Phụ lục ".count).dropLast(2))
        }
        // The plan's 02-07, the survey 08, then the annexes: units' texts (09), points shared by
        // many units (10) and the submissions (11) — counted from what the example holds.
        #expect(headings == ["02", "03", "04", "05", "06", "07", "08", "09", "10", "11"])
        let body = try #require(draft.components(separatedBy: "***Nơi nhận:***").first)
        let regex = try NSRegularExpression(pattern: "[Pp]hụ lục (?:số )?([0-9]{2}|[IVX]+)\\b")
        let named = regex.matches(in: body, range: NSRange(body.startIndex..., in: body)).compactMap {
            Range($0.range(at: 1), in: body).map { String(body[$0]) }
        }
        #expect(!named.isEmpty)
        for number in Set(named) { #expect(headings.contains(number), "thân nhắc Phụ lục \(number) mà dự thảo không có") }
        let recipients = try #require(draft.components(separatedBy: "***Nơi nhận:***").dropFirst().first)
        let lines = recipients.split(separator: "\n").prefix { $0.hasPrefix("  - ") }
        #expect(lines.last == "  - Lưu: VT, SNV.")
    }
}
