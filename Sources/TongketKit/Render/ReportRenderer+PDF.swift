import Foundation
import TongketCore
import TongketDocument

extension ReportRenderer {
    /// A job for the report when PDF is among `formats`.
    func pdfJob(_ formats: [DocumentFormat]) throws(RenderError) -> PDFJob? {
        guard formats.contains(.pdf) else { return nil }
        guard let printer else {
            throw RenderError(message: "tongket: lỗi: PDF được yêu cầu nhưng chưa chọn chương trình làm PDF (ReportRenderer.printer)")
        }
        do {
            return try printer.job()
        } catch {
            throw RenderError(pdf: error)
        }
    }

    /// Prints and finishes the job's PDF.
    func finishPDF(_ job: PDFJob, info: PDFDocumentInfo) throws(RenderError) -> Data {
        do {
            return try job.finish(info: info)
        } catch {
            throw RenderError(pdf: error)
        }
    }

    /// A step that writes a file, its failure an output's.
    func pdfStep(_ step: () throws(FileError) -> Void) throws(RenderError) {
        do {
            try step()
        } catch {
            throw RenderError(message: error.description, output: error)
        }
    }

    /// `given` with the HTML page (and, for LibreOffice, the Word document) also going to `job`;
    /// a format nobody asked for is rendered for the job alone, the Word body waiting in the job's
    /// folder rather than in memory.
    func feeding(_ given: ReportSinks, to job: PDFJob) -> ReportSinks {
        var sinks = given
        let html = given.text[.html]
        let readsHTML = job.source == .html
        sinks.text[.html] = { bytes in
            try html?(bytes)
            job.readHTML(String(decoding: bytes, as: UTF8.self))
            if readsHTML { try job.writeSource(Data(bytes)) }
        }
        if job.source == .docx {
            let docx = given.docx
            sinks.docx = DOCXSink(spillDirectory: docx?.spillDirectory ?? job.workingFolder) { data throws(FileError) in
                try docx?.write(data)
                try job.writeSource(data)
            }
        }
        return sinks
    }

    /// What the PDF says about a report titled `title` ("Báo cáo tổng kết – Sở Tư pháp"): its
    /// summary line as the title, the issuing body as the author, the report's date.
    func documentInfo(title: String, summary: String, author: String, date: SimpleDate) -> PDFDocumentInfo {
        let programme = outline.programme
        let kind = title.components(separatedBy: " – ").first ?? title
        var keywords: [String] = []
        for word in [kind, programme.title, programme.province, "\(programme.firstYear) - \(programme.lastYear)", author]
        where !word.isEmpty && !keywords.contains(word) {
            keywords.append(word)
        }
        return PDFDocumentInfo(
            title: summary, author: author, subject: title, keywords: keywords, year: date.year, month: date.month, day: date.day)
    }
}
