/// A cell of a sheet by its column and row, both 1-based, as "E7" names it.
package struct CellReference: Hashable, Sendable, Comparable {
    package var column: Int
    package var row: Int

    package init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// "E7".
    package var name: String { Self.letters(column) + String(row) }

    /// "$E$7", as a defined name refers to it.
    package var absolute: String { "$" + Self.letters(column) + "$" + String(row) }

    /// 1 → "A", 27 → "AA".
    package static func letters(_ column: Int) -> String {
        var number = column
        var result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }

    /// Reads "E7" or "$E$7"; nil for anything else (an R1C1 reference, a column or row alone).
    package init?(_ text: Substring) {
        var column = 0
        var row = 0
        var index = text.startIndex
        if index < text.endIndex, text[index] == "$" { index = text.index(after: index) }
        while index < text.endIndex, let ascii = text[index].asciiValue, (65...90).contains(ascii) || (97...122).contains(ascii) {
            column = column * 26 + Int((ascii & 0xDF) - 64)
            if column > 16_384 { return nil }
            index = text.index(after: index)
        }
        if index < text.endIndex, text[index] == "$" { index = text.index(after: index) }
        var digits = 0
        while index < text.endIndex, let ascii = text[index].asciiValue, (48...57).contains(ascii) {
            row = row * 10 + Int(ascii - 48)
            digits += 1
            if row > 1_048_576 { return nil }
            index = text.index(after: index)
        }
        guard index == text.endIndex, column > 0, digits > 0, row > 0 else { return nil }
        self.column = column
        self.row = row
    }

    package static func < (lhs: CellReference, rhs: CellReference) -> Bool { (lhs.row, lhs.column) < (rhs.row, rhs.column) }
}
