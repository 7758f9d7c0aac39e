import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// Dates that make sense: a report dated before its plan or years after the draft is warned
/// about; a date that cannot be read is an error, and in the status neither on time nor late.
@Suite("Ngày báo cáo hợp lý")
struct ReportDateTests {
    /// The Sở Công Thương example with its report dated `date` (line 9 of the file).
    func example(date: String) throws -> String {
        let url = Fixtures.examples.appendingPathComponent("so-cong-thuong.yaml")
        return try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "ngay: \"20/04/2020\"", with: "ngay: \"\(date)\"")
    }

    func dateWarnings(_ date: String) throws -> [Diagnostic] {
        let outline = try Fixtures.outline()
        let loaded = Fixtures.load(try example(date: date), name: "so-cong-thuong.yaml", outline: outline)
        return loaded.diagnostics.filter { $0.kind == .badDate }
    }

    @Test("báo cáo ghi ngày trước ngày ban hành kế hoạch: cảnh báo nêu cả hai ngày, ở đúng dòng")
    func beforeThePlan() throws {
        let warnings = try dateWarnings("20/04/2010")
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location == SourceLocation(file: "so-cong-thuong.yaml", line: 9, column: 9))
        #expect(
            warnings.first?.message
                == "ngày báo cáo 20/04/2010 trước ngày ban hành Kế hoạch số 34/KH-UBND (05/02/2020); hãy kiểm tra lại ngày")
    }

    @Test("báo cáo ghi ngày sau hạn tổng hợp hơn một năm: cảnh báo; muộn vài tuần thì không")
    func longAfterTheDeadline() throws {
        let warnings = try dateWarnings("20/04/2030")
        #expect(
            warnings.map(\.message) == ["ngày báo cáo 20/04/2030 sau hạn báo cáo tổng hợp (20/06/2020) hơn một năm; hãy kiểm tra lại ngày"])
        // 20/06/2021 is 365 days after 20/06/2020: late, but not a slip.
        #expect(try dateWarnings("20/06/2021").isEmpty)
        #expect(try dateWarnings("05/02/2020").isEmpty)
        #expect(try dateWarnings("15/07/2020").isEmpty)
    }

    @Test("ngày không đọc được: lỗi khi kiểm tra; trong tình hình gửi không phải đúng hạn, cũng không phải muộn")
    func unreadableDate() throws {
        let outline = try Fixtures.outline()
        let folder = try Fixtures.temporaryDirectory()
        try Data(try example(date: "31/02/2020").utf8).write(to: folder.appendingPathComponent("so-cong-thuong.yaml"))
        let late = try String(contentsOf: Fixtures.examples.appendingPathComponent("tp-sam-son.yaml"), encoding: .utf8)
        try Data(late.utf8).write(to: folder.appendingPathComponent("tp-sam-son.yaml"))
        let consolidator = SubmissionFolder.consolidator(paths: [folder.path], outline: outline, strict: false)
        let asOf = SimpleDate(year: 2020, month: 6, day: 20)
        let annex = consolidator.consolidate(asOf: asOf).annex
        let unreadable = try #require(annex.first { $0.unit.id == "so-cong-thuong" })
        #expect(unreadable.dateUnreadable)
        #expect(unreadable.daysLate(asOf: asOf) == nil)
        guard case .invalid(let errors, let first) = unreadable.state else {
            Issue.record("ngày sai phải là lỗi")
            return
        }
        #expect(errors == 1 && first.contains("31/02/2020"))
        let row = try #require(
            TableBuilder.annex(annex, asOf: asOf, reportTitle: "Báo cáo tổng kết").rows.first { $0[1] == "Sở Công Thương" })
        #expect(row[2] == "đã gửi, ngày không đọc được")
        // Sầm Sơn's report is 5 days late; the unreadable one is counted once, as unreadable.
        #expect(
            StatusReport.summary(annex, asOf: asOf)
                == "Tính đến 20/06/2020: đã gửi 2/52 đơn vị (hợp lệ 1, có lỗi 1, gửi muộn 1, ngày không đọc được 1); chưa gửi 50, trong đó quá hạn 50."
        )
    }
}
