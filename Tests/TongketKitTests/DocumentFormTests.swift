import Foundation
import Testing
import TongketForms
import TongketKit
import TongketTestSupport

/// The Word form a unit writes in: written from the outline, filled with python-docx as Word
/// writes (runs split mid-word by proofing marks and bookmarks, tracked changes, a table), put
/// through LibreOffice's save, and read back into the submission's texts.
@Suite("Tệp Word của đơn vị")
struct DocumentFormTests {
    let outline: Outline
    let unit: ReportingUnit

    init() throws {
        outline = try Fixtures.outline()
        unit = try #require(outline.unit("so-tu-phap"))
    }

    func filled(in folder: URL) throws -> URL {
        let input = folder.appendingPathComponent("so-tu-phap.nhap.docx")
        let output = folder.appendingPathComponent("da-viet.docx")
        try DocumentFormWriter.data(for: unit, outline: outline).write(to: input)
        let run = try ExternalTool.python(FormFillers.word, [input.path, output.path])
        try #require(run.status == 0, "python-docx: \(run.output)")
        return output
    }

    @Test(
        "cùng đề cương và đơn vị cho cùng các byte; mỗi mục một ô nội dung gắn mã mục, tiêu đề đánh số, hướng dẫn làm chữ mờ, không xóa được"
    )
    func written() throws {
        let data = try DocumentFormWriter.data(for: unit, outline: outline)
        #expect(try DocumentFormWriter.data(for: unit, outline: outline) == data)
        let document = try DOCXFile.part("word/document.xml", of: data)
        let section = try #require(outline.section("boi-canh"))
        #expect(document.contains("<w:tag w:val=\"boi-canh\"/><w:lock w:val=\"sdtLocked\"/><w:showingPlcHdr/>"))
        #expect(document.contains("<w:t>\(section.guidance)</w:t>") || document.contains(XMLEscaped.text(section.guidance)))
        #expect(document.contains("<w:tag w:val=\"chuyen-de/cai-cach-the-che\"/>"))
        #expect(document.contains("<w:tag w:val=\"bao_cao.ngay\"/><w:showingPlcHdr/><w:date>"))
        // Dated at the unit's own place: the province for a department, the district for a district.
        #expect(document.contains("<w:t xml:space=\"preserve\">Thanh Hóa, ngày ký: </w:t>"))
        let district = try #require(outline.unit("h-nga-son"))
        let districtForm = try DOCXFile.part("word/document.xml", of: DocumentFormWriter.data(for: district, outline: outline))
        #expect(districtForm.contains("<w:t xml:space=\"preserve\">Nga Sơn, ngày ký: </w:t>"))
        // The state header: the issuing body beside the national name and motto, the number beside
        // the place and date; the page number on every page but the first.
        #expect(document.contains("<w:r><w:tab/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>SỞ TƯ PHÁP</w:t></w:r>"))
        #expect(document.contains("<w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t>"))
        #expect(document.contains("<w:t>Độc lập - Tự do - Hạnh phúc</w:t>"))
        #expect(document.contains("<w:headerReference w:type=\"default\" r:id=\"rId3\"/>") && document.contains("<w:titlePg/>"))
        #expect(try DOCXFile.part("word/header1.xml", of: data).contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(try DOCXFile.part("word/_rels/document.xml.rels", of: data).contains("Target=\"header1.xml\""))
        #expect(districtForm.contains("<w:t>HUYỆN NGA SƠN</w:t>"))
        // An example signer for a department and for a People's Committee alike.
        #expect(document.contains("Như KT. GIÁM ĐỐC hoặc TM. ỦY BAN NHÂN DÂN"))
        let properties = try DOCXFile.part("docProps/custom.xml", of: data)
        #expect(properties.contains("name=\"tongket.don_vi\"><vt:lpwstr>so-tu-phap</vt:lpwstr>"))
        // The untouched form reads as nothing written: placeholders are not text.
        let reading = DocumentFormReader.read(data, file: "so-tu-phap.nhap.docx", outline: outline)
        #expect(reading.submission?.sections.isEmpty == true, "\(reading.yaml)")
        #expect(reading.diagnostics.contains { $0.description.contains("'boi-canh'") && $0.severity == .error })
    }

    @Test("đọc lại tệp python-docx đã viết: đậm, nghiêng, danh sách, chữ bị tách giữa từ, thay đổi được theo dõi, bảng bỏ qua có cảnh báo")
    func readsWhatPythonDocxWrote() throws {
        try #require(ExternalTool.pythonDocx, "python-docx chưa cài được (scripts/setup --test-tools); bỏ qua")
        let url = try filled(in: try Fixtures.temporaryDirectory())
        let reading = DocumentFormReader.read(contentsOf: url, shownName: "so-tu-phap.nhap.docx", outline: outline)
        let submission = try #require(reading.submission, "\(reading.diagnostics)")
        #expect(
            submission.sections["boi-canh"]
                == .text("Năm 2011, **Sở** đã ban hành *kế hoạch*\n\n- một\n- hai\n\nCó thêm ý.\n\nSau bảng."), "\(reading.yaml)")
        #expect(submission.sections["ket-qua-dat-duoc"] == .list(["Ban hành đủ văn bản", "Rà soát \\*định kỳ\\*"]))
        #expect(submission.thematic?.sections["cai-cach-the-che"] == .text("Chuyên đề thể chế toàn tỉnh."))
        #expect(submission.report.number == "56/BC-STP")
        #expect(submission.signer.name == "Lê Văn Bình")
        let printed = reading.diagnostics.map(\.description)
        let place = "so-tu-phap.nhap.docx: mục I \"Bối cảnh"
        #expect(printed.contains { $0.hasPrefix(place) && $0.contains(", đoạn 4: cảnh báo: có thay đổi được theo dõi") }, "\(printed)")
        #expect(printed.contains { $0.hasPrefix(place) && $0.contains(", đoạn 5: cảnh báo: có một bảng") }, "\(printed)")
        #expect(submission.report.date?.description == "24/04/2020")
    }

    @Test("tệp đã viết rồi LibreOffice lưu lại (bỏ ô nội dung) vẫn đọc ra cùng nội dung, tìm mục theo tiêu đề")
    func readsAfterLibreOfficeSave() throws {
        try #require(ExternalTool.pythonDocx, "python-docx chưa cài được (scripts/setup --test-tools); bỏ qua")
        try #require(ExternalTool.libreOffice, "LibreOffice chưa cài được (scripts/setup --test-tools); bỏ qua")
        let folder = try Fixtures.temporaryDirectory()
        let url = try filled(in: folder)
        let before = try #require(DocumentFormReader.read(contentsOf: url, shownName: "a.docx", outline: outline).submission)
        let (resaved, log) = ExternalTool.libreOfficeResave(url, as: "docx", into: folder)
        let after = DocumentFormReader.read(contentsOf: try #require(resaved, "\(log)"), shownName: "a.docx", outline: outline)
        let submission = try #require(after.submission, "\(after.diagnostics)")
        // LibreOffice 7.4 turns a block control into an inline one around the first paragraph's
        // runs, and drops their bold and italic on saving (seen in its output): the emphasis of
        // that paragraph is LibreOffice's loss, every word is kept.
        func plain(_ sections: [String: SectionContent]?) -> [String: SectionContent] {
            (sections ?? [:]).mapValues {
                switch $0 {
                case .text(let text):
                    return .text(
                        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*kế", with: "kế").replacingOccurrences(
                            of: "hoạch*", with: "hoạch"))
                case .list(let items): return .list(items)
                }
            }
        }
        #expect(plain(submission.sections) == plain(before.sections), "\(after.yaml)")
        #expect(submission.thematic?.sections == before.thematic?.sections)
        #expect(
            after.diagnostics.contains { $0.description.contains("mục I \"Bối cảnh") && $0.message.contains("LibreOffice bỏ ô nội dung") })
        #expect(submission.report.number == "56/BC-STP")
    }

    @Test("tệp chưa điền rồi LibreOffice lưu lại (bỏ dấu chữ giữ chỗ): hướng dẫn và chữ mẫu vẫn được đọc là chưa viết")
    func untouchedAfterLibreOfficeSave() throws {
        try #require(ExternalTool.libreOffice, "LibreOffice chưa cài được (scripts/setup --test-tools); bỏ qua")
        let folder = try Fixtures.temporaryDirectory()
        let blank = folder.appendingPathComponent("so-tu-phap.nhap.docx")
        try DocumentFormWriter.data(for: unit, outline: outline).write(to: blank)
        let (resaved, log) = ExternalTool.libreOfficeResave(blank, as: "docx", into: folder)
        let reading = DocumentFormReader.read(contentsOf: try #require(resaved, "\(log)"), shownName: "a.docx", outline: outline)
        let submission = try #require(reading.submission, "\(reading.diagnostics)")
        #expect(submission.sections.isEmpty, "\(reading.yaml)")
        #expect(
            (submission.report.number ?? "").isEmpty && submission.report.date == nil && (submission.signer.name ?? "").isEmpty,
            "\(reading.yaml)")
    }
}

/// Text as `XMLBuffer` escapes it, for comparing with written parts.
enum XMLEscaped {
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
