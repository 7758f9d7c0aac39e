import TongketDocument

/// One worksheet being written: rows of cells with a style each, merged areas, data
/// validations, and the defined names its input cells carry. Strings are written inline
/// (`t="inlineStr"`), so the package needs no shared-strings part and the bytes depend on this
/// sheet alone.
struct SheetBuilder {
    /// Styles of `WorkbookStyles`, by their index in `cellXfs`.
    enum Style: Int {
        case plain = 0
        case header = 1
        case label = 2
        case inputWhole = 3
        case inputDecimal = 4
        case formulaWhole = 5
        case formulaDecimal = 6
        case title = 7
        case inputText = 8
        case note = 9
    }

    let name: String
    private var rows: [Int: [(column: Int, xml: String)]] = [:]
    private(set) var merges: [String] = []
    private(set) var validations: [String] = []
    var columnWidths: [Double] = []
    /// Rows given a height of their own (points): wrapped notes and headers, which neither Excel
    /// nor LibreOffice grows on opening.
    var rowHeights: [Int: Double] = [:]

    init(name: String) { self.name = name }

    /// The sheet's name as a formula or a defined name refers to it, always quoted.
    var quotedName: String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'" }

    mutating func text(_ cell: CellReference, _ text: String, _ style: Style) {
        put(
            cell,
            "<c r=\"\(cell.name)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLBuffer.escaped(text))</t></is></c>"
        )
    }

    mutating func number(_ cell: CellReference, _ value: Int, _ style: Style) {
        put(cell, "<c r=\"\(cell.name)\" s=\"\(style.rawValue)\"><v>\(value)</v></c>")
    }

    /// A number as written in the cell's value, such as "85.5".
    mutating func number(_ cell: CellReference, _ value: String, _ style: Style) {
        put(cell, "<c r=\"\(cell.name)\" s=\"\(style.rawValue)\"><v>\(value)</v></c>")
    }

    mutating func empty(_ cell: CellReference, _ style: Style) {
        put(cell, "<c r=\"\(cell.name)\" s=\"\(style.rawValue)\"/>")
    }

    /// A formula with no cached value: Excel and LibreOffice compute it on opening (the workbook
    /// asks for a full calculation on load).
    mutating func formula(_ cell: CellReference, _ formula: String, _ style: Style) {
        put(cell, "<c r=\"\(cell.name)\" s=\"\(style.rawValue)\"><f>\(XMLBuffer.escaped(formula))</f></c>")
    }

    mutating func merge(_ from: CellReference, _ to: CellReference) { merges.append("\(from.name):\(to.name)") }

    /// A data validation over `range` ("D5:M5"); `prompt` is the input message shown on entering
    /// a cell, cut to Excel's limits (32 characters of title, 255 of text: longer makes Excel
    /// "repair" the file).
    mutating func validation(
        range: String, type: String, operator op: String?, formula1: String, formula2: String? = nil,
        promptTitle: String, prompt: String, error: String
    ) {
        var xml = "<dataValidation type=\"\(type)\""
        if let op { xml += " operator=\"\(op)\"" }
        xml += " allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
        xml += " errorTitle=\"Số liệu không hợp lệ\" error=\"\(XMLBuffer.escaped(Self.cut(error, 255)))\""
        xml += " promptTitle=\"\(XMLBuffer.escaped(Self.cut(promptTitle, 32)))\" prompt=\"\(XMLBuffer.escaped(Self.cut(prompt, 255)))\""
        xml += " sqref=\"\(range)\"><formula1>\(XMLBuffer.escaped(formula1))</formula1>"
        if let formula2 { xml += "<formula2>\(XMLBuffer.escaped(formula2))</formula2>" }
        validations.append(xml + "</dataValidation>")
    }

    static func cut(_ text: String, _ limit: Int) -> String {
        // Excel counts UTF-16 units.
        guard text.utf16.count > limit else { return text }
        var result = ""
        for character in text {
            if result.utf16.count + character.utf16.count > limit - 1 { break }
            result.append(character)
        }
        return result + "…"
    }

    private mutating func put(_ cell: CellReference, _ xml: String) { rows[cell.row, default: []].append((cell.column, xml)) }

    /// The worksheet part. Elements follow the order the schema requires (Excel refuses others).
    func xml(protected: Bool) -> String {
        var out = FormXML.declaration
        out += "<worksheet xmlns=\"\(FormXML.spreadsheetML)\" xmlns:r=\"\(FormXML.relationships)\">"
        // Printed one page wide, as a state appendix is.
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        out += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !columnWidths.isEmpty {
            out += "<cols>"
            for (index, width) in columnWidths.enumerated() {
                out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for row in rows.keys.sorted() {
            let height = rowHeights[row].map { " ht=\"\($0)\" customHeight=\"1\"" } ?? ""
            out += "<row r=\"\(row)\"\(height)>"
            for cell in (rows[row] ?? []).sorted(by: { $0.column < $1.column }) { out += cell.xml }
            out += "</row>"
        }
        out += "</sheetData>"
        // No password: the protection keeps labels and formulas from being typed over by accident.
        if protected { out += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>" }
        if !merges.isEmpty {
            out += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        if !validations.isEmpty { out += "<dataValidations count=\"\(validations.count)\">" + validations.joined() + "</dataValidations>" }
        out += "<pageMargins left=\"0.6\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return out + "</worksheet>"
    }
}
