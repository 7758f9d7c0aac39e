import Foundation
import Testing
import TongketForms
import TongketKit
import TongketTestSupport

/// tongket's own filler: a YAML submission written into the unit's Word form and workbook
/// (`filledFrom:`), read back, is the same submission — every text, figure, commendation and
/// header field — and a filled form is still the form (same tags and names, a reader's checks).
@Suite("Biểu mẫu điền sẵn từ tệp YAML")
struct FormFillingTests {
    @Test("YAML → tongket điền biểu mẫu → đọc lại → cùng bản báo cáo", arguments: FormRoundTripTests.examples)
    func roundTrip(_ name: String) throws {
        let outline = try Fixtures.outline()
        let source = Fixtures.examples.appendingPathComponent(name)
        let original = try #require(SubmissionLoader.load(contentsOf: source, outline: outline).submission)
        let unit = try #require(outline.unit(original.unitID))
        let folder = try Fixtures.temporaryDirectory()
        let word = folder.appendingPathComponent(DocumentFormWriter.fileName(for: unit))
        let excel = folder.appendingPathComponent(WorkbookFormWriter.fileName(for: unit))
        try DocumentFormWriter.data(for: unit, outline: outline, filledFrom: original).write(to: word)
        try WorkbookFormWriter.data(for: unit, outline: outline, filledFrom: original).write(to: excel)
        let units = FormSubmission.load([word.path, excel.path], outline: outline)
        try #require(units.count == 1)
        let read = try #require(units[0].loaded.submission, "\(units[0].loaded.diagnostics.map(\.description))")
        #expect(!units[0].loaded.diagnostics.hasErrors(), "\(units[0].loaded.diagnostics.map(\.description))")
        #expect(read.unitID == original.unitID)
        #expect(read.report.number == original.report.number && read.report.date == original.report.date)
        #expect((read.signer.authority ?? "") == (original.signer.authority ?? ""))
        #expect(read.signer.title == original.signer.title && read.signer.name == original.signer.name)
        #expect(read.recipients == original.recipients)
        #expect(read.sections == original.sections, "\(units[0].yaml)")
        #expect(read.thematic?.sections == original.thematic?.sections)
        #expect(read.thematic?.report == original.thematic?.report)
        #expect(read.figures == original.figures)
        #expect(read.commendations == original.commendations)
    }

    @Test("biểu mẫu điền sẵn vẫn là biểu mẫu: không còn chữ giữ chỗ ở ô đã điền, ngày có w:fullDate, số nằm ở ô có tên")
    func stillTheForm() throws {
        let outline = try Fixtures.outline()
        let source = Fixtures.examples.appendingPathComponent("so-tu-phap.yaml")
        let original = try #require(SubmissionLoader.load(contentsOf: source, outline: outline).submission)
        let unit = try #require(outline.unit("so-tu-phap"))
        let word = try DocumentFormWriter.data(for: unit, outline: outline, filledFrom: original)
        let document = try DOCXFile.part("word/document.xml", of: word)
        #expect(document.contains("<w:tag w:val=\"boi-canh\"/><w:lock w:val=\"sdtLocked\"/></w:sdtPr>"))
        #expect(document.contains("<w:date w:fullDate=\"2020-04-24T00:00:00Z\">"))
        // Unfilled, the same function gives the blank form byte for byte.
        #expect(
            try DocumentFormWriter.data(for: unit, outline: outline, filledFrom: nil)
                == DocumentFormWriter.data(for: unit, outline: outline))
        #expect(
            try WorkbookFormWriter.data(for: unit, outline: outline, filledFrom: nil)
                == WorkbookFormWriter.data(for: unit, outline: outline))
    }
}
