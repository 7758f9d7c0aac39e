import TongketCore

/// The sheets of the workbook form, laid out for the person filling them; the reader never relies
/// on this layout, only on the defined names each function adds to `names`.
enum WorkbookSheets {
    /// The row of the first indicator; rows above hold the title, the unit, the note and the header.
    static let firstRow = 5
    /// Columns before the first year: TT, indicator, unit of measure.
    static let labelColumns = 3
    static let hiddenSheetName = "tongket"
    static let commendationsSheetName = "Khen thưởng"
    /// Rows offered for commendation proposals; inserting rows inside them gives more.
    static let commendationRows = 50

    /// The sheet name of an appendix, "Biểu 03" (at most 31 characters, none of `[]:*?/\`).
    static func sheetName(_ table: AppendixTable) -> String {
        let name = "Biểu " + table.number.filter { !"[]:*?/\\'".contains($0) }
        return String(name.prefix(31))
    }

    static func appendix(
        _ table: AppendixTable, indicators: [Indicator], unit: ReportingUnit, outline: Outline,
        figures: [String: [Int: Double]] = [:], names: inout [(String, String)]
    ) -> SheetBuilder {
        let programme = outline.programme
        let years = Array(programme.years)
        var sheet = SheetBuilder(name: sheetName(table))
        let yearColumn = { (year: Int) in labelColumns + 1 + year - programme.firstYear }
        let phaseColumn = labelColumns + years.count + 1
        let lastColumn = phaseColumn + programme.phases.count
        sheet.rowHeights = [3: 32, 4: 34]
        sheet.columnWidths =
            [6, 58, 13] + Array(repeating: 11, count: years.count) + Array(repeating: 14, count: programme.phases.count + 1)
        sheet.text(CellReference(column: 1, row: 1), "Phụ lục \(table.number): \(table.title.uppercased())", .title)
        sheet.merge(CellReference(column: 1, row: 1), CellReference(column: lastColumn, row: 1))
        sheet.text(CellReference(column: 1, row: 2), "Đơn vị: \(unit.name)", .title)
        sheet.merge(CellReference(column: 1, row: 2), CellReference(column: lastColumn, row: 2))
        sheet.text(
            CellReference(column: 1, row: 3),
            "Ghi số liệu trong phạm vi của đơn vị vào các ô nền vàng, mỗi năm một ô; để trống năm không có số liệu. Các cột giai đoạn chỉ để đơn vị tự xem: tongket tự tính lại từ số liệu từng năm.",
            .note)
        sheet.merge(CellReference(column: 1, row: 3), CellReference(column: lastColumn, row: 3))
        let headers = ["TT", "Chỉ tiêu", "Đơn vị tính"] + years.map(String.init)
        for (index, header) in headers.enumerated() { sheet.text(CellReference(column: index + 1, row: 4), header, .header) }
        for (index, phase) in programme.phases.enumerated() {
            sheet.text(CellReference(column: phaseColumn + index, row: 4), "Giai đoạn \(phase.firstYear)–\(phase.lastYear)", .header)
        }
        sheet.text(CellReference(column: lastColumn, row: 4), "Cả giai đoạn \(programme.firstYear)–\(programme.lastYear)", .header)
        for (offset, indicator) in indicators.enumerated() {
            let row = firstRow + offset
            sheet.number(CellReference(column: 1, row: row), offset + 1, .label)
            sheet.text(CellReference(column: 2, row: row), indicator.name, .label)
            sheet.text(CellReference(column: 3, row: row), indicator.measure, .label)
            let whole = indicator.type == .count
            for year in years {
                let cell = CellReference(column: yearColumn(year), row: row)
                if let value = figures[indicator.id]?[year] {
                    sheet.number(cell, NumberText.yaml(value), whole ? .inputWhole : .inputDecimal)
                } else {
                    sheet.empty(cell, whole ? .inputWhole : .inputDecimal)
                }
                names.append(
                    (FormNames.figure(appendix: table.id, indicator: indicator.id, year: year), "\(sheet.quotedName)!\(cell.absolute)"))
            }
            let spans = programme.phases.map { ($0.firstYear, $0.lastYear) } + [(programme.firstYear, programme.lastYear)]
            for (index, span) in spans.enumerated() {
                let range =
                    "\(CellReference(column: yearColumn(span.0), row: row).name):\(CellReference(column: yearColumn(span.1), row: row).name)"
                sheet.formula(
                    CellReference(column: phaseColumn + index, row: row), formula(indicator.aggregation, range),
                    whole ? .formulaWhole : .formulaDecimal)
            }
            let range =
                "\(CellReference(column: yearColumn(programme.firstYear), row: row).name):\(CellReference(column: yearColumn(programme.lastYear), row: row).name)"
            validate(&sheet, indicator, range: range)
        }
        return sheet
    }

    /// The phase and total columns, as the writer would compute them by hand; empty while no
    /// year has a figure.
    static func formula(_ aggregation: Indicator.Aggregation, _ range: String) -> String {
        let value: String
        switch aggregation {
        case .sum, .ratio: value = "SUM(\(range))"
        case .average: value = "AVERAGE(\(range))"
        // The last number of the range: LOOKUP with a number larger than any returns it.
        case .latest: value = "LOOKUP(9.99E+307,\(range))"
        }
        return "IF(COUNT(\(range))=0,\"\",\(value))"
    }

    private static func validate(_ sheet: inout SheetBuilder, _ indicator: Indicator, range: String) {
        let about = "\(indicator.name) (\(indicator.measure); \(indicator.aggregation.explanation))."
        switch indicator.type {
        case .count:
            sheet.validation(
                range: range, type: "whole", operator: "greaterThanOrEqual", formula1: "0", promptTitle: indicator.name,
                prompt: about + " Số nguyên, không âm.", error: "Chỉ tiêu này là số lượng: hãy gõ một số nguyên không âm, như 1234.")
        case .percent:
            sheet.validation(
                range: range, type: "decimal", operator: "between", formula1: "0", formula2: "100", promptTitle: indicator.name,
                prompt: about + " Tỷ lệ phần trăm, từ 0 đến 100 (gõ 85,5 cho 85,5%).", error: "Tỷ lệ phải là một số từ 0 đến 100.")
        case .amount:
            sheet.validation(
                range: range, type: "decimal", operator: "greaterThanOrEqual", formula1: "0", promptTitle: indicator.name,
                prompt: about + " Số không âm.", error: "Chỉ tiêu này không được âm.")
        case .score:
            sheet.validation(
                range: range, type: "decimal", operator: "between", formula1: "-1000000000", formula2: "1000000000",
                promptTitle: indicator.name, prompt: about + " Điểm theo thang của chỉ số.", error: "Hãy gõ một số.")
        }
    }

    static func commendations(
        outline: Outline, hiddenName: String, filled: [Commendation] = [], names: inout [(String, String)]
    ) -> SheetBuilder {
        var sheet = SheetBuilder(name: commendationsSheetName)
        sheet.columnWidths = [6, 14, 40, 40, 60]
        sheet.rowHeights = [2: 32]
        sheet.text(CellReference(column: 1, row: 1), "ĐỀ XUẤT KHEN THƯỞNG", .title)
        sheet.merge(CellReference(column: 1, row: 1), CellReference(column: 5, row: 1))
        sheet.text(
            CellReference(column: 1, row: 2),
            "Mỗi tập thể, cá nhân một dòng; chọn đối tượng và hình thức trong danh sách. Cần thêm dòng thì chèn dòng giữa các dòng nền vàng. Không đề xuất thì để trống.",
            .note)
        sheet.merge(CellReference(column: 1, row: 2), CellReference(column: 5, row: 2))
        for (index, header) in ["TT", "Đối tượng", "Tên tập thể, cá nhân", "Hình thức khen thưởng", "Thành tích"].enumerated() {
            sheet.text(CellReference(column: index + 1, row: 3), header, .header)
        }
        let first = 4
        let last = first + max(commendationRows, filled.count) - 1
        for row in first...last {
            sheet.number(CellReference(column: 1, row: row), row - first + 1, .label)
            if filled.indices.contains(row - first) {
                let item = filled[row - first]
                for (offset, text) in [item.recipient.name, item.name, item.form, item.achievement].enumerated() {
                    sheet.text(CellReference(column: 2 + offset, row: row), text, .inputText)
                }
            } else {
                for column in 2...5 { sheet.empty(CellReference(column: column, row: row), .inputText) }
            }
        }
        names.append(
            (
                FormNames.commendations,
                "\(sheet.quotedName)!\(CellReference(column: 2, row: first).absolute):\(CellReference(column: 5, row: last).absolute)"
            ))
        let kinds = Commendation.Recipient.allCases.map(\.name).joined(separator: ",")
        sheet.validation(
            range: "B\(first):B\(last)", type: "list", operator: nil, formula1: "\"\(kinds)\"", promptTitle: "Đối tượng",
            prompt: "Tập thể hoặc Cá nhân.", error: "Hãy chọn Tập thể hoặc Cá nhân trong danh sách.")
        if !outline.programme.commendationForms.isEmpty {
            // The forms are listed on the hidden sheet: an inline list over 255 characters makes
            // Excel "repair" the file.
            let count = outline.programme.commendationForms.count
            sheet.validation(
                range: "D\(first):D\(last)", type: "list", operator: nil, formula1: "\(hiddenName)!$D$1:$D$\(count)",
                promptTitle: "Hình thức khen thưởng", prompt: "Chọn hình thức khen thưởng trong danh sách.",
                error: "Hãy chọn một hình thức khen thưởng trong danh sách.")
        }
        return sheet
    }

    static func hidden(unit: ReportingUnit, outline: Outline, names: inout [(String, String)]) -> SheetBuilder {
        var sheet = SheetBuilder(name: hiddenSheetName)
        let facts: [(String, String, String)] = [
            (FormNames.programme, "Chương trình", outline.programme.id),
            (FormNames.outlineVersion, "Phiên bản đề cương", OutlineFingerprint.of(outline)),
            (FormNames.unit, "Đơn vị", unit.id),
            (FormNames.formVersion, "Phiên bản biểu", FormNames.workbookVersion),
        ]
        for (index, fact) in facts.enumerated() {
            sheet.text(CellReference(column: 1, row: index + 1), fact.1, .plain)
            let cell = CellReference(column: 2, row: index + 1)
            sheet.text(cell, fact.2, .plain)
            names.append((fact.0, "\(sheet.quotedName)!\(cell.absolute)"))
        }
        for (index, form) in outline.programme.commendationForms.enumerated() {
            sheet.text(CellReference(column: 4, row: index + 1), form, .plain)
        }
        return sheet
    }
}
