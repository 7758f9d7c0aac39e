import Foundation
import Testing
import TongketTestSupport

/// PDF through the engines installed by `scripts/setup --test-tools`. Each conversion takes a few
/// seconds, so the draft is printed once for every test that reads it.
@Suite("Dòng lệnh: PDF (--format pdf) qua Chromium hoặc LibreOffice")
struct PDFCLITests {
    static let chromium = ExternalTool.chromium && ExternalTool.poppler
    static let libreOffice = ExternalTool.libreOffice && ExternalTool.poppler
    let example = Fixtures.examples.appendingPathComponent("so-tu-phap.yaml").path
    /// A unit without a thematic report: one conversion a run.
    let city = Fixtures.examples.appendingPathComponent("tp-sam-son.yaml").path
    static let summary = "Tổng kết thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020"

    /// The test process's override of the engine, passed on (the CLI runs in a fixed environment).
    static var environment: [String: String] {
        ProcessInfo.processInfo.environment["TONGKET_CHROMIUM"].map { ["TONGKET_CHROMIUM": $0] } ?? [:]
    }

    /// The draft and its HTML page, printed once: `consolidate --format pdf,html`.
    static let draft: URL? = {
        guard chromium, let dir = try? Fixtures.temporaryDirectory(),
            let r = try? CLI.run(
                ["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "--format", "pdf,html", "-o", dir.path],
                environment: environment), r.status == 0
        else { return nil }
        return dir
    }()

    /// The example's comments, named: no command reads the bundled example unless told to.
    static let comments = Fixtures.examples.appendingPathComponent("gop-y").path

    func run(_ arguments: [String], in dir: URL? = nil, environment: [String: String] = [:]) throws -> (URL, CLI.Result) {
        let dir = try dir ?? Fixtures.temporaryDirectory()
        let r = try CLI.run(Fixtures.withOutline(arguments) + ["-o", dir.path], environment: Self.environment.merging(environment) { $1 })
        return (dir, r)
    }

    func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// Checks the page numbers Nghị định 30/2020 asks for: the body's pages from 2 on carry their
    /// number; each appendix's pages are numbered on their own, its first page (which starts with
    /// its "Phụ lục NN" title) unnumbered like the document's. Returns how many appendices began
    /// and the most pages one of them had.
    static func expectPageNumbers(_ pdf: PDFReport) -> (appendices: Int, longest: Int) {
        var appendices = 0
        var inAppendix = 0
        var longest = 0
        for page in 2...pdf.pageCount {
            let first = pdf.firstLine(page: page)
            if first.hasPrefix("Phụ lục ") {
                appendices += 1
                inAppendix = 1
            } else if inAppendix > 0 {
                inAppendix += 1
                longest = max(longest, inAppendix)
                #expect(first == String(inAppendix), "trang \(page): trang \(inAppendix) của phụ lục thứ \(appendices)")
            } else {
                #expect(first == String(page), "trang \(page)")
            }
        }
        return (appendices, longest)
    }

    func contains(_ url: URL, _ text: String) throws -> Bool { try bytes(url).range(of: Data(text.utf8)) != nil }

    @Test(
        "render --format pdf: A4, trích yếu và cơ quan ban hành trong thông tin, gắn thẻ, phông nhúng, số trang từ trang 2, mục lục",
        .enabled(if: chromium, Comment(rawValue: ExternalTool.chromiumMissing)))
    func unitReport() throws {
        let (dir, r) = try run(["render", example, "--format", "pdf"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["so-tu-phap.chuyen-de.pdf", "so-tu-phap.pdf"])
        let url = dir.appendingPathComponent("so-tu-phap.pdf")
        let pdf = PDFReport(url)
        let info = pdf.info
        #expect(info["Title"] == Self.summary)
        #expect(info["Author"] == "Sở Tư pháp")
        #expect(info["Subject"] == "Báo cáo tổng kết – Sở Tư pháp")
        #expect(info["Keywords"]?.contains("Thanh Hóa; 2011 - 2020; Sở Tư pháp") == true)
        #expect(info["Creator"] == "tongket")
        #expect(info["Tagged"] == "yes")
        #expect(info["Page size"]?.hasSuffix("(A4)") == true)
        #expect(pdf.pageCount >= 3)
        // A4 upright, the appendix of figures on A4 turned.
        #expect(pdf.pageSizes.first == "595x842")
        #expect(Set(pdf.pageSizes) == ["595x842", "842x595"])
        // The report's date (24/04/2020), not the day of the run; the language for screen readers.
        #expect(try contains(url, "/CreationDate (D:20200424000000+07'00')"))
        #expect(try contains(url, "/Lang (vi)"))
        let fonts = pdf.fonts
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.embedded }, "\(fonts)")
        #expect(pdf.text(page: 1).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(pdf.text(page: 1).contains("Sở Tư pháp chủ trì thẩm định") || pdf.text(page: 2).contains("Sở Tư pháp chủ trì thẩm định"))
        #expect(Int(pdf.firstLine(page: 1)) == nil)
        // Five appendices (Biểu 02, 03, 05, 06, 07 of Sở Tư pháp), each numbered on its own.
        #expect(Self.expectPageNumbers(pdf).appendices == 5)
        if ExternalTool.qpdf {
            #expect(ExternalTool.run(["qpdf", "--check", url.path]).status == 0)
            let bookmarks = pdf.bookmarks
            #expect(bookmarks.first == "Phần I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH TỔNG THỂ CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC GIAI ĐOẠN 2011 - 2020")
            #expect(bookmarks.contains("  III. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG CẢI CÁCH HÀNH CHÍNH"))
            #expect(bookmarks.contains("    4. Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức"))
            #expect(bookmarks.contains("Phần III. KIẾN NGHỊ, ĐỀ XUẤT"))
        } else {
            #expect(try contains(url, "/Outlines"))
        }
        let thematic = PDFReport(dir.appendingPathComponent("so-tu-phap.chuyen-de.pdf")).info
        #expect(thematic["Subject"] == "Báo cáo chuyên đề 1 – Sở Tư pháp")
        #expect(thematic["Author"] == "Sở Tư pháp")
    }

    @Test(
        "consolidate --format pdf: phụ lục trang ngang; cùng số trang, cùng chỗ ngắt trang như bản in Chromium của tệp HTML",
        .enabled(if: chromium, Comment(rawValue: ExternalTool.chromiumMissing)))
    func draftPagesAsPrinted() throws {
        let dir = try #require(Self.draft, "consolidate --format pdf,html không chạy được")
        let url = dir.appendingPathComponent("bao-cao-tong-hop.pdf")
        let pdf = PDFReport(url)
        #expect(pdf.info["Author"] == "UBND tỉnh Thanh Hóa")
        #expect(pdf.info["Title"] == Self.summary)
        #expect(try contains(url, "/CreationDate (D:20200620000000+07'00')"))
        let sizes = pdf.pageSizes
        let firstLandscape = try #require(sizes.firstIndex(of: "842x595"), "\(sizes)")
        #expect(sizes[..<firstLandscape].allSatisfy { $0 == "595x842" })
        #expect(sizes[firstLandscape...].allSatisfy { $0 == "842x595" })
        #expect(pdf.firstLine(page: firstLandscape + 1).hasPrefix("Phụ lục 02"))
        // Every appendix of the draft (02 to 11, counted in its HTML) numbered on its own.
        let page = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.html"), encoding: .utf8)
        let numbering = Self.expectPageNumbers(pdf)
        #expect(numbering.appendices == page.components(separatedBy: "<div class=\"phu-luc\">").count - 1)
        #expect(numbering.longest >= 2, "an appendix runs past its first page, so the restart is seen")
        // No label line ("UBND xã Nga An:", "Tổng hợp từ báo cáo của …:") ends a page away from its text.
        for number in 1...pdf.pageCount {
            let last = pdf.text(page: number).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
            #expect(!(last ?? "").hasSuffix(":"), "trang \(number) kết thúc bằng dòng nhãn «\(last ?? "")»")
        }
        #expect(pdf.fonts.allSatisfy { $0.embedded })
        // No chart alone on a page it half fills: a chart with no room under its table fills its
        // own page (its text reached 43% of the page's height before, 88% now).
        #expect(pdf.halfEmptyChartPages().isEmpty, "\(pdf.halfEmptyChartPages())")
        // A plain print of the same page, as a person would make it from the browser.
        let profile = try Fixtures.temporaryDirectory()
        let plain = profile.appendingPathComponent("in-thuong.pdf")
        let html = dir.appendingPathComponent("bao-cao-tong-hop.html")
        let chromium = Self.environment["TONGKET_CHROMIUM"] ?? "chromium"
        let printed = ExternalTool.run([
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(profile.appendingPathComponent("p").path)", "--print-to-pdf=\(plain.path)", html.absoluteString,
        ])
        #expect(printed.status == 0, "\(printed.output)")
        let reference = PDFReport(plain)
        #expect(pdf.pageCount == reference.pageCount)
        #expect(sizes == reference.pageSizes)
        for page in 1...min(pdf.pageCount, reference.pageCount) {
            #expect(pdf.text(page: page) == reference.text(page: page), "trang \(page)")
        }
    }

    @Test(
        "hai lần chạy (khác múi giờ, ngôn ngữ máy) cho cùng từng byte; PDF do tongket làm thì được ghi đè; -o - qua ống dẫn",
        .enabled(if: chromium, Comment(rawValue: ExternalTool.chromiumMissing)))
    func reproducible() throws {
        let (dir, first) = try run(["render", city, "--format", "pdf"])
        #expect(first.status == 0, "\(first.stderr)")
        let url = dir.appendingPathComponent("tp-sam-son.pdf")
        let before = try bytes(url)
        let (_, second) = try run(
            ["render", city, "--format", "pdf"], in: dir, environment: ["TZ": "Asia/Ho_Chi_Minh", "LANG": "vi_VN.UTF-8"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try bytes(url) == before)
        #expect(try contains(url, "/CreationDate (D:20200505000000+07'00')"))
        let piped = try CLI.run(
            ["render", "--outline", Fixtures.outlinePath, city, "--format", "pdf", "-o", "-"], environment: Self.environment)
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("%PDF-1."))
    }

    @Test(
        "tệp .pdf không do tongket làm không bị ghi đè (mã 3); có --force thì được thay",
        .enabled(if: chromium, Comment(rawValue: ExternalTool.chromiumMissing)))
    func foreignPDFKept() throws {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("tp-sam-son.pdf")
        let foreign = Data("%PDF-1.4\n% bản tôi tự xuất từ Word\n%%EOF\n".utf8)
        try foreign.write(to: url)
        let (_, refused) = try run(["render", city, "--format", "pdf"], in: dir)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("không do tongket tạo ra"))
        #expect(try bytes(url) == foreign)
        let (_, forced) = try run(["render", city, "--format", "pdf", "--force"], in: dir)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(PDFReport(url).info["Creator"] == "tongket")
    }

    @Test("không có chương trình làm PDF: mã 5, thông báo nêu gói Debian cần cài, không ghi tệp nào")
    func noEngine() throws {
        let empty = try Fixtures.temporaryDirectory().path
        let (dir, r) = try run(
            ["render", example, "--format", "md,html,pdf"], environment: ["PATH": empty, "TONGKET_CHROMIUM": "/khong/co/chromium"])
        #expect(r.status == 5)
        #expect(r.stderr.contains("TONGKET_CHROMIUM=/khong/co/chromium không phải là chương trình chạy được"))
        #expect(r.stderr.contains("cài gói Debian 'chromium'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        var searched = Self.environment
        searched["PATH"] = empty
        searched["TONGKET_CHROMIUM"] = ""
        let (other, consolidated) = try run(["consolidate", Fixtures.examples.path, "--format", "pdf,md"], environment: searched)
        #expect(consolidated.status == 5)
        #expect(consolidated.stderr.contains("không tìm thấy Chromium"))
        #expect(consolidated.stderr.contains("sudo apt-get install chromium"))
        let (_, skeleton) = try run(["skeleton", "--unit", "so-noi-vu", "--format", "pdf"], in: other, environment: searched)
        #expect(skeleton.status == 5)
        let (_, office) = try run(
            ["comments", Self.comments, "--format", "pdf", "--pdf-engine", "libreoffice"], in: other, environment: searched)
        #expect(office.status == 5)
        #expect(office.stderr.contains("cài gói Debian 'libreoffice-writer-nogui'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path).isEmpty)
    }

    @Test(
        "skeleton và comments cũng ghi PDF, với thông tin của mình",
        .enabled(if: chromium, Comment(rawValue: ExternalTool.chromiumMissing)))
    func skeletonAndComments() throws {
        let (dir, skeleton) = try run(["skeleton", "--unit", "so-noi-vu", "--format", "pdf"])
        #expect(skeleton.status == 0, "\(skeleton.stderr)")
        let blank = PDFReport(dir.appendingPathComponent("so-noi-vu.mau.pdf")).info
        #expect(blank["Subject"] == "Mẫu báo cáo tổng kết – Sở Nội vụ")
        #expect(blank["Creator"] == "tongket")
        let (_, comments) = try run(["comments", Self.comments, "--format", "pdf"], in: dir)
        #expect(comments.status == 0, "\(comments.stderr)")
        let table = PDFReport(dir.appendingPathComponent("bang-tiep-thu-y-kien.pdf"))
        #expect(table.info["Title"]?.hasPrefix("Tiếp thu, giải trình ý kiến góp ý dự thảo Báo cáo") == true)
        #expect(table.info["Author"] == "Sở Nội vụ")
        #expect(table.fonts.allSatisfy { $0.embedded })
    }

    @Test(
        "--pdf-engine libreoffice: PDF từ tệp Word, cùng thông tin, gắn thẻ, phông nhúng, mục lục; hai lần cho cùng từng byte",
        .enabled(if: libreOffice, Comment(rawValue: ExternalTool.libreOfficeMissing)))
    func libreOfficeEngine() throws {
        let (dir, first) = try run(["render", city, "--format", "pdf", "--pdf-engine", "libreoffice"])
        #expect(first.status == 0, "\(first.stderr)")
        let url = dir.appendingPathComponent("tp-sam-son.pdf")
        let before = try bytes(url)
        let pdf = PDFReport(url)
        let info = pdf.info
        #expect(info["Title"] == Self.summary)
        #expect(info["Author"] == "UBND thành phố Sầm Sơn")
        #expect(info["Creator"] == "tongket")
        #expect(info["Producer"]?.hasPrefix("LibreOffice") == true)
        #expect(info["Tagged"] == "yes")
        #expect(info["Page size"]?.hasSuffix("(A4)") == true)
        #expect(try contains(url, "/Lang (vi)"))
        #expect(pdf.fonts.allSatisfy { $0.embedded })
        #expect(Int(pdf.firstLine(page: 1)) == nil)
        #expect(pdf.firstLine(page: 2) == "2")
        if ExternalTool.qpdf {
            #expect(ExternalTool.run(["qpdf", "--check", url.path]).status == 0)
            #expect(pdf.bookmarks.first?.hasPrefix("Phần I. KẾT QUẢ THỰC HIỆN") == true)
        }
        let (_, second) = try run(["render", city, "--format", "pdf", "--pdf-engine", "libreoffice"], in: dir)
        #expect(second.status == 0)
        #expect(try bytes(url) == before)
    }
}
