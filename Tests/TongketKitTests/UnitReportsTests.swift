import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Báo cáo của đơn vị đang được rà soát")
struct UnitReportsTests {
    @Test("chưa có phiên bản: không dấu; có phiên bản: dấu lần sắp ghi, riêng cho từng báo cáo; --final: không dấu")
    func draftMarks() throws {
        let renderer = try Reports.renderer()
        let submission = try #require(Reports.examples(renderer.outline).first { $0.unitID == "so-tu-phap" })
        let dir = try Fixtures.temporaryDirectory()
        func marks(final: Bool = false) throws -> [String: Bool] {
            let documents = try renderer.unitReports(submission, formats: [.markdown], final: final, versionsIn: dir)
            return Dictionary(uniqueKeysWithValues: documents.map { ($0.baseName, $0.markdown.contains("DỰ THẢO LẦN 2")) })
        }
        #expect(try marks() == ["so-tu-phap": false, "so-tu-phap.chuyen-de": false])
        let output = dir.appendingPathComponent("so-tu-phap.md")
        try Data("lần một\n".utf8).write(to: output)
        _ = try VersionStore(directory: dir, report: "so-tu-phap").record(
            outputs: [output], inputs: [], status: .draft, reviewer: "Lê Văn Bình", date: SimpleDate(year: 2020, month: 6, day: 10),
            note: "")
        #expect(try marks() == ["so-tu-phap": true, "so-tu-phap.chuyen-de": false])
        #expect(try marks(final: true) == ["so-tu-phap": false, "so-tu-phap.chuyen-de": false])
    }
}
