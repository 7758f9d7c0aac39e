import Foundation
import TongketCore

/// Reads a unit's filled `ID.bieu.xlsx` back: the hidden sheet's facts first (programme, outline
/// version, unit, form version — a form made for another is refused), then every figure by its
/// defined name and the commendation rows, into the equivalent YAML, which the submission
/// checker then checks as it checks any submission. Its diagnostics come back located at the
/// sheet and cell the writer typed in.
public enum WorkbookFormReader {
    /// Reads the workbook at `url`; `shownName` is how messages name it.
    public static func read(contentsOf url: URL, shownName: String, outline: Outline) -> FormReading {
        read(contentsOf: url, shownName: shownName, outline: outline, fingerprint: nil)
    }

    /// The same, with the outline's fingerprint computed once for many forms; without
    /// `checking`, the YAML read is not checked (its unit is, with a pair's merged YAML).
    package static func read(
        contentsOf url: URL, shownName: String, outline: Outline, fingerprint: String?, checking: Bool = true
    ) -> FormReading {
        do {
            return read(
                try InputFile.data(url, shownName: shownName, what: "biểu Excel (.xlsx)"), file: shownName, outline: outline,
                fingerprint: fingerprint, checking: checking)
        } catch {
            return .refused(error)
        }
    }

    /// Reads a workbook from bytes.
    public static func read(_ data: Data, file: String, outline: Outline) -> FormReading {
        read(data, file: file, outline: outline, fingerprint: nil)
    }

    static func read(_ data: Data, file: String, outline: Outline, fingerprint: String?, checking: Bool = true) -> FormReading {
        do {
            var reading = WorkbookReading(file: file, outline: outline)
            reading.fingerprint = fingerprint
            reading.checking = checking
            return try reading.run(data)
        } catch {
            return .refused(error)
        }
    }
}

/// One reading of one workbook: the package, its sheets as read so far and the YAML being built.
struct WorkbookReading {
    let file: String
    let outline: Outline
    var index: WorkbookIndex?
    private var strings = SharedStrings()
    private var sheets: [String: SheetCells] = [:]
    var yaml = FormYAML()
    var diagnostics: [Diagnostic] = []
    /// The outline's fingerprint, when computed once for many forms.
    var fingerprint: String?
    /// Whether the YAML read is checked here; forms read in pairs are checked once, merged.
    var checking = true
    private var package: OfficePackage?

    init(file: String, outline: Outline) {
        self.file = file
        self.outline = outline
    }

    func failure(_ kind: DiagnosticKind, _ message: String, place: String? = nil) -> Diagnostic {
        Diagnostic(.error, kind, at: SourceLocation(file: file, line: 1, column: 1, place: place), message)
    }

    mutating func run(_ data: Data) throws(Diagnostic) -> FormReading {
        let package = try OfficePackage(data, file: file, kind: .workbook)
        self.package = package
        let index = try WorkbookIndex(package: package)
        self.index = index
        strings = try SharedStrings(package: package, part: "xl/sharedStrings.xml")
        let unit = try checkFacts()
        yaml.append("\(SubmissionLoader.Key.unit): \(unit.id)")
        try readFigures(unit)
        try readCommendations()
        let own = diagnostics
        let loaded =
            checking
            ? SubmissionLoader.load(Data(yaml.text.utf8), file: file, outline: outline)
            : LoadedSubmission(submission: nil, diagnostics: [])
        // Only what the workbook holds is checked here: a problem on a line the workbook did not
        // fill (the report's number, its sections — the Word form's part) is not the workbook's.
        for diagnostic in loaded.diagnostics {
            guard var place = yaml.places[diagnostic.location.line]?.text else { continue }
            // A table left wholly empty is reported at its first row's line (the table's mapping
            // starts there); the sheet, not that row, is the place.
            if diagnostic.kind == .missingFigures, diagnostic.message.hasPrefix("Phụ lục"),
                let table = yaml.tables[diagnostic.location.line]
            {
                place = table
            }
            var located = diagnostic
            located.location = SourceLocation(file: file, line: diagnostic.location.line, column: diagnostic.location.column, place: place)
            diagnostics.append(located)
        }
        var reading = FormReading(
            unitID: unit.id, yaml: yaml.text, diagnostics: diagnostics.sortedByLocation(), figures: loaded.submission?.figures ?? [:],
            commendations: loaded.submission?.commendations ?? [], submission: loaded.submission)
        reading.places = yaml.places
        reading.lines = yaml.lines
        reading.tables = yaml.tables
        reading.readerDiagnostics = own
        return reading
    }

    // MARK: - The hidden sheet

    /// The unit the form is for, once programme, outline version and form version match.
    private mutating func checkFacts() throws(Diagnostic) -> ReportingUnit {
        let facts = FormFacts(
            programme: try fact(FormNames.programme), unit: try fact(FormNames.unit), outlineVersion: try fact(FormNames.outlineVersion),
            formVersion: try fact(FormNames.formVersion))
        return try facts.check(
            against: outline, current: fingerprint, expectedFormVersion: FormNames.workbookVersion, file: file,
            notOurs:
                "không phải biểu do tongket tạo (không có trang ẩn '\(WorkbookSheets.hiddenSheetName)' với các tên ô \(FormNames.unit), \(FormNames.programme)); hãy điền biểu do 'tongket skeleton --unit MÃ' tạo"
        )
    }

    /// The text of the hidden sheet's cell a fact name points at.
    private mutating func fact(_ name: String) throws(Diagnostic) -> String? {
        guard let reference = index?.names[name.lowercased()], let target = DefinedNameTarget(reference) else { return nil }
        guard let cells = try cells(of: target.sheet) else { return nil }
        switch cells.cells[target.first] {
        case .text(let text): return text.trimmedWhitespace()
        case .number(let text): return text
        default: return nil
        }
    }

    mutating func cells(of sheetName: String) throws(Diagnostic) -> SheetCells? {
        if let cached = sheets[sheetName] { return cached }
        guard let package, let sheet = index?.sheet(named: sheetName) else { return nil }
        let cells = try SheetCells(package: package, part: sheet.part, strings: strings)
        sheets[sheetName] = cells
        return cells
    }

    // MARK: - Figures

    private mutating func readFigures(_ unit: ReportingUnit) throws(Diagnostic) {
        let tables = outline.appendices(for: unit).filter { !$0.enteredIndicators(for: unit).isEmpty }
        guard !tables.isEmpty else { return }
        yaml.append("\(SubmissionLoader.Key.figures):", place: "biểu số liệu")
        for table in tables {
            let shown = WorkbookSheets.sheetName(table)
            let sheetName =
                index?.names[
                    FormNames.figure(
                        appendix: table.id, indicator: table.enteredIndicators(for: unit)[0].id, year: outline.programme.firstYear
                    ).lowercased()
                ].flatMap(DefinedNameTarget.init)?.sheet ?? shown
            yaml.enter(table: nil)
            yaml.append("  \(table.id):", place: "\(sheetName) (Phụ lục \(table.number))")
            yaml.enter(table: "\(sheetName) (Phụ lục \(table.number))")
            for indicator in table.enteredIndicators(for: unit) {
                var values: [(Int, String, FormPlace)] = []
                var rowPlace = FormPlace.indicator(sheet: shown, indicator: indicator.name)
                // Cells whose name is gone or points nowhere (a deleted row, column or sheet):
                // reported once for the indicator, naming the years.
                var lost: [Int] = []
                for year in outline.programme.years {
                    let name = FormNames.figure(appendix: table.id, indicator: indicator.id, year: year)
                    guard let reference = index?.names[name.lowercased()], let target = DefinedNameTarget(reference),
                        let cells = try cells(of: target.sheet)
                    else {
                        lost.append(year)
                        continue
                    }
                    let place = FormPlace.cell(sheet: target.sheet, cell: target.first, indicator: indicator.name, year: year)
                    rowPlace = .row(sheet: target.sheet, row: target.first.row, indicator: indicator.name)
                    if let yamlValue = figure(cells, target.first, place: place) { values.append((year, yamlValue, place)) }
                }
                if !lost.isEmpty {
                    diagnostics.append(
                        failure(
                            .wrongForm,
                            "không còn ô nhập của chỉ tiêu \"\(indicator.name)\" năm \(lost.map(String.init).joined(separator: ", ")) (dòng, cột hay trang chứa chúng đã bị xóa, hoặc tên ô TK_… bị xóa); hãy hoàn tác việc xóa, hoặc chép số liệu sang biểu mới do 'tongket skeleton --unit \(unit.id)' tạo",
                            place: shown))
                }
                if values.isEmpty {
                    yaml.append("    \(indicator.id): {}", at: rowPlace)
                } else {
                    yaml.append("    \(indicator.id):", at: rowPlace)
                    for (year, value, place) in values { yaml.append("      \(year): \(value)", at: place) }
                }
            }
        }
        yaml.enter(table: nil)
    }

    /// The YAML scalar for one figure cell, or nil when it is empty or already reported.
    private mutating func figure(_ cells: SheetCells, _ cell: CellReference, place: FormPlace) -> String? {
        if let owner = cells.mergedInto(cell) {
            if cells.cells[cell] == nil {
                diagnostics.append(
                    Diagnostic(
                        .warning, .missingFigures, at: SourceLocation(file: file, line: 1, column: 1, place: place.text),
                        "ô này bị gộp vào ô \(owner.name) nên coi như để trống; hãy bỏ gộp ô và ghi số liệu từng năm vào ô của năm đó"))
            }
        }
        switch cells.cells[cell] {
        case nil: return nil
        case .number(let text):
            guard let value = Double(text), value.isFinite else { return YAMLText.quoted(text) }
            return NumberText.yaml(value)
        case .text(let raw):
            let text = raw.trimmedWhitespace()
            if text.isEmpty { return nil }
            guard let value = NumberText.parse(text) else { return YAMLText.quoted(text) }
            diagnostics.append(
                Diagnostic(
                    .warning, .notANumber, at: SourceLocation(file: file, line: 1, column: 1, place: place.text),
                    "số được gõ dạng chữ (\"\(text)\"), đã đọc là \(Self.show(value)); hãy định dạng ô là số để Excel kiểm tra giúp"))
            return NumberText.yaml(value)
        case .formulaWithoutValue:
            diagnostics.append(
                failure(
                    .notANumber,
                    "ô có công thức nhưng tệp không lưu kết quả đã tính; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại, hoặc gõ số thay cho công thức",
                    place: place.text))
            return nil
        case .error(let code):
            diagnostics.append(failure(.notANumber, "ô có lỗi công thức \(code); hãy sửa công thức hoặc gõ số", place: place.text))
            return nil
        case .overlong:
            diagnostics.append(
                failure(.notANumber, "ô chứa hơn \(CellText.maximumLength) ký tự, không phải một số liệu", place: place.text))
            return nil
        }
    }

    /// The value as the writer reads numbers: "85,5", "1.234".
    private static func show(_ value: Double) -> String { VietnameseFormat.number(value, maxFractionDigits: 6) }
}
