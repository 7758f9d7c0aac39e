import Foundation
import Testing
import TongketForms
import TongketKit
import TongketTestSupport

/// Every bundled example survives the forms: its YAML copied into the unit's blank Word form and
/// workbook (python-docx, openpyxl), read back, is the same submission — every text, figure,
/// commendation and header field.
@Suite("Ví dụ đi kèm qua biểu mẫu Word và Excel rồi đọc lại")
struct FormRoundTripTests {
    static let examples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.examples.path)) ?? []
        // The drafting body's own text (tong-hop.yaml) is no unit's report and has no forms.
        return names.filter { name in
            guard name.hasSuffix(".yaml") else { return false }
            let text = (try? String(contentsOf: Fixtures.examples.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return !text.contains("\ntong_hop:")
        }.sorted()
    }()

    /// The example's submission and its forms filled from it, in a fresh folder.
    func filled(_ name: String) throws -> (original: Submission, word: URL, excel: URL, folder: URL) {
        try #require(ExternalTool.pythonDocx && ExternalTool.openpyxl, "python-docx hoặc openpyxl chưa cài được; bỏ qua")
        let outline = try Fixtures.outline()
        let source = Fixtures.examples.appendingPathComponent(name)
        let original = try #require(SubmissionLoader.load(contentsOf: source, outline: outline).submission)
        let unit = try #require(outline.unit(original.unitID))
        let folder = try Fixtures.temporaryDirectory()
        let blankWord = folder.appendingPathComponent("trang.docx")
        let blankExcel = folder.appendingPathComponent("trang.xlsx")
        try DocumentFormWriter.data(for: unit, outline: outline).write(to: blankWord)
        try WorkbookFormWriter.data(for: unit, outline: outline).write(to: blankExcel)
        let word = folder.appendingPathComponent("\(unit.id).nhap.docx")
        let excel = folder.appendingPathComponent("\(unit.id).bieu.xlsx")
        let run = try ExternalTool.python(FormFillers.fromYAML, [source.path, blankWord.path, word.path, blankExcel.path, excel.path])
        try #require(run.status == 0, "\(run.output)")
        return (original, word, excel, folder)
    }

    @Test("YAML → biểu mẫu đã điền → đọc lại → cùng bản báo cáo", arguments: examples)
    func roundTrip(_ name: String) throws {
        let outline = try Fixtures.outline()
        let (original, word, excel, _) = try filled(name)
        let units = FormSubmission.load([word.path, excel.path], outline: outline)
        try #require(units.count == 1)
        let read = try #require(units[0].loaded.submission, "\(units[0].loaded.diagnostics.map(\.description))")
        #expect(!units[0].loaded.diagnostics.hasErrors(), "\(units[0].loaded.diagnostics.map(\.description))")
        #expect(read.unitID == original.unitID)
        #expect(read.report.number == original.report.number && read.report.date == original.report.date)
        #expect(read.signer.authority ?? "" == original.signer.authority ?? "" && read.signer.name == original.signer.name)
        #expect(read.signer.title == original.signer.title)
        #expect(read.thematic?.report.date == original.thematic?.report.date)
        #expect(read.recipients == original.recipients)
        #expect(read.sections == original.sections, "\(units[0].yaml)")
        #expect(read.thematic?.sections == original.thematic?.sections)
        #expect(read.thematic?.report.number == original.thematic?.report.number)
        #expect(read.figures == original.figures)
        #expect(read.commendations == original.commendations)
    }

    /// Without emphasis markers: LibreOffice 7.4 drops the bold and italic of the first paragraph
    /// of each content control on saving (see DocumentFormTests), never a word.
    static func plain(_ sections: [String: SectionContent]?) -> [String: SectionContent] {
        (sections ?? [:]).mapValues {
            switch $0 {
            case .text(let text): return .text(text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: ""))
            case .list(let items):
                return .list(items.map { $0.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "") })
            }
        }
    }

    @Test("YAML → biểu mẫu đã điền → LibreOffice lưu lại → đọc lại → cùng bản báo cáo", arguments: examples)
    func roundTripThroughLibreOffice(_ name: String) throws {
        try #require(ExternalTool.libreOffice, "LibreOffice chưa cài được (scripts/setup --test-tools); bỏ qua")
        let outline = try Fixtures.outline()
        let (original, word, excel, folder) = try filled(name)
        let (savedWord, wordLog) = ExternalTool.libreOfficeResave(word, as: "docx", into: folder)
        let (savedExcel, excelLog) = ExternalTool.libreOfficeResave(excel, as: "xlsx", into: folder)
        let files = [try #require(savedWord, "\(wordLog)").path, try #require(savedExcel, "\(excelLog)").path]
        let units = FormSubmission.load(files, outline: outline)
        try #require(units.count == 1)
        let read = try #require(units[0].loaded.submission, "\(units[0].loaded.diagnostics.map(\.description))")
        #expect(!units[0].loaded.diagnostics.hasErrors(), "\(units[0].loaded.diagnostics.map(\.description))")
        #expect(read.report.number == original.report.number && read.report.date == original.report.date)
        #expect(read.signer.name == original.signer.name && read.signer.title == original.signer.title)
        #expect((read.signer.authority ?? "") == (original.signer.authority ?? ""))
        #expect(read.recipients == original.recipients)
        #expect(read.thematic?.report == original.thematic?.report)
        #expect(Self.plain(read.sections) == Self.plain(original.sections), "\(units[0].yaml)")
        #expect(Self.plain(read.thematic?.sections) == Self.plain(original.thematic?.sections))
        #expect(read.figures == original.figures)
        #expect(read.commendations == original.commendations)
    }
}
