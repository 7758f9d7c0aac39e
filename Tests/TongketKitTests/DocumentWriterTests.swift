import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Một cách ghi kết quả, một quy tắc ghi đè")
struct DocumentWriterTests {
    /// Writes `data` over a file holding `existing`; true when the write was allowed.
    func replaces(_ existing: String, kind: OutputKind, force: Bool = false) throws -> Bool {
        let target = try Fixtures.temporaryDirectory().appendingPathComponent("tep")
        try Data(existing.utf8).write(to: target)
        do {
            try OutputFile.write(Data("mới".utf8), to: target, overwrite: .policy(for: kind, force: force))
        } catch {
            #expect(try String(contentsOf: target, encoding: .utf8) == existing)
            return false
        }
        return true
    }

    @Test(
        "báo cáo thay bản tongket đã tạo, không thay tệp người dùng; lược đồ như vậy; tệp mẫu YAML không bao giờ bị thay; --force thay tất cả"
    )
    func policy() throws {
        let report = "<!-- Tạo bởi tongket từ a.yaml -->\n"
        let schema = "{\n  \"$comment\": \"Sinh tự động bởi tongket\"\n}\n"
        #expect(try replaces(report, kind: .report))
        #expect(try !replaces("Báo cáo tự soạn", kind: .report))
        #expect(try replaces(schema, kind: .schema))
        #expect(try !replaces(report, kind: .schema))
        #expect(try !replaces(report, kind: .workingFile))
        for kind in [OutputKind.report, .schema, .workingFile] {
            #expect(try replaces("Báo cáo tự soạn", kind: kind, force: true))
        }
    }

    static func document(_ name: String, _ text: String) -> RenderedDocument {
        RenderedDocument(baseName: name, markdown: "<!-- Tạo bởi tongket từ \(name).yaml -->\n\(text)", html: "<p>\(text)</p>", docx: nil)
    }

    /// Hidden files left in `dir`: temporary files that were not renamed or removed.
    static func litter(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
    }

    @Test("các tệp của một lần dựng ghi song song rồi đổi tên theo thứ tự: đủ tệp, đúng nội dung, không để lại tệp tạm")
    func sideBySide() throws {
        let dir = try Fixtures.temporaryDirectory()
        let written = try DocumentWriter.write(
            [Self.document("a", "Một"), Self.document("b", "Hai")], formats: [.markdown, .html], to: .directory(dir), force: false)
        #expect(written.map(\.lastPathComponent) == ["a.md", "a.html", "b.md", "b.html"])
        #expect(try String(contentsOf: dir.appendingPathComponent("b.html"), encoding: .utf8) == "<p>Hai</p>")
        #expect(try String(contentsOf: dir.appendingPathComponent("a.md"), encoding: .utf8).hasSuffix("\nMột"))
        #expect(try Self.litter(in: dir).isEmpty)
        // The same name twice: the second report is the one left, as when written in turn.
        let twice = try DocumentWriter.write(
            [Self.document("a", "Ba"), Self.document("a", "Bốn")], formats: [.html], to: .directory(dir), force: true)
        #expect(twice.map(\.lastPathComponent) == ["a.html", "a.html"])
        #expect(try String(contentsOf: dir.appendingPathComponent("a.html"), encoding: .utf8) == "<p>Bốn</p>")
        #expect(try Self.litter(in: dir).isEmpty)
    }

    @Test("tệp người dùng ở giữa: các tệp trước được ghi, tệp ấy và các tệp sau không đụng tới, không tệp tạm")
    func refusedInTheMiddle() throws {
        let dir = try Fixtures.temporaryDirectory()
        let mine = dir.appendingPathComponent("b.md")
        try Data("Báo cáo tự soạn".utf8).write(to: mine)
        let error = #expect(throws: FileError.self) {
            try DocumentWriter.write(
                [Self.document("a", "Một"), Self.document("b", "Hai"), Self.document("c", "Ba")], formats: [.markdown, .html],
                to: .directory(dir), force: false)
        }
        #expect(error?.path == mine.path)
        #expect(error?.description.contains("không do tongket tạo ra") == true)
        #expect(try String(contentsOf: mine, encoding: .utf8) == "Báo cáo tự soạn")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.md").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.html").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.html").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.md").path))
        #expect(try Self.litter(in: dir).isEmpty)
    }

    @Test("nhiều báo cáo ghi từng loạt vài tệp: đủ tệp theo thứ tự; tệp người dùng ở loạt sau dừng đúng chỗ ấy")
    func manyInBatches() throws {
        let dir = try Fixtures.temporaryDirectory()
        let names = (0..<10).map { "dv-\($0)" }
        let documents = names.map { Self.document($0, "Chữ của \($0)") }
        let written = try DocumentWriter.write(documents, formats: [.markdown, .html], to: .directory(dir), force: false)
        #expect(written.map(\.lastPathComponent) == names.flatMap { ["\($0).md", "\($0).html"] })
        #expect(try String(contentsOf: dir.appendingPathComponent("dv-9.html"), encoding: .utf8) == "<p>Chữ của dv-9</p>")
        // The 12th file of 20, past the first batch, is a user's: the eleven before it are written
        // again, it and the eight after it are not.
        let other = try Fixtures.temporaryDirectory()
        let mine = other.appendingPathComponent("dv-5.html")
        try Data("Báo cáo tự soạn".utf8).write(to: mine)
        let error = #expect(throws: FileError.self) {
            try DocumentWriter.write(documents, formats: [.markdown, .html], to: .directory(other), force: false)
        }
        #expect(error?.path == mine.path)
        let present = try FileManager.default.contentsOfDirectory(atPath: other.path).sorted()
        #expect(present == (names.prefix(5).flatMap { ["\($0).html", "\($0).md"] } + ["dv-5.html", "dv-5.md"]).sorted())
        #expect(try String(contentsOf: mine, encoding: .utf8) == "Báo cáo tự soạn")
    }

    func consolidation() throws -> (ReportRenderer, Consolidation) {
        let renderer = try Reports.renderer()
        let consolidation = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: renderer.outline, strict: false)
            .consolidate(asOf: renderer.outline.programme.consolidatedDeadline)
        return (renderer, consolidation)
    }

    @Test("dự thảo tổng hợp ghi từng phần vào tệp bằng đúng các byte in ra màn hình và dựng một lần")
    func consolidatedReport() throws {
        let (renderer, consolidation) = try consolidation()
        let dir = try Fixtures.temporaryDirectory()
        let written = try DocumentWriter.writeConsolidatedReport(
            consolidation, renderer: renderer, formats: [.html, .markdown], to: .directory(dir), draftMark: "DỰ THẢO LẦN 2", force: false)
        #expect(written.map(\.lastPathComponent) == ["bao-cao-tong-hop.html", "bao-cao-tong-hop.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bao-cao-tong-hop.html", "bao-cao-tong-hop.md"])
        let whole = try renderer.consolidatedReport(consolidation, draftMark: "DỰ THẢO LẦN 2")
        let markdown = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)
        #expect(markdown == whole.markdown)
        let printed = Printed()
        let none = try DocumentWriter.writeConsolidatedReport(
            consolidation, renderer: renderer, formats: [.markdown], to: .stream(printed.append), draftMark: "DỰ THẢO LẦN 2", force: false)
        #expect(none.isEmpty)
        #expect(printed.text == markdown)
    }

    @Test("dự thảo tổng hợp gặp tệp không do tongket tạo: không thay tệp nào, không để lại tệp tạm")
    func consolidatedReportRefused() throws {
        let (renderer, consolidation) = try consolidation()
        let dir = try Fixtures.temporaryDirectory()
        let html = dir.appendingPathComponent("bao-cao-tong-hop.html")
        try Data("<p>bản tự soạn</p>".utf8).write(to: html)
        #expect {
            try DocumentWriter.writeConsolidatedReport(
                consolidation, renderer: renderer, formats: [.markdown, .html], to: .directory(dir), draftMark: nil, force: false)
        } throws: { error in
            (error as? RenderError)?.output?.path == html.path
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bao-cao-tong-hop.html"])
        #expect(try String(contentsOf: html, encoding: .utf8) == "<p>bản tự soạn</p>")
    }

    @Test("báo cáo đã dựng: vào thư mục theo mọi định dạng, hoặc ra màn hình theo định dạng đầu")
    func renderedDocuments() throws {
        let document = RenderedDocument(baseName: "so-tu-phap", markdown: "<!-- Tạo bởi tongket -->\n# A\n", html: "<p>A</p>", docx: nil)
        let dir = try Fixtures.temporaryDirectory()
        let written = try DocumentWriter.write([document], formats: [.markdown, .html], to: .directory(dir), force: false)
        #expect(written == [dir.appendingPathComponent("so-tu-phap.md"), dir.appendingPathComponent("so-tu-phap.html")])
        let printed = Printed()
        #expect(
            try DocumentWriter.write([document, document], formats: [.markdown, .html], to: .stream(printed.append), force: false).isEmpty)
        #expect(printed.text == document.markdown + document.markdown)
    }
}

/// What a `.stream` destination received; written from the renderer's threads, one at a time.
private final class Printed: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    @Sendable func append(_ piece: Data) { lock.withLock { data.append(piece) } }
}
