import Foundation
import TongketCore

/// One reading of one Word form: its properties, its paragraphs and the YAML being built.
struct DocumentReading {
    let file: String
    let outline: Outline
    private var yaml = FormYAML()
    private var diagnostics: [Diagnostic] = []
    private var hints: [String: String] = [:]
    /// The outline's fingerprint, when computed once for many forms.
    var fingerprint: String?
    /// Whether the YAML read is checked here; forms read in pairs are checked once, merged.
    var checking = true

    init(file: String, outline: Outline) {
        self.file = file
        self.outline = outline
    }

    private func note(_ severity: Severity, _ kind: DiagnosticKind, _ message: String, place: String) -> Diagnostic {
        Diagnostic(severity, kind, at: SourceLocation(file: file, line: max(yaml.lines.count, 1), column: 1, place: place), message)
    }

    mutating func run(_ data: Data) throws(Diagnostic) -> FormReading {
        let package = try OfficePackage(data, file: file, kind: .document)
        let properties = try CustomProperties(package: package).values
        let prefix = DocumentFormParts.factPrefix
        let facts = FormFacts(
            programme: properties[prefix + "chuong_trinh"], unit: properties[prefix + "don_vi"],
            outlineVersion: properties[prefix + "phien_ban_de_cuong"], formVersion: properties[prefix + "phien_ban_mau"])
        let unit = try facts.check(
            against: outline, current: fingerprint, expectedFormVersion: DocumentFormWriter.formVersion, file: file,
            notOurs:
                "không phải tệp Word do tongket tạo (thiếu thuộc tính tài liệu \(prefix)don_vi, \(prefix)chuong_trinh); hãy viết vào tệp do 'tongket skeleton --unit MÃ' tạo"
        )
        let body = try WordBody(package: package)
        let numbering = try WordNumbering(package: package)
        let sections = FormSection.all(for: unit, outline: outline)
        hints = DocumentFormWriter.hints(for: unit, outline: outline)
        yaml.append("\(SubmissionLoader.Key.unit): \(unit.id)")
        header(
            body, keys: [("bao_cao.so", "so", "Số, ký hiệu"), ("bao_cao.ngay", "ngay", "Ngày ký")], under: SubmissionLoader.Key.report,
            indent: "")
        header(
            body,
            keys: [
                ("nguoi_ky.quyen_han", "quyen_han", "Quyền hạn ký"), ("nguoi_ky.chuc_vu", "chuc_vu", "Chức vụ"),
                ("nguoi_ky.ho_ten", "ho_ten", "Họ và tên"),
            ],
            under: SubmissionLoader.Key.signer, indent: "")
        recipients(body)
        let contents = gather(body, sections: sections)
        yaml.append("\(SubmissionLoader.Key.sections):", place: "nội dung báo cáo")
        for section in sections where !section.thematic && !section.section.isGroup {
            write(section, contents[section.tag] ?? [], indent: "  ", numbering: numbering)
        }
        if sections.contains(where: \.thematic) {
            yaml.append("\(SubmissionLoader.Key.thematic):", place: "báo cáo chuyên đề")
            header(
                body, keys: [("chuyen_de.so", "so", "Số, ký hiệu của chuyên đề"), ("chuyen_de.ngay", "ngay", "Ngày ký chuyên đề")],
                under: nil, indent: "  ")
            yaml.append("  \(SubmissionLoader.Key.sections):", place: "báo cáo chuyên đề")
            for section in sections where section.thematic && !section.section.isGroup {
                write(section, contents[section.tag] ?? [], indent: "    ", numbering: numbering)
            }
        }
        let own = diagnostics
        let loaded =
            checking
            ? SubmissionLoader.load(Data(yaml.text.utf8), file: file, outline: outline)
            : LoadedSubmission(submission: nil, diagnostics: [])
        // Figures and commendations are the workbook's: their absence is not this file's problem.
        for diagnostic in loaded.diagnostics where diagnostic.kind != .missingFigures {
            var located = diagnostic
            let place = yaml.places[diagnostic.location.line]?.text ?? "phần đầu"
            located.location = SourceLocation(file: file, line: diagnostic.location.line, column: diagnostic.location.column, place: place)
            diagnostics.append(located)
        }
        var reading = FormReading(
            unitID: unit.id, yaml: yaml.text, diagnostics: diagnostics.sortedByLocation(), figures: [:], commendations: [],
            submission: loaded.submission)
        reading.places = yaml.places
        reading.lines = yaml.lines
        reading.tables = yaml.tables
        reading.readerDiagnostics = own
        return reading
    }

    // MARK: - Header fields

    private mutating func header(_ body: WordBody, keys: [(String, String, String)], under parent: String?, indent: String) {
        if let parent { yaml.append("\(indent)\(parent):", place: "phần đầu") }
        let inner = parent == nil ? indent : indent + "  "
        for (tag, key, name) in keys {
            let untagged = tag == "bao_cao.ngay" ? "date1" : tag == "chuyen_de.ngay" ? "date2" : name
            var value =
                (body.fields[tag] ?? body.fields[WordBody.aliasPrefix + name] ?? body.fields[WordBody.aliasPrefix + untagged] ?? nil) ?? ""
            if value == hints[tag] || value == DocumentFormWriter.earlierHints[tag] { value = "" }
            yaml.append("\(inner)\(key): \(YAMLText.quoted(value))", place: "ô \"\(name)\"")
        }
    }

    private mutating func recipients(_ body: WordBody) {
        let items = body.paragraphs.filter { $0.control == "noi_nhan" && !$0.placeholder }.map { WordMarkdown.item($0) }
            .filter { !$0.isEmpty }
        guard !items.isEmpty else { return }
        yaml.append("\(SubmissionLoader.Key.recipients):", place: "ô \"Nơi nhận\"")
        for item in items { yaml.append("  - \(YAMLText.quoted(item))", place: "ô \"Nơi nhận\"") }
    }

    // MARK: - Sections

    /// Each section's paragraphs by tag, numbered from 1 within it. A section whose control is
    /// gone (LibreOffice 7.4 does not keep block controls on saving) is found by its heading.
    private mutating func gather(_ body: WordBody, sections: [FormSection]) -> [String: [(Int, WordParagraph)]] {
        var result: [String: [(Int, WordParagraph)]] = [:]
        let guidance = Set(sections.map { $0.section.guidance.trimmedWhitespace() }.filter { !$0.isEmpty })
        // A paragraph's text is hashed (NFC-normalised, slow for Vietnamese) only when it is as
        // long as some guidance.
        let guidanceLengths = Set(guidance.map(\.utf8.count))
        func keep(_ paragraph: WordParagraph) -> Bool {
            let text = paragraph.text.trimmedWhitespace()
            // A placeholder, or its text left behind by a program that dropped the control.
            return !paragraph.placeholder && !text.isEmpty && !(guidanceLengths.contains(text.utf8.count) && guidance.contains(text))
        }
        let byTag = Dictionary(sections.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
        for paragraph in body.paragraphs {
            guard let tag = paragraph.controls.first(where: { byTag[$0] != nil }) else { continue }
            let count = result[tag]?.count ?? 0
            if result[tag] == nil { result[tag] = [] }
            if keep(paragraph) {
                result[tag, default: []].append((count + 1, paragraph))
            } else if !paragraph.placeholder, let section = byTag[tag] {
                // A paragraph with no text of its own (a picture alone, the empty paragraph Word
                // keeps after a table) still tells what was left out.
                leftOut(paragraph, place: FormPlace.paragraph(section: section.place, number: count + 1).text)
            }
        }
        let headings = Set(sections.flatMap { [$0.heading, $0.heading + " (không bắt buộc)"] } + ["Người ký", "Nơi nhận"])
        for section in sections where !section.section.isGroup && result[section.tag] == nil {
            let own = [section.heading, section.heading + " (không bắt buộc)"]
            // The thematic report repeats the report's headings: its sections are looked for after
            // its title.
            let start = section.thematic ? (body.paragraphs.firstIndex { $0.text.hasPrefix("BÁO CÁO CHUYÊN ĐỀ") } ?? 0) : 0
            guard
                let at = body.paragraphs[start...].firstIndex(where: {
                    $0.control == nil && own.contains($0.text.trimmedWhitespace())
                })
            else { continue }
            var found: [(Int, WordParagraph)] = []
            for paragraph in body.paragraphs[(at + 1)...] {
                let text = paragraph.text.trimmedWhitespace()
                if headings.contains(text) || text.hasPrefix("BÁO CÁO CHUYÊN ĐỀ") { break }
                if keep(paragraph) {
                    found.append((found.count + 1, paragraph))
                } else {
                    leftOut(paragraph, place: FormPlace.paragraph(section: section.place, number: found.count + 1).text)
                }
            }
            result[section.tag] = found
            if !found.isEmpty {
                diagnostics.append(
                    note(
                        .warning, .unknownSection,
                        "ô nội dung (content control) của mục này không còn (LibreOffice bỏ ô nội dung khi lưu), đã đọc các đoạn dưới tiêu đề của mục; hãy kiểm tra lại nội dung trong báo cáo",
                        place: section.place))
            }
        }
        return result
    }

    /// The warning for what a paragraph held that Markdown cannot (a table, a picture).
    private mutating func leftOut(_ paragraph: WordParagraph, place: String) {
        guard !paragraph.leftOut.isEmpty else { return }
        diagnostics.append(
            note(
                .warning, .wrongType,
                "có \(paragraph.leftOut.joined(separator: ", ")) không chuyển được vào nội dung báo cáo nên đã bỏ qua; số liệu hãy ghi vào biểu Excel (.bieu.xlsx), phần còn lại viết thành đoạn văn",
                place: place))
    }

    private mutating func write(_ section: FormSection, _ paragraphs: [(Int, WordParagraph)], indent: String, numbering: WordNumbering) {
        // Made once: every line of the section's YAML carries it.
        let sectionPlace = section.place
        for (number, paragraph) in paragraphs where !paragraph.leftOut.isEmpty || paragraph.revised {
            let place = FormPlace.paragraph(section: sectionPlace, number: number).text
            leftOut(paragraph, place: place)
            if paragraph.revised {
                diagnostics.append(
                    note(
                        .warning, .wrongType,
                        "có thay đổi được theo dõi (Track Changes), đã đọc như đã chấp nhận; hãy chấp nhận hoặc từ chối các thay đổi trước khi gửi",
                        place: place))
            }
        }
        guard !paragraphs.isEmpty else { return }
        let key = section.section.key
        switch section.section.kind {
        case .list:
            yaml.append("\(indent)\(key):", place: section.place)
            for (number, paragraph) in paragraphs {
                yaml.append(
                    "\(indent)  - \(YAMLText.quoted(WordMarkdown.item(paragraph)))", at: .paragraph(section: sectionPlace, number: number))
            }
        default:
            yaml.append("\(indent)\(key): |", place: section.place)
            for (number, markdown) in WordMarkdown.text(paragraphs.map { (number: $0.0, paragraph: $0.1) }, numbering: numbering) {
                let place = FormPlace.paragraph(section: sectionPlace, number: number)
                for line in markdown.lineFeedSeparated() { yaml.append(line.isEmpty ? "" : "\(indent)  \(line)", at: place) }
            }
        }
    }
}
