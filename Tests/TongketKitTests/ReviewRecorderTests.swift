import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Ghi phiên bản: khi nào được ghi, khi nào bị từ chối")
struct ReviewRecorderTests {
    /// What tongket's Markdown and HTML start with, so that the outputs count as its own.
    static let stamp = "<!-- Tạo bởi tongket từ 3 báo cáo -->\n\n"

    /// A report folder with outputs `bao-cao-tong-hop.md` and `.html` holding `text` (after the
    /// stamp), and small outline and templates folders beside a submission.
    struct Setup {
        let directory: URL
        let recorder: ReviewRecorder
        let sources: ReviewSources
        var store: VersionStore { recorder.store }
        var markdown: URL { directory.appendingPathComponent("bao-cao-tong-hop.md") }
        var html: URL { directory.appendingPathComponent("bao-cao-tong-hop.html") }

        func outputs(_ text: String, stamped: Bool = true) throws {
            for url in [markdown, html] { try Data(((stamped ? stamp : "") + text).utf8).write(to: url) }
        }
    }

    func setup(_ text: String? = nil) throws -> Setup {
        let dir = try Fixtures.temporaryDirectory()
        let data = dir.appendingPathComponent("nguon")
        for (path, content) in [
            ("bao-cao/so-tu-phap.yaml", "don_vi: so-tu-phap\n"), ("bao-cao/ghi-chu.txt", "không phải báo cáo\n"),
            ("de-cuong/de-cuong.yaml", "muc: []\n"), ("de-cuong/phu-luc/01.yaml", "bang: []\n"),
            ("mau/bao-cao-tong-hop.mustache", "{{tieu_de}}\n"),
        ] {
            let url = data.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        let sources = ReviewSources(
            submissions: [data.appendingPathComponent("bao-cao").path], outline: data.appendingPathComponent("de-cuong"),
            templates: data.appendingPathComponent("mau"))
        let setup = Setup(
            directory: dir, recorder: ReviewRecorder(store: VersionStore(directory: dir, report: "bao-cao-tong-hop")), sources: sources)
        if let text { try setup.outputs(text) }
        return setup
    }

    func review(_ status: ReviewStatus = .draft) -> Review {
        Review(status: status, reviewer: "Lê Văn Bình", date: SimpleDate(year: 2020, month: 6, day: 10), note: "gửi xin ý kiến")
    }

    /// The error `body` throws, or nil.
    func refusal(_ body: () throws(ReviewError) -> some Any) -> ReviewError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("ghi lần 1: đúng lần, tệp kết quả, tệp nguồn (báo cáo .yaml, mọi tệp đề cương và mẫu, xếp theo tên)")
    func records() throws {
        let setup = try setup("**DỰ THẢO LẦN 1**\n")
        let plan = try setup.recorder.check(review())
        #expect(plan.round == 1)
        #expect(plan.outputs == [setup.markdown, setup.html])
        let manifest = try setup.recorder.record(plan, sources: setup.sources)
        #expect(manifest.round == 1)
        #expect(manifest.status == .draft)
        #expect(manifest.reviewer == "Lê Văn Bình")
        #expect(manifest.files.map(\.name) == ["bao-cao-tong-hop.md", "bao-cao-tong-hop.html"])
        let data = setup.directory.appendingPathComponent("nguon").path
        #expect(
            manifest.inputs.map(\.name) == [
                "\(data)/bao-cao/so-tu-phap.yaml", "\(data)/de-cuong/de-cuong.yaml", "\(data)/de-cuong/phu-luc/01.yaml",
                "\(data)/mau/bao-cao-tong-hop.mustache",
            ])
        #expect(setup.store.rounds() == [1])
        #expect(setup.store.verify().isEmpty)
    }

    @Test("bản PDF do tongket làm được ghi cùng các tệp khác; dấu lần chỉ đọc ở Markdown, HTML; PDF lạ bị từ chối")
    func recordsPDF() throws {
        let setup = try setup("**DỰ THẢO LẦN 1**\n")
        let pdf = setup.directory.appendingPathComponent("bao-cao-tong-hop.pdf")
        let info = PDFDocumentInfo(title: "Tổng kết", author: "UBND tỉnh", subject: "Dự thảo", keywords: [], year: 2020, month: 6, day: 20)
        try PDFFinisher.finish(MinimalPDF.make(), info: info, bookmarks: []).write(to: pdf)
        #expect(try setup.recorder.check(review()).outputs == [setup.markdown, setup.html, pdf])
        try MinimalPDF.make().write(to: pdf)
        #expect(refusal { () throws(ReviewError) in try setup.recorder.check(review()) } == .foreignOutput(path: pdf.path))
    }

    @Test("không có tệp kết quả nào: từ chối, nêu thư mục như người dùng gõ")
    func noOutputs() throws {
        let setup = try setup()
        let recorder = ReviewRecorder(store: setup.store, shownDirectory: "ket-qua")
        let error = refusal { () throws(ReviewError) in try recorder.record(review(), sources: setup.sources) }
        #expect(error == .noOutputs(report: "bao-cao-tong-hop", directory: "ket-qua"))
        #expect(
            error?.description
                == "tongket: lỗi: không có tệp kết quả bao-cao-tong-hop.md, .html hay .docx trong ket-qua; "
                + "chạy 'tongket consolidate' hoặc 'tongket render' trước")
        #expect(error?.isRefusal == true)
        #expect(setup.store.rounds().isEmpty)
    }

    @Test("tệp kết quả không do tongket tạo: từ chối, nêu tệp đó")
    func foreignOutput() throws {
        let setup = try setup()
        try setup.outputs("bản tự soạn\n", stamped: false)
        let error = refusal { () throws(ReviewError) in try setup.recorder.record(review(), sources: setup.sources) }
        #expect(error == .foreignOutput(path: setup.markdown.path))
        #expect(
            error?.description == "\(setup.markdown.path): lỗi: tệp không do tongket tạo ra; chỉ ghi phiên bản của kết quả do tongket dựng")
        try setup.outputs("bản của tongket\n")
        try Data("<p>bản tự soạn</p>".utf8).write(to: setup.html)
        #expect(refusal { () throws(ReviewError) in try setup.recorder.check(review()) } == .foreignOutput(path: setup.html.path))
        #expect(setup.store.rounds().isEmpty)
    }

    @Test("dấu DỰ THẢO LẦN N không khớp lần sắp ghi: từ chối, nêu cả hai lần")
    func wrongDraftMark() throws {
        let setup = try setup("**DỰ THẢO LẦN 2**\n")
        let error = refusal { () throws(ReviewError) in try setup.recorder.record(review(), sources: setup.sources) }
        #expect(error == .wrongDraftMark(path: setup.markdown.path, marked: 2, round: 1))
        #expect(
            error?.description
                == "\(setup.markdown.path): lỗi: kết quả mang dấu 'DỰ THẢO LẦN 2' nhưng phiên bản sắp ghi là lần 1; "
                + "dựng lại báo cáo để dấu khớp lần")
        #expect(setup.store.rounds().isEmpty)
    }

    @Test("bản hoàn thiện còn dấu DỰ THẢO, kể cả dấu đúng lần: từ chối; không dấu thì ghi được")
    func finalWithDraftMark() throws {
        let setup = try setup("**DỰ THẢO LẦN 1**\n")
        let error = refusal { () throws(ReviewError) in try setup.recorder.record(review(.final), sources: setup.sources) }
        #expect(error == .finalWithDraftMark(path: setup.markdown.path))
        #expect(
            error?.description
                == "\(setup.markdown.path): lỗi: bản hoàn thiện không được mang dấu DỰ THẢO; dựng lại với --final rồi ghi")
        try setup.outputs("bản hoàn thiện\n")
        #expect(try setup.recorder.record(review(.final), sources: setup.sources).status == .final)
    }

    @Test("kết quả giống hệt lần trước: từ chối, không ghi lần trùng")
    func unchanged() throws {
        let setup = try setup("chưa có dấu lần\n")
        _ = try setup.recorder.record(review(), sources: setup.sources)
        let error = refusal { () throws(ReviewError) in try setup.recorder.record(review(.reviewed), sources: setup.sources) }
        #expect(error == .unchanged(since: 1))
        #expect(error?.description == "tongket: lỗi: kết quả không thay đổi so với lần 1; không ghi phiên bản trùng")
        #expect(setup.store.rounds() == [1])
    }

    @Test("lịch sử bị sửa: từ chối trước mọi kiểm tra khác; thông báo nêu từng chỗ hỏng rồi kết luận, mỗi ý một dòng")
    func damagedHistory() throws {
        let setup = try setup("**DỰ THẢO LẦN 1**\n")
        _ = try setup.recorder.record(review(), sources: setup.sources)
        try setup.outputs("**DỰ THẢO LẦN 2**\n")
        _ = try setup.recorder.record(review(), sources: setup.sources)
        let recorded = setup.store.folder(round: 1).appendingPathComponent("bao-cao-tong-hop.html")
        chmod(recorded.path, 0o644)
        try Data("sửa lén".utf8).write(to: recorded)
        // Even outputs that would be refused for another reason are refused for the history first.
        try FileManager.default.removeItem(at: setup.markdown)
        try FileManager.default.removeItem(at: setup.html)
        let problem = VersionProblem(path: recorded.path, message: "nội dung đã bị sửa (SHA-256 không khớp với lúc ghi)")
        let error = refusal { () throws(ReviewError) in try setup.recorder.record(review(), sources: setup.sources) }
        #expect(error == .damagedHistory(report: "bao-cao-tong-hop", problems: [problem]))
        #expect(
            error?.description == """
                \(recorded.path): lỗi: nội dung đã bị sửa (SHA-256 không khớp với lúc ghi)
                tongket: lỗi: lịch sử phiên bản của 'bao-cao-tong-hop' bị hỏng; không ghi thêm phiên bản (xem 'tongket versions --verify')
                """)
        #expect(setup.store.rounds() == [1, 2])
    }

    @Test("tệp nguồn không đọc được: không ghi được (không phải bị từ chối), lịch sử như cũ")
    func unreadableSource() throws {
        let setup = try setup("**DỰ THẢO LẦN 1**\n")
        let missing = setup.directory.appendingPathComponent("khong-co.yaml").path
        var sources = setup.sources
        sources.submissions.append(missing)
        let error = refusal { () throws(ReviewError) in try setup.recorder.record(review(), sources: sources) }
        #expect(error == .notRecorded(FileError(path: missing, message: "không đọc được tệp nguồn")))
        #expect(error?.isRefusal == false)
        #expect(setup.store.rounds().isEmpty)
    }

    @Test("tên báo cáo là tên tệp kết quả, không bao giờ là đường dẫn")
    func reportNames() {
        for name in ["bao-cao-tong-hop", "so-tu-phap", "so-tu-phap.chuyen-de", "h-nga-son-2"] {
            #expect(VersionStore.isReportName(name), "\(name)")
        }
        for name in ["", ".an", "../bao-cao", "a..b", "a/b", "Bao-Cao", "báo-cáo", "a b"] {
            #expect(!VersionStore.isReportName(name), "\(name)")
        }
    }
}
