import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Bộ báo cáo tổng hợp để đo")
struct SyntheticTests {
    func generate(_ units: Int, seed: UInt64) throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        try SyntheticGenerator(units: units, seed: seed).write(
            outline: try Fixtures.outline(), outlineDirectory: Fixtures.outlineDirectory, to: dir)
        return dir
    }

    func contents(_ dir: URL) throws -> [String: Data] {
        let reports = dir.appendingPathComponent("bao-cao")
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) {
            result[name] = try Data(contentsOf: reports.appendingPathComponent(name))
        }
        return result
    }

    @Test("cùng hạt giống, cùng từng byte; hạt giống khác, nội dung khác")
    func deterministic() throws {
        let a = try contents(try generate(25, seed: 7))
        let b = try contents(try generate(25, seed: 7))
        let c = try contents(try generate(25, seed: 8))
        #expect(a.count == 25)
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a.keys) == Set(c.keys))
    }

    @Test("mọi bản báo cáo sinh ra đều hợp lệ, không cảnh báo, cỡ khoảng 20 KB")
    func valid() throws {
        let dir = try generate(40, seed: 2020)
        let outline = try OutlineLoader.load(from: dir.appendingPathComponent("de-cuong"))
        #expect(outline.units.count == 40)
        let files = SubmissionFiles.expand([dir.appendingPathComponent("bao-cao").path])
        for file in files {
            let loaded = SubmissionLoader.load(contentsOf: URL(fileURLWithPath: file), outline: outline)
            #expect(loaded.diagnostics.isEmpty, "\(file): \(loaded.diagnostics.prefix(3))")
        }
        let sizes = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)).count }
        let mean = sizes.reduce(0, +) / sizes.count
        #expect((12_000...30_000).contains(mean), "cỡ trung bình \(mean) byte")
    }

    @Test("dự thảo viết từng phần giống hệt dự thảo dựng một lần")
    func streamingMatchesWholeRender() throws {
        let dir = try generate(30, seed: 3)
        let outline = try OutlineLoader.load(from: dir.appendingPathComponent("de-cuong"))
        let renderer = ReportRenderer(outline: outline, templates: try TemplateSet.load(from: Reports.templatesDirectory))
        let consolidation = SubmissionFolder.consolidator(
            paths: [dir.appendingPathComponent("bao-cao").path], outline: outline, strict: false
        )
        .consolidate(asOf: outline.programme.consolidatedDeadline)
        let whole = try renderer.consolidatedReport(consolidation)
        var markdown = ""
        var html = ""
        try renderer.streamConsolidatedReport(consolidation, formats: [.markdown, .html]) { format, text in
            if format == .markdown { markdown += text } else { html += text }
        }
        #expect(markdown == whole.markdown)
        #expect(html == whole.html)
        #expect(consolidation.includedCount == 30)
    }
}
