import Foundation
import Testing
import TongketTestSupport

@testable import TongketDocument
@testable import TongketKit

@Suite("PDF: hoàn thiện tệp của chương trình in (thông tin, ngày, mã tệp, mục lục)")
struct PDFFinisherTests {
    let info = PDFDocumentInfo(
        title: "Tổng kết thực hiện Chương trình cải cách hành chính", author: "Sở Tư pháp", subject: "Báo cáo tổng kết – Sở Tư pháp",
        keywords: ["Báo cáo tổng kết", "Thanh Hóa, 2011 - 2020"], year: 2020, month: 4, day: 24)

    func finish(_ pdf: Data, bookmarks: [PDFBookmarkTitle] = []) throws -> Data {
        try PDFFinisher.finish(pdf, info: info, bookmarks: bookmarks)
    }

    func contains(_ data: Data, _ text: String) -> Bool { data.range(of: Data(text.utf8)) != nil }

    /// Where `text` stands in `data`, every time.
    func ranges(of text: String, in data: Data) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start = data.startIndex
        while let range = data.range(of: Data(text.utf8), in: start..<data.endIndex) {
            found.append(range)
            start = range.upperBound
        }
        return found
    }

    @Test("giữ nguyên mọi byte của chương trình in trừ ngày chạy; phần cập nhật thêm vào cuối đọc được")
    func keepsTheEnginesBytes() throws {
        let original = MinimalPDF.make()
        let finished = try finish(original)
        let prefix = finished.prefix(original.count)
        let changed = zip(prefix, original).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        let dates = ranges(of: "D:20261202043559+00'00'", in: original)
        #expect(dates.count == 2)
        #expect(!changed.isEmpty && changed.allSatisfy { offset in dates.contains { $0.contains(offset) } })
        #expect(contains(prefix, "/CreationDate (D:20200424000000+07'00')"))
        #expect(contains(finished, "/Creator (tongket)"))
        #expect(contains(finished, "/Producer (Engine/PDF)"))
        #expect(PDFDocumentInfo.isGenerated(finished))
        #expect(!PDFDocumentInfo.isGenerated(original))
        #expect(ReportRenderer.isGenerated([UInt8](finished)))
        let file = try PDFFile([UInt8](finished))
        #expect(file.trailer.integer("Prev") != nil)
        #expect(file.trailer.reference("Info")?.number == 10)
        let stored = try file.dictionary(10)
        #expect(stored["Title"].flatMap(PDFText.decode) == info.title)
        #expect(stored["Author"].flatMap(PDFText.decode) == "Sở Tư pháp")
        #expect(stored["Keywords"].flatMap(PDFText.decode) == "Báo cáo tổng kết; Thanh Hóa, 2011 - 2020")
    }

    @Test(
        "pdfinfo đọc đúng thông tin tiếng Việt, qpdf --check không thấy lỗi",
        .enabled(
            if: ExternalTool.poppler && ExternalTool.qpdf, "poppler-utils hoặc qpdf chưa cài được (scripts/setup --test-tools); bỏ qua"))
    func toolsReadTheUpdate() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("a.pdf")
        try finish(MinimalPDF.make(), bookmarks: [PDFBookmarkTitle(heading: "Kết quả cải cách hành chính", title: "Phần I. Kết quả")])
            .write(to: url)
        let report = PDFReport(url)
        #expect(report.info["Title"] == info.title)
        #expect(report.info["Author"] == "Sở Tư pháp")
        #expect(report.info["Subject"] == "Báo cáo tổng kết – Sở Tư pháp")
        #expect(report.info["Creator"] == "tongket")
        let check = ExternalTool.run(["qpdf", "--check", url.path])
        #expect(check.status == 0, "\(check.output)")
        #expect(report.bookmarks == ["Phần I. Kết quả", "  I. Bối cảnh"])
    }

    @Test("cùng một báo cáo in vào hai lúc khác nhau cho cùng từng byte")
    func runDatesDoNotMatter() throws {
        let a = try finish(MinimalPDF.make(date: "D:20261202043559+00'00'"))
        let b = try finish(MinimalPDF.make(date: "D:20270101235959+00'00'"))
        #expect(a == b)
        #expect(!contains(a, "2026"))
    }

    @Test("/ID và /DocChecksum của LibreOffice được thay tại chỗ bằng chữ số lấy từ nội dung; /ID mới giữ mã gốc")
    func identifiersFromContent() throws {
        func libreOffice(_ id: String, _ checksum: String) -> Data {
            MinimalPDF.make(date: "D:20261202044224Z'", trailerExtra: "\n/ID [ <\(id)>\n<\(id)> ]\n/DocChecksum /\(checksum)\n")
        }
        let first = libreOffice(String(repeating: "9A", count: 16), String(repeating: "F1", count: 16))
        let second = libreOffice(String(repeating: "0B", count: 16), String(repeating: "3C", count: 16))
        let a = try finish(first)
        let b = try finish(second)
        #expect(a == b)
        #expect(!contains(a, String(repeating: "9A", count: 16)))
        let file = try PDFFile([UInt8](a))
        let ids = String(decoding: file.trailer["ID"] ?? [], as: UTF8.self)
        let inPlace = try PDFFile([UInt8](a.prefix(first.count)))
        let oldIDs = String(decoding: inPlace.trailer["ID"] ?? [], as: UTF8.self)
        #expect(ids.hasPrefix("[" + (oldIDs.split(separator: "\n").first?.dropFirst(2) ?? "")), "\(ids) / \(oldIDs)")
        #expect(a.prefix(first.count).count == first.count)
    }

    @Test("mục lục gốc /Lang (vi) thì không phát hành lại; thiếu thì thêm, giữ mọi mục khác")
    func catalogLanguage() throws {
        let kept = try finish(MinimalPDF.make(language: "vi"))
        #expect(!contains(kept.suffix(from: MinimalPDF.make(language: "vi").count), "/Type /Catalog"))
        let original = MinimalPDF.make(language: "vi-VN")
        let added = try finish(original)
        let update = String(decoding: added.suffix(from: original.count), as: UTF8.self)
        #expect(
            update.contains(
                "2 0 obj\n<</Type /Catalog\n/Pages 3 0 R\n/Outlines 6 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\n/Lang (vi)>>"))
        let none = MinimalPDF.make(language: nil)
        #expect(String(decoding: try finish(none).suffix(from: none.count), as: UTF8.self).contains("/Lang (vi)>>"))
    }

    @Test("mục lục (bookmark): trả lại dấu cách Chromium bỏ khi đề mục xuống dòng, thêm nhãn Phần; mục không khớp để nguyên")
    func bookmarksRetitled() throws {
        let original = MinimalPDF.make(bookmarks: ["KẾT QUẢ CẢI CÁCH HÀNHCHÍNH", "I. Bối cảnh", "Đề mục trong bài viết", "II. Côngtác"])
        let finished = try finish(
            original,
            bookmarks: [
                PDFBookmarkTitle(heading: "KẾT QUẢ CẢI CÁCH HÀNH CHÍNH", title: "Phần I. KẾT QUẢ CẢI CÁCH HÀNH CHÍNH"),
                PDFBookmarkTitle(heading: "I. Bối cảnh", title: "I. Bối cảnh"),
                PDFBookmarkTitle(heading: "II. Công tác", title: "II. Công tác"),
            ])
        let update = String(decoding: finished.suffix(from: original.count), as: UTF8.self)
        #expect(update.contains("7 0 obj\n<</Title \(MinimalPDF.hex("Phần I. KẾT QUẢ CẢI CÁCH HÀNH CHÍNH"))"))
        #expect(update.contains("11 0 obj\n<</Title \(MinimalPDF.hex("II. Công tác"))"))
        // Unchanged titles and the heading the page alone has are not issued again.
        #expect(!update.contains("\n9 0 obj"))
        #expect(!update.contains("\n10 0 obj"))
    }

    @Test("bảng tham chiếu chéo dạng luồng bị từ chối với lời giải thích, không đoán")
    func crossReferenceStreamRefused() throws {
        let text = "%PDF-1.5\n1 0 obj\n<</Type /XRef /Size 2 /W [1 2 1] /Length 0>> stream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n"
        do {
            _ = try PDFFinisher.finish(Data(text.utf8), info: info, bookmarks: [])
            Issue.record("một bảng tham chiếu dạng luồng phải bị từ chối")
        } catch {
            #expect(error.message.contains("xref stream"))
        }
        #expect(throws: PDFStructureError.self) { try finish(Data("không phải PDF".utf8)) }
    }

    @Test("phông: cảnh báo khi không có Times New Roman, nêu phông thay thế")
    func fontWarning() {
        #expect(PDFPrinter.fontWarning(["TimesNewRomanPS-BoldMT", "TimesNewRomanPSMT"]) == nil)
        #expect(PDFPrinter.fontWarning(["LiberationSerif", "LiberationSerif-Bold"])?.contains("Liberation Serif") == true)
        #expect(PDFPrinter.fontWarning(["DejaVuSerif"])?.contains("DejaVuSerif") == true)
        #expect(PDFFonts.names(in: MinimalPDF.make()) == ["LiberationSerif"])
    }
}
