import Foundation
import Testing
import TongketTestSupport

@testable import TongketDocument
@testable import TongketKit

@Suite("PDF: tìm chương trình in, lỗi của nó, đề mục cho mục lục")
struct PDFEngineTests {
    /// A folder holding an executable script `name` that prints `output` and exits with `status`.
    /// A shell writes it: a file this process had open for writing could still be open in a child
    /// another test is starting at that moment, and executing it would fail ("text file busy").
    func program(_ name: String, output: String = "", status: Int = 0) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        let script = "#!/bin/sh\necho '\(output)' >&2\nexit \(status)\n"
        let made = ExternalTool.run(["sh", "-c", "printf '%s' \"$1\" > \"$2\" && chmod 755 \"$2\"", "sh", script, url.path])
        #expect(made.status == 0, "\(made.output)")
        return url
    }

    func missing(_ engine: PDFEngine, _ environment: [String: String]) -> PDFError? {
        do {
            _ = try PDFPrinter.locate(engine, environment: environment) { _ in }
            return nil
        } catch {
            return error
        }
    }

    @Test("không có Chromium: lỗi nêu gói Debian cần cài, các tên đã tìm và cách khác")
    func chromiumMissing() throws {
        let empty = try Fixtures.temporaryDirectory().path
        let error = try #require(missing(.chromium, ["PATH": empty]))
        #expect(error == .engineMissing(.chromium, override: nil))
        #expect(error.description.contains("không tìm thấy Chromium (đã tìm chromium, chromium-browser, google-chrome trong PATH)"))
        #expect(error.description.contains("cài gói Debian 'chromium' (sudo apt-get install chromium)"))
        #expect(error.description.contains("TONGKET_CHROMIUM"))
        #expect(error.description.contains("--pdf-engine libreoffice"))
        let libreOffice = try #require(missing(.libreoffice, ["PATH": empty]))
        #expect(libreOffice.description.contains("cài gói Debian 'libreoffice-writer-nogui'"))
    }

    @Test("TONGKET_CHROMIUM được dùng trước PATH; trỏ vào chỗ không có chương trình thì báo đúng biến đó")
    func override() throws {
        let elsewhere = try program("trinh-duyet")
        let onPath = try program("chromium-browser")
        let environment = ["PATH": onPath.deletingLastPathComponent().path]
        #expect(try PDFPrinter.locate(.chromium, environment: environment) { _ in }.executable == onPath)
        let chosen = try PDFPrinter.locate(.chromium, environment: environment.merging(["TONGKET_CHROMIUM": elsewhere.path]) { $1 }) { _ in
        }
        #expect(chosen.executable == elsewhere)
        let error = try #require(missing(.chromium, environment.merging(["TONGKET_CHROMIUM": "/khong/co/chromium"]) { $1 }))
        #expect(error == .engineMissing(.chromium, override: "/khong/co/chromium"))
        #expect(error.description.contains("TONGKET_CHROMIUM=/khong/co/chromium không phải là chương trình chạy được"))
        // A folder named like the program is not one.
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("chromium"), withIntermediateDirectories: true)
        #expect(missing(.chromium, ["PATH": folder.path]) == .engineMissing(.chromium, override: nil))
    }

    @Test("chương trình in chạy lỗi hoặc không ghi PDF: lỗi nêu mã thoát và lời của nó; thư mục làm việc được dọn")
    func engineFails() throws {
        let failing = try program("chromium", output: "lỗi giả: không mở được trang", status: 3)
        let printer = try PDFPrinter.locate(.chromium, environment: ["TONGKET_CHROMIUM": failing.path]) { _ in }
        var job: PDFJob? = try printer.job()
        let folder = try #require(job?.workingFolder)
        try job?.writeSource(Data("<html></html>".utf8))
        do {
            _ = try job?.finish(info: PDFDocumentInfo(title: "a", author: "b", subject: "c", keywords: [], year: 2020, month: 1, day: 1))
            Issue.record("chương trình in lỗi phải thành lỗi")
        } catch {
            guard case .engineFailed(.chromium, 3, let detail) = error else { throw error }
            #expect(detail.contains("lỗi giả: không mở được trang"))
            #expect(error.description.hasPrefix("tongket: lỗi: Chromium không làm được PDF (mã thoát 3)"))
        }
        job = nil
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        // Exiting 0 without writing the file is a failure too.
        let silent = try program("chromium")
        let quiet = try PDFPrinter.locate(.chromium, environment: ["TONGKET_CHROMIUM": silent.path]) { _ in }.job()
        #expect(throws: PDFError.self) {
            try quiet.finish(info: PDFDocumentInfo(title: "a", author: "b", subject: "c", keywords: [], year: 2020, month: 1, day: 1))
        }
    }

    @Test("thư mục làm việc một lần chạy bị giết để lại được dọn ở lần sau; của tiến trình đang chạy thì không")
    func abandonedFoldersRemoved() throws {
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
        let abandoned = temporary.appendingPathComponent("\(PDFJob.prefix)\(ended.processIdentifier)-thu")
        let ours = temporary.appendingPathComponent("\(PDFJob.prefix)\(getpid())-thu")
        for folder in [abandoned, ours] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: ours) }
        let printer = try PDFPrinter.locate(.chromium, environment: ["TONGKET_CHROMIUM": "/bin/true"]) { _ in }
        _ = try printer.job()
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: ours.path))
    }

    @Test("PDF mà không có chương trình in: lỗi, không lặng lẽ bỏ qua")
    func rendererWithoutPrinter() throws {
        let renderer = try Reports.renderer()
        let submission = try #require(Reports.examples(renderer.outline).first)
        #expect(throws: RenderError.self) { try renderer.unitReport(submission, formats: [.pdf]) }
        #expect(DocumentFormat.defaults == [.markdown, .html, .docx])
        #expect(try DocumentFormat.parseList("md, PDF").get() == [.markdown, .pdf])
        #expect(try DocumentFormat.parseList(" \tHTML ,markdown,  md ").get() == [.html, .markdown])
        #expect(throws: FormatListError.self) { try DocumentFormat.parseList("md, ,html").get() }
        #expect(throws: FormatListError.self) { try DocumentFormat.parseList("md,word").get() }
    }

    @Test("đề mục cho mục lục đọc từ trang HTML từng mẩu một như đọc cả trang: nhãn Phần đứng trước, ký tự HTML được giải")
    func bookmarkScanner() throws {
        let renderer = try Reports.renderer()
        let submission = try #require(Reports.examples(renderer.outline).first { $0.unitID == "so-tu-phap" })
        let html = try renderer.unitReport(submission, formats: [.html]).html + "<h2>A &amp; B &lt;C&gt;</h2>"
        var whole = BookmarkScanner()
        whole.feed(html)
        var pieces = BookmarkScanner()
        for character in html { pieces.feed(String(character)) }
        #expect(whole.titles == pieces.titles)
        let titles = whole.titles.map(\.title)
        #expect(titles.first == "Phần I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH TỔNG THỂ CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC GIAI ĐOẠN 2011 - 2020")
        #expect(whole.titles.first?.heading == "KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH TỔNG THỂ CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC GIAI ĐOẠN 2011 - 2020")
        #expect(titles.contains("I. BỐI CẢNH VÀ TÌNH HÌNH TRIỂN KHAI"))
        #expect(titles.contains("Phần III. KIẾN NGHỊ, ĐỀ XUẤT"))
        #expect(titles.last == "A & B <C>")
    }
}
