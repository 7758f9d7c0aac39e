/// A cell of a sheet by its column and row, both 1-based, as "E7" names it.
package struct CellReference: Hashable, Sendable, Comparable {
    package var column: Int
    package var row: Int

    package init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The top-left and bottom-right corners of the area two corners span, in whatever order
    /// they were written: Excel reads "D10:A2" as "A2:D10", and a range whose bounds run backwards
    /// would trap.
    package static func area(_ one: CellReference, _ other: CellReference) -> (first: CellReference, last: CellReference) {
        (
            CellReference(column: min(one.column, other.column), row: min(one.row, other.row)),
            CellReference(column: max(one.column, other.column), row: max(one.row, other.row))
        )
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
    package init?(_ text: Substring) { self.init(utf8: text.utf8) }

    /// The same over UTF-8 bytes: every cell of every sheet is read through here, and stepping
    /// a Substring Character by Character cost a twentieth of reading a workbook.
    package init?<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) {
        var column = 0
        var row = 0
        var digits = 0
        var index = bytes.startIndex
        let dollar = UInt8(ascii: "$")
        if index < bytes.endIndex, bytes[index] == dollar { index = bytes.index(after: index) }
        while index < bytes.endIndex, case let byte = bytes[index], (65...90).contains(byte) || (97...122).contains(byte) {
            column = column * 26 + Int((byte & 0xDF) - 64)
            if column > 16_384 { return nil }
            index = bytes.index(after: index)
        }
        if index < bytes.endIndex, bytes[index] == dollar { index = bytes.index(after: index) }
        while index < bytes.endIndex, case let byte = bytes[index], (48...57).contains(byte) {
            row = row * 10 + Int(byte - 48)
            digits += 1
            if row > 1_048_576 { return nil }
            index = bytes.index(after: index)
        }
        guard index == bytes.endIndex, column > 0, digits > 0, row > 0 else { return nil }
        self.column = column
        self.row = row
    }

    package static func < (lhs: CellReference, rhs: CellReference) -> Bool { (lhs.row, lhs.column) < (rhs.row, rhs.column) }
}
