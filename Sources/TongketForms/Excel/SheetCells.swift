import Foundation
import TongketCore

/// The cells of one worksheet as values, read in one pass of the sheet's XML, and its merged
/// areas. Cells with neither a value nor a formula are left out.
struct SheetCells {
    enum Value: Equatable {
        case number(String)
        case text(String)
        /// A formula whose writer did not store what it computed.
        case formulaWithoutValue
        /// An error value such as `#DIV/0!`.
        case error(String)
        /// More text than a cell may hold.
        case overlong
    }

    private(set) var cells: [CellReference: Value] = [:]
    /// Merged areas, as (top-left, bottom-right).
    private(set) var merges: [(CellReference, CellReference)] = []

    init(package: OfficePackage, part: String, strings: SharedStrings) throws(Diagnostic) {
        guard let data = try package.part(part) else { return }
        let handler = Handler(strings: strings)
        try SafeXML.parse(data, part: part, file: package.file, handler: handler)
        cells = handler.cells
        merges = handler.merges
    }

    /// The merged area that covers `cell` without starting at it, if any.
    func mergedInto(_ cell: CellReference) -> CellReference? {
        for (first, last) in merges
        where (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column) && first != cell {
            return first
        }
        return nil
    }

    private final class Handler: XMLEventHandler {
        let strings: SharedStrings
        var cells: [CellReference: Value] = [:]
        var merges: [(CellReference, CellReference)] = []
        private var row = 0
        private var column = 0
        private var reference: CellReference?
        private var type = "n"
        private var hasFormula = false
        private var value: CellText?
        private var inline: CellText?
        private var capture: Capture = .none
        private var phonetic = 0

        enum Capture { case none, value, inlineText }

        init(strings: SharedStrings) { self.strings = strings }

        func start(_ name: String, _ attributes: XMLAttributes) {
            switch name {
            case "row":
                // A row or cell without its reference follows the one before (allowed by the schema).
                row = attributes["r"].flatMap { Int($0) } ?? row + 1
                column = 0
            case "c":
                if let text = attributes["r"], let parsed = CellReference(Substring(text)) {
                    reference = parsed
                    row = parsed.row
                } else {
                    reference = CellReference(column: column + 1, row: max(row, 1))
                }
                column = reference?.column ?? column + 1
                type = attributes["t"] ?? "n"
                hasFormula = false
                value = nil
                inline = nil
            case "v":
                value = CellText()
                capture = .value
            case "f": hasFormula = true
            case "is": inline = CellText()
            case "t": if inline != nil && phonetic == 0 { capture = .inlineText }
            case "rPh": phonetic += 1
            case "mergeCell":
                if let text = attributes["ref"] {
                    let parts = text.split(separator: ":")
                    if parts.count == 2, let first = CellReference(parts[0]), let last = CellReference(parts[1]) {
                        let area = CellReference.area(first, last)
                        merges.append((area.first, area.last))
                    }
                }
            default: break
            }
        }

        func end(_ name: String) {
            switch name {
            case "v", "t": capture = .none
            case "rPh": phonetic -= 1
            case "c":
                if let reference, let result = finish() { cells[reference] = result }
                reference = nil
            default: break
            }
        }

        var wantsText: Bool { capture != .none }

        func text(_ text: String) {
            switch capture {
            case .value: value?.append(text)
            case .inlineText: inline?.append(text)
            case .none: break
            }
        }

        private func finish() -> Value? {
            if let inline {
                return inline.isOverlong ? .overlong : .text(inline.value)
            }
            guard let value else { return hasFormula ? .formulaWithoutValue : nil }
            if value.isOverlong { return .overlong }
            switch type {
            case "s":
                guard let index = Int(value.value.trimmedSpaces()), let string = strings[index] else {
                    return .error("chuỗi dùng chung số \(value.value) không có")
                }
                return string.map(Value.text) ?? .overlong
            case "str", "inlineStr": return .text(value.value)
            case "e": return .error(value.value)
            case "b": return .text(value.value == "1" ? "TRUE" : "FALSE")
            default:
                if value.value.isEmpty { return hasFormula ? .formulaWithoutValue : nil }
                return .number(value.value)
            }
        }
    }
}
