import Foundation
import Testing
import TongketTestSupport

@Suite("Dòng lệnh: tệp Word (.docx)")
struct DOCXCLITests {
    let example = Fixtures.examples.appendingPathComponent("so-tu-phap.yaml").path

    func render(_ arguments: [String]) throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(Fixtures.withOutline(arguments) + ["-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    @Test("render --format docx: chỉ ghi .docx; các phần XML giống tệp mẫu; styles.xml là templates/kieu-word.xml")
    func unitReportParts() throws {
        let dir = try render(["render", example, "--format", "docx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["so-tu-phap.chuyen-de.docx", "so-tu-phap.docx"])
        let data = try Data(contentsOf: dir.appendingPathComponent("so-tu-phap.docx"))
        #expect(try DOCXFile.goldenMismatch(data, "docx/so-tu-phap", skipping: ["word/styles.xml"]) == nil)
        let styles = try DOCXFile.part("word/styles.xml", of: data)
        #expect(styles == (try String(contentsOf: Fixtures.root.appendingPathComponent("templates/kieu-word.xml"), encoding: .utf8)))
        let thematic = try Data(contentsOf: dir.appendingPathComponent("so-tu-phap.chuyen-de.docx"))
        #expect(try DOCXFile.goldenMismatch(thematic, "docx/so-tu-phap.chuyen-de", skipping: ["word/styles.xml"]) == nil)
    }

    @Test("gói cố định: cùng thứ tự phần, cùng ngày 01/01/1980, cùng từng byte giữa hai lần chạy")
    func deterministicPackage() throws {
        let a = try render(["render", example, "--format", "docx"])
        let b = try render(["render", example, "--format", "docx"])
        let first = try Data(contentsOf: a.appendingPathComponent("so-tu-phap.docx"))
        #expect(first == (try Data(contentsOf: b.appendingPathComponent("so-tu-phap.docx"))))
        let parts = try DOCXFile.parts(first)
        #expect(parts.first?.path == "[Content_Types].xml")
        let epoch = DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 1980, month: 1, day: 1
        )
        .date
        for part in parts { #expect(part.modified == epoch, "\(part.path)") }
    }

    @Test("consolidate: dự thảo .docx giống tệp mẫu, biểu đồ là biểu đồ Word có bảng tính kèm")
    func consolidatedParts() throws {
        let dir = try render(["consolidate", Fixtures.examples.path, "--format", "docx"])
        let data = try Data(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.docx"))
        #expect(try DOCXFile.goldenMismatch(data, "docx/bao-cao-tong-hop", skipping: ["word/styles.xml"]) == nil)
        // Each unit's label is kept on the page of the text it introduces (kieu-word-lop.yaml:
        // dong-gop keeps its first paragraph with the next).
        let body = try DOCXFile.part("word/document.xml", of: data)
        // Sở Tư pháp's own label introduces the texts it alone wrote; shared paragraphs are
        // introduced by every unit that wrote them, Sở Tư pháp among them.
        let labels = body.components(separatedBy: "<w:t>Sở Tư pháp:</w:t>").count - 1
        let shared = body.components(separatedBy: "Sở Tư pháp, Sở Y tế").count - 1
        #expect(labels > 2)
        #expect(shared > 2)
        #expect(
            body.components(separatedBy: "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>Sở Tư pháp:</w:t>").count - 1
                == labels)
        // One native chart, with its workbook, for each chart the HTML draft has; no pictures.
        let html = try String(contentsOf: Golden.directory.appendingPathComponent("render/bao-cao-tong-hop.html"), encoding: .utf8)
        let charts = html.components(separatedBy: "<figure class=\"bieu-do").count - 1
        #expect(charts == 8)
        let parts = try DOCXFile.parts(data)
        #expect(parts.filter { $0.path.hasPrefix("word/charts/chart") }.count == charts)
        let workbooks = parts.filter { $0.path.hasPrefix("word/embeddings/") }
        #expect(workbooks.count == charts)
        for part in workbooks { #expect(part.data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(part.path)") }
        #expect(!parts.contains { $0.path.hasPrefix("word/media/") })
        // No column of any table narrower than 1 cm (Phụ lục 06's 'Số đơn vị báo cáo' had 218
        // twips, a letter a line, its text squeezed out by the figure columns).
        let columns = body.components(separatedBy: "<w:gridCol w:w=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(columns.count > 140)
        #expect(columns.allSatisfy { $0 >= 567 }, "\(columns.filter { $0 < 567 })")
    }

    @Test("skeleton --format docx: bản mẫu Word của một huyện giống tệp mẫu")
    func skeleton() throws {
        let dir = try render(["skeleton", "--unit", "h-nga-son", "--format", "docx"])
        let data = try Data(contentsOf: dir.appendingPathComponent("h-nga-son.mau.docx"))
        #expect(try DOCXFile.goldenMismatch(data, "docx/h-nga-son.mau", skipping: ["word/styles.xml"]) == nil)
    }

    @Test("không ghi đè một .docx không do tongket tạo (mã 3); .docx của tongket thì được thay")
    func foreignDocx() throws {
        let dir = try Fixtures.temporaryDirectory()
        let target = dir.appendingPathComponent("so-tu-phap.docx")
        let foreign = Data("PK\u{3}\u{4} bản Word do người dùng sửa".utf8)
        try foreign.write(to: target)
        let refused = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "--format", "docx", "-o", dir.path])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("so-tu-phap.docx: lỗi: tệp đã có và không do tongket tạo ra; không ghi đè"))
        #expect(try Data(contentsOf: target) == foreign)
        try FileManager.default.removeItem(at: target)
        #expect(try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "--format", "docx", "-o", dir.path]).status == 0)
        let again = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "--format", "docx", "-o", dir.path])
        #expect(again.status == 0, "\(again.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["so-tu-phap.chuyen-de.docx", "so-tu-phap.docx"])
    }

    @Test("-o - --format docx qua ống dẫn: ghi gói ZIP ra stdout")
    func docxToPipe() throws {
        let r = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "--format", "docx", "-o", "-"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("PK\u{3}\u{4}"))
    }

    @Test(
        "python-docx đọc lại: kiểu, đề mục, bảng và giá trị ô (tính tay từ YAML)",
        .enabled(if: ExternalTool.pythonDocx, "python-docx chưa cài được (scripts/setup --test-tools cài bằng pip); bỏ qua"))
    func pythonDocxReadsBack() throws {
        let dir = try render(["render", example, "--format", "docx"])
        _ = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "--format", "docx", "-o", dir.path])
        let script = Fixtures.root.appendingPathComponent("Tests/docx/kiem_tra_docx.py").path
        let unit = ExternalTool.run(["python3", script, "don-vi", dir.appendingPathComponent("so-tu-phap.docx").path])
        #expect(unit.status == 0, "\(unit.output)")
        let whole = ExternalTool.run(["python3", script, "tong-hop", dir.appendingPathComponent("bao-cao-tong-hop.docx").path])
        #expect(whole.status == 0, "\(whole.output)")
    }

    @Test(
        "LibreOffice chuyển mọi tệp .docx ví dụ sang PDF không lỗi; trang 1 không có số trang, trang 2 có",
        .enabled(
            if: ExternalTool.libreOffice, "LibreOffice chưa cài được (scripts/setup --test-tools cài libreoffice-writer-nogui); bỏ qua"))
    func libreOfficeConverts() throws {
        let dir = try render(["render", Fixtures.examples.path, "--format", "docx"])
        _ = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "--format", "md,docx", "-o", dir.path])
        _ = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "so-noi-vu", "--format", "docx", "-o", dir.path])
        let documents = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".docx") }.sorted()
        // Reports, thematic reports, the draft, the skeleton's rendering and its Word form (.nhap.docx).
        #expect(documents.count == 14)
        let profile = try Fixtures.temporaryDirectory()
        let converted = ExternalTool.run(
            ["soffice", "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", dir.path]
                + documents, in: dir)
        #expect(converted.status == 0, "\(converted.output)")
        #expect(!converted.output.lowercased().contains("error"), "\(converted.output)")
        for document in documents {
            let pdf = dir.appendingPathComponent(document.replacingOccurrences(of: ".docx", with: ".pdf"))
            let data = try Data(contentsOf: pdf)
            #expect(data.starts(with: Array("%PDF".utf8)), "\(document)")
        }
        guard ExternalTool.pdftotext else { return }
        let pdf = dir.appendingPathComponent("so-tu-phap.pdf").path
        let first = ExternalTool.run(["pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"]).output
        let second = ExternalTool.run(["pdftotext", "-layout", "-f", "2", "-l", "2", pdf, "-"]).output
        #expect(first.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(first.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces) != "1")
        #expect(second.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces) == "2")
        // The Word form looks like the report: the state header, page numbers from page 2.
        let form = PDFReport(dir.appendingPathComponent("so-noi-vu.nhap.pdf"))
        #expect(form.text(page: 1).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(form.text(page: 1).contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(form.firstLine(page: 1) != "1")
        #expect(form.firstLine(page: 2) == "2")

        // No label line ("UBND xã Nga An:", "Tổng hợp từ báo cáo của …:") ends a page of the draft or
        // of the district's report (its communes' texts) away from its text.
        for name in ["bao-cao-tong-hop.pdf", "h-nga-son.pdf"] {
            let pages = ExternalTool.run(["pdftotext", "-layout", dir.appendingPathComponent(name).path, "-"]).output
                .split(separator: "\u{0C}")
            for (number, page) in pages.enumerated() {
                let last = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
                #expect(!(last ?? "").hasSuffix(":"), "\(name), trang \(number + 1): «\(last ?? "")»")
            }
        }

        // No chart alone on a page it half fills (every chart of the draft's appendices stood on
        // the page after its table, reaching 43% of it).
        let draft = PDFReport(dir.appendingPathComponent("bao-cao-tong-hop.pdf"))
        #expect(draft.halfEmptyChartPages().isEmpty, "\(draft.halfEmptyChartPages())")

        // No figure of an appendix table is broken inside its cell: every figure of every table
        // row of the draft is a whole word of the PDF's text ("9.168,5" wrapped is "9.168," and "5").
        let draftText = ExternalTool.run(["pdftotext", "-layout", dir.appendingPathComponent("bao-cao-tong-hop.pdf").path, "-"]).output
        let words = Set(draftText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{0C}" }).map(String.init))
        let markdown = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)
        var figures: [String] = []
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 4, Int(cells[0]) != nil else { continue }
            figures += cells.dropFirst(3).filter { !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0 == "." || $0 == "," } }
        }
        #expect(figures.count > 400)
        let broken = figures.filter { !words.contains($0) }
        #expect(broken.isEmpty, "số bị ngắt dòng trong ô: \(broken.prefix(10))")

        // Nor a word of an indicator's name or unit of measure ("Số / đơn / vị" a letter a line in
        // a column squeezed by the figures): every word is whole in the PDF, a unit of measure
        // broken only after a slash ("đồng/" over "người/tháng").
        let pieces = Set(words.flatMap { $0.split(separator: "/").map(String.init) })
        var names: [String] = []
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 4, Int(cells[0]) != nil else { continue }
            names += cells[1...2].flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init) }
        }
        #expect(names.count > 200)
        let brokenWords = Set(names.filter { !pieces.contains($0) })
        #expect(brokenWords.isEmpty, "chữ bị ngắt giữa từ trong ô: \(brokenWords.sorted().prefix(10))")
    }
}
