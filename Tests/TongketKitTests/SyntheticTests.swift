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

@Suite("Mô phỏng theo cấp (generate --communes, --districts, --provinces)")
struct SyntheticTreeTests {
    func generate(_ tree: SyntheticTree) throws -> (URL, Outline) {
        let dir = try Fixtures.temporaryDirectory()
        try tree.write(outline: try Fixtures.outline(), outlineDirectory: Fixtures.outlineDirectory, to: dir)
        return (dir, try OutlineLoader.load(from: dir.appendingPathComponent("de-cuong")))
    }

    func reports(_ dir: URL, _ folder: String) -> [String] {
        SubmissionFiles.expand([dir.appendingPathComponent("bao-cao/\(folder)").path])
    }

    @Test("ba cấp, hai cấp và toàn quốc: cây đơn vị đúng số, mọi báo cáo hợp lệ, mỗi thư mục là cấp dưới của một đơn vị")
    func shapes() throws {
        // Three tiers: 3 districts × 4 communes, 2 departments, plus the outline's 10 thematic departments (Sở Nội vụ, the drafter, among them).
        let (three, outline3) = try generate(SyntheticTree(provinces: 0, districts: 3, communes: 4, departments: 2, seed: 1))
        #expect(outline3.children(of: nil).count == 10 + 2 + 3)
        #expect(outline3.children(of: "h-02").map(\.id) == ["h-02-x-01", "h-02-x-02", "h-02-x-03", "h-02-x-04"])
        #expect(reports(three, "").count == 10 + 2)
        #expect(reports(three, "h-02").count == 1 + 4)
        // Two tiers: the communes report to the province itself.
        let (two, outline2) = try generate(SyntheticTree(provinces: 0, districts: 0, communes: 5, departments: 2, seed: 1))
        #expect(outline2.children(of: nil).count == 10 + 2 + 5)
        #expect(outline2.units.allSatisfy { $0.parentID == nil })
        #expect(reports(two, "").count == 10 + 2 + 5)
        // National: 2 provinces, each with 2 departments and 2 districts of 3 communes.
        let (nation, outline4) = try generate(SyntheticTree(provinces: 2, districts: 2, communes: 3, departments: 2, seed: 1))
        #expect(outline4.children(of: "t-02").map(\.id) == ["t-02-s-01", "t-02-s-02", "t-02-h-01", "t-02-h-02"])
        #expect(outline4.ancestors(of: try #require(outline4.unit("t-02-h-01-x-03"))).map(\.id) == ["t-02-h-01", "t-02"])
        #expect(reports(nation, "t-02").count == 1 + 2)
        #expect(reports(nation, "t-02/t-02-h-01").count == 1 + 3)
        for (dir, outline) in [(three, outline3), (two, outline2), (nation, outline4)] {
            let root = dir.appendingPathComponent("bao-cao")
            let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }
            #expect(files.count > 10)
            for name in files {
                let file = root.appendingPathComponent(name).path
                let loaded = SubmissionLoader.load(contentsOf: URL(fileURLWithPath: file), outline: outline)
                #expect(!loaded.diagnostics.hasErrors(), "\(file): \(loaded.diagnostics.prefix(3))")
            }
        }
    }
}
