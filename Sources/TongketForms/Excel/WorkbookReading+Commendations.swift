import Foundation
import TongketCore

extension WorkbookReading {
    /// The commendation rows: every row of the named input area with anything in it, one flow
    /// mapping a row so that a problem in a row is told at that row.
    mutating func readCommendations() throws(Diagnostic) {
        guard let reference = index?.names[FormNames.commendations.lowercased()] else { return }
        guard let target = DefinedNameTarget(reference), let cells = try cells(of: target.sheet) else {
            diagnostics.append(
                failure(
                    .wrongForm,
                    "vùng đề xuất khen thưởng đã bị xóa (tên \(FormNames.commendations) trỏ tới '\(reference)'); hãy dùng biểu mới",
                    place: WorkbookSheets.commendationsSheetName))
            return
        }
        let fields = ["doi_tuong", "ten", "hinh_thuc", "thanh_tich"]
        var rows: [String] = []
        for row in target.first.row...target.last.row {
            var pairs: [String] = []
            for (offset, key) in fields.enumerated() {
                let cell = CellReference(column: target.first.column + offset, row: row)
                guard let text = commendationText(cells.cells[cell], place: "\(target.sheet), ô \(cell.name)") else { continue }
                pairs.append("\(key): \(YAMLText.quoted(key == "doi_tuong" ? Self.recipient(text) : text))")
            }
            guard !pairs.isEmpty else { continue }
            rows.append("  - {\(pairs.joined(separator: ", "))}")
            rows.append("\(target.sheet), dòng \(row)")
        }
        guard !rows.isEmpty else { return }
        yaml.append("\(SubmissionLoader.Key.commendations):", place: target.sheet)
        for index in stride(from: 0, to: rows.count, by: 2) { yaml.append(rows[index], place: rows[index + 1]) }
    }

    private mutating func commendationText(_ value: SheetCells.Value?, place: String) -> String? {
        switch value {
        case nil: return nil
        case .text(let text), .number(let text):
            let trimmed = text.trimmedWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        case .formulaWithoutValue:
            diagnostics.append(
                failure(.wrongType, "ô có công thức nhưng không có kết quả đã tính; hãy gõ chữ thay cho công thức", place: place))
        case .error(let code):
            diagnostics.append(failure(.wrongType, "ô có lỗi công thức \(code)", place: place))
        case .overlong:
            diagnostics.append(failure(.wrongType, "ô chứa hơn \(CellText.maximumLength) ký tự; hãy viết ngắn lại", place: place))
        }
        return nil
    }

    /// "Tập thể" and "Cá nhân", as the list offers them, to the submission's words.
    static func recipient(_ text: String) -> String {
        let folded = text.precomposedStringWithCanonicalMapping.lowercased()
        for recipient in Commendation.Recipient.allCases where folded == recipient.name.lowercased() || folded == recipient.rawValue {
            return recipient.rawValue
        }
        return text
    }
}
