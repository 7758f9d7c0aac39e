import Foundation
import Testing
import TongketForms
import TongketKit
import TongketTestSupport

/// What Word writes and python-docx cannot, crafted at the level of `word/document.xml` from
/// ECMA-376 Part 1 (§17, WordprocessingML), since Word itself cannot run here. Each fixture is
/// put into so-tu-phap's real form as the content of one section's control ("I. Bối cảnh…",
/// tag `boi-canh`, the placeholder mark taken off as Word does once the writer types), and
/// read back; the comment above each says which behaviour of Word it stands for.
@Suite("Tệp Word dựng theo ECMA-376: những gì Word ghi")
struct WordFixtureTests {
    let outline: Outline
    let unit: ReportingUnit
    static let place = "so-tu-phap.nhap.docx: mục I \"Bối cảnh và tình hình triển khai\""

    init() throws {
        outline = try Fixtures.outline()
        unit = try #require(outline.unit("so-tu-phap"))
    }

    /// The form with `content` (block-level WordprocessingML) as the section's control content,
    /// or with `document` applied to the whole of `word/document.xml`.
    func read(boiCanh content: String? = nil, document: ((String) -> String)? = nil) throws -> FormReading {
        let form = try DocumentFormWriter.data(for: unit, outline: outline)
        let edited = try OfficeZip.edit(form) { path, text in
            guard path == "word/document.xml" else { return text }
            var xml = text
            // The form's own markup, found in the order the writer puts it (a missing piece leaves
            // the form untouched, and the test's expectations fail).
            if let content, let tag = xml.range(of: "<w:tag w:val=\"boi-canh\"/>"),
                let mark = xml.range(of: "<w:showingPlcHdr/>", range: tag.upperBound..<xml.endIndex)
            {
                xml.removeSubrange(mark)
                if let open = xml.range(of: "<w:sdtContent>", range: tag.lowerBound..<xml.endIndex),
                    let close = xml.range(of: "</w:sdtContent>", range: open.upperBound..<xml.endIndex)
                {
                    xml.replaceSubrange(open.upperBound..<close.lowerBound, with: content)
                }
            }
            return document?(xml) ?? xml
        }
        return DocumentFormReader.read(edited, file: "so-tu-phap.nhap.docx", outline: outline)
    }

    func text(_ reading: FormReading) -> String? {
        guard case .text(let text) = reading.submission?.sections["boi-canh"] else { return nil }
        return text
    }

    func printed(_ reading: FormReading) -> [String] { reading.diagnostics.map(\.description) }

    /// Whether a warning saying `words` is located at the section's paragraph `paragraph`.
    func warned(_ reading: FormReading, paragraph: Int, _ words: String) -> Bool {
        printed(reading).contains { $0.hasPrefix("\(Self.place), đoạn \(paragraph): cảnh báo: ") && $0.contains(words) }
    }

    @Test("chữ bị tách giữa từ bởi w:proofErr và w:bookmarkStart/End vẫn là một từ")
    func splitRuns() throws {
        // Word marks a misspelling with proofErr and keeps a bookmark between the runs of one word.
        let reading = try read(
            boiCanh: """
                <w:p><w:r><w:t>Sở đã ban hà</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>\
                <w:r><w:t>nh kế</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:r><w:t xml:space="preserve"> hoạch.</w:t></w:r></w:p>
                """)
        #expect(text(reading) == "Sở đã ban hành kế hoạch.", "\(reading.yaml)")
    }

    @Test("w:smartTag và w:customXml bọc các đoạn chữ: chữ bên trong được giữ")
    func wrappers() throws {
        // Word 2003–2007 wrapped recognised words (dates, places) in smart tags; customXml wraps
        // runs or whole paragraphs tagged with a schema.
        let reading = try read(
            boiCanh: """
                <w:customXml w:element="doan"><w:p><w:r><w:t xml:space="preserve">Ngày </w:t></w:r><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">\
                <w:r><w:t>24/4</w:t></w:r></w:smartTag><w:customXml w:element="noi"><w:r><w:t xml:space="preserve"> tại Thanh Hóa.</w:t></w:r></w:customXml></w:p></w:customXml>
                """)
        #expect(text(reading) == "Ngày 24/4 tại Thanh Hóa.", "\(reading.yaml)")
    }

    @Test("trường (w:fldSimple, w:fldChar với w:instrText): giữ kết quả, bỏ câu lệnh")
    func fields() throws {
        // A page number as a simple field; a date as a complex field (begin, instruction,
        // separate, result, end), as Insert → Date and Time with "update automatically" writes.
        let reading = try read(
            boiCanh: """
                <w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>3</w:t></w:r></w:fldSimple>\
                <w:r><w:t xml:space="preserve">, ngày </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r>\
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>24/04/2020</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
                """)
        #expect(text(reading) == "Trang 3, ngày 24/04/2020.", "\(reading.yaml)")
    }

    @Test("vùng nhận xét (w:commentRangeStart/End, w:commentReference) bị bỏ qua")
    func comments() throws {
        // A reviewer's comment: the range marks and the reference run carry no text of the report.
        let reading = try read(
            boiCanh: """
                <w:p><w:commentRangeStart w:id="1"/><w:r><w:t>Đã rà soát.</w:t></w:r><w:commentRangeEnd w:id="1"/>\
                <w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="1"/></w:r></w:p>
                """)
        #expect(text(reading) == "Đã rà soát.", "\(reading.yaml)")
        #expect(reading.diagnostics.filter { $0.severity == .warning && $0.description.hasPrefix(Self.place) }.isEmpty)
    }

    @Test("thay đổi được theo dõi (w:ins, w:del với w:delText, w:moveFrom/w:moveTo) đọc như đã chấp nhận, có cảnh báo ở đúng đoạn")
    func trackedChanges() throws {
        // Review → Track Changes: an insertion, a deletion, and a sentence moved from the first
        // paragraph to the second (its old place in moveFrom, its new one in moveTo).
        let reading = try read(
            boiCanh: """
                <w:p><w:r><w:t xml:space="preserve">Sở </w:t></w:r><w:ins w:id="1" w:author="A" w:date="2020-04-20T00:00:00Z"><w:r><w:t xml:space="preserve">đã </w:t></w:r></w:ins>\
                <w:del w:id="2" w:author="A" w:date="2020-04-20T00:00:00Z"><w:r><w:delText xml:space="preserve">chưa </w:delText></w:r></w:del><w:r><w:t>ban hành.</w:t></w:r>\
                <w:moveFromRangeStart w:id="3" w:name="move1"/><w:moveFrom w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> Câu chuyển.</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="3"/></w:p>\
                <w:p><w:r><w:t>Đoạn hai.</w:t></w:r><w:moveToRangeStart w:id="5" w:name="move1"/><w:moveTo w:id="6" w:author="A"><w:r><w:t xml:space="preserve"> Câu chuyển.</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="5"/></w:p>
                """)
        #expect(text(reading) == "Sở đã ban hành.\n\nĐoạn hai. Câu chuyển.", "\(reading.yaml)")
        #expect(warned(reading, paragraph: 1, "Track Changes"), "\(printed(reading))")
        #expect(warned(reading, paragraph: 2, "Track Changes"), "\(printed(reading))")
    }

    @Test("w:showingPlcHdr: ô nội dung còn chữ giữ chỗ được đọc là trống, kể cả ô lồng trong đoạn")
    func placeholders() throws {
        // The section's control still showing its placeholder, whatever the placeholder says.
        let untouched = try read { xml in
            xml.replacingOccurrences(of: "Nêu khái quát đặc điểm", with: "Chữ mẫu bất kỳ")
        }
        #expect(untouched.submission?.sections["boi-canh"] == nil, "\(untouched.yaml)")
        // An inline plain-text control the writer inserted in a paragraph, never filled.
        let inline = try read(
            boiCanh: """
                <w:p><w:r><w:t xml:space="preserve">Kết quả: </w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr>\
                <w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Bấm để nhập chữ.</w:t></w:r></w:sdtContent></w:sdt></w:p>
                """)
        #expect(text(inline) == "Kết quả:", "\(inline.yaml)")
    }

    @Test("w:hyperlink giữ chữ; w:br, w:tab, w:noBreakHyphen, w:sym; ngắt trang và điểm dừng tab trong w:pPr không thành chữ")
    func specialCharacters() throws {
        // A link to a portal; Shift+Enter (br); Tab; Ctrl+Shift+- (non-breaking hyphen); Insert →
        // Symbol of a Unicode character (≥) and of a Wingdings glyph; a page break (Ctrl+Enter);
        // a paragraph with tab stops defined in its properties, as heading styles have.
        let reading = try read(
            boiCanh: """
                <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">Xem </w:t></w:r>\
                <w:hyperlink r:id="rId9" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>cổng dịch vụ công</w:t></w:r></w:hyperlink>\
                <w:r><w:t>.</w:t><w:br/><w:t>Dòng hai</w:t><w:tab/><w:t>cột; mã 01</w:t><w:noBreakHyphen/><w:t>BC</w:t></w:r>\
                <w:r><w:t xml:space="preserve"> tỷ lệ </w:t><w:sym w:font="Cambria Math" w:char="2265"/><w:t xml:space="preserve"> 90%</w:t></w:r>\
                <w:r><w:br w:type="page"/></w:r></w:p>\
                <w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t xml:space="preserve"> Đã xong.</w:t></w:r></w:p>
                """)
        #expect(text(reading) == "Xem cổng dịch vụ công.\\\nDòng hai cột; mã 01-BC tỷ lệ ≥ 90%\n\nĐã xong.", "\(reading.yaml)")
        #expect(warned(reading, paragraph: 2, "một ký hiệu của phông Wingdings"), "\(printed(reading))")
    }

    @Test("đậm và nghiêng: w:b là bật, w:b w:val=\"0\" hay \"false\" là tắt")
    func emphasis() throws {
        // Word writes <w:b w:val="0"/> where a run turns off the bold its style gives.
        let reading = try read(
            boiCanh: """
                <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Đậm</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> thường</w:t></w:r>\
                <w:r><w:rPr><w:b w:val="false"/><w:i w:val="1"/></w:rPr><w:t xml:space="preserve"> nghiêng</w:t></w:r><w:r><w:rPr><w:i w:val="off"/></w:rPr><w:t>.</w:t></w:r></w:p>
                """)
        #expect(text(reading) == "**Đậm** thường *nghiêng*.", "\(reading.yaml)")
    }

    @Test("đoạn danh sách đánh số và gạch đầu dòng (w:numPr) thành danh sách Markdown")
    func lists() throws {
        // Home → Bullets and Numbering: numId 1 is the form's bullet list; numId 0 means none.
        let reading = try read(
            boiCanh: """
                <w:p><w:r><w:t>Gồm:</w:t></w:r></w:p>\
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>một</w:t></w:r></w:p>\
                <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>một a</w:t></w:r></w:p>\
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Không còn danh sách.</w:t></w:r></w:p>
                """)
        #expect(text(reading) == "Gồm:\n\n- một\n  - một a\n\nKhông còn danh sách.", "\(reading.yaml)")
    }

    @Test("ô nội dung lồng trong ô của mục (w:sdt trong w:sdt) vẫn thuộc mục")
    func nestedControls() throws {
        // A writer (or a building block) puts a rich-text block control of its own inside the
        // section's control, with its own tag.
        let reading = try read(
            boiCanh: """
                <w:p><w:r><w:t>Trước.</w:t></w:r></w:p><w:sdt><w:sdtPr><w:tag w:val="cua-toi"/><w:richText/></w:sdtPr><w:sdtContent>\
                <w:p><w:r><w:t>Bên trong.</w:t></w:r></w:p></w:sdtContent></w:sdt><w:p><w:r><w:t>Sau.</w:t></w:r></w:p>
                """)
        #expect(text(reading) == "Trước.\n\nBên trong.\n\nSau.", "\(reading.yaml)")
    }

    @Test("bảng, hình, hộp văn bản, chú thích cuối trang trong mục: cảnh báo ở đúng đoạn, không bao giờ mất lặng lẽ")
    func leftOut() throws {
        // A table at the end of the control (Word keeps an empty paragraph after it); a picture
        // alone in its paragraph (drawing inside mc:AlternateContent, its VML fallback read once);
        // a text box; a footnote reference.
        let reading = try read(
            boiCanh: """
                <w:p><w:r><w:t>Đoạn một</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>\
                <w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps">\
                <w:drawing/></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r></w:p>\
                <w:p><w:r><w:t>Đoạn hai</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>\
                <w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô bảng</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>
                """)
        #expect(text(reading) == "Đoạn một\n\nĐoạn hai", "\(reading.yaml)")
        #expect(warned(reading, paragraph: 1, "một chú thích cuối trang"), "\(printed(reading))")
        #expect(warned(reading, paragraph: 2, "một hình"), "\(printed(reading))")
        #expect(warned(reading, paragraph: 2, "một hộp văn bản"), "\(printed(reading))")
        #expect(warned(reading, paragraph: 3, "một bảng"), "\(printed(reading))")
        // The picture's fallback copy for older programs is not a second picture.
        #expect(!printed(reading).contains { $0.contains("một hình, một hình") }, "\(printed(reading))")
    }

    @Test("ô nội dung của mục bị xóa (LibreOffice): tìm mục theo tiêu đề, có cảnh báo")
    func controlDeleted() throws {
        // LibreOffice 7.4 writes the section's paragraphs without the block w:sdt around them.
        let reading = try read { xml in
            guard let tag = xml.range(of: "<w:tag w:val=\"boi-canh\"/>"),
                let start = xml.range(of: "<w:sdt>", options: .backwards, range: xml.startIndex..<tag.lowerBound),
                let end = xml.range(of: "</w:sdt>", range: tag.upperBound..<xml.endIndex)
            else { return xml }
            var out = xml
            out.replaceSubrange(start.lowerBound..<end.upperBound, with: "<w:p><w:r><w:t>Viết sau tiêu đề.</w:t></w:r></w:p>")
            return out
        }
        #expect(text(reading) == "Viết sau tiêu đề.", "\(reading.yaml)")
        #expect(
            printed(reading).contains {
                $0.hasPrefix(Self.place) && $0.contains("cảnh báo: ô nội dung (content control) của mục này không còn")
            },
            "\(printed(reading))")
    }
}
