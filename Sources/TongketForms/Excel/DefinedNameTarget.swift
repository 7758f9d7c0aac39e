import Foundation

/// Where a defined name points: a sheet and a cell or an area of it. `'Biểu 03'!$E$7`,
/// `Sheet1!$B$4:$E$53`; a name whose cells were deleted (`#REF!`) or that holds a formula points
/// nowhere.
struct DefinedNameTarget: Equatable {
    var sheet: String
    var first: CellReference
    var last: CellReference

    init?(_ text: String) {
        var rest = Substring(text.trimmedSpaces())
        var sheet = ""
        if rest.first == "'" {
            rest = rest.dropFirst()
            while let character = rest.first {
                rest = rest.dropFirst()
                if character == "'" {
                    if rest.first == "'" {
                        sheet.append("'")
                        rest = rest.dropFirst()
                    } else {
                        break
                    }
                } else {
                    sheet.append(character)
                }
            }
            guard rest.first == "!" else { return nil }
            rest = rest.dropFirst()
        } else {
            guard let bang = rest.firstIndex(of: "!") else { return nil }
            sheet = String(rest[..<bang])
            rest = rest[rest.index(after: bang)...]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard !sheet.isEmpty, parts.count == 1 || parts.count == 2, let first = CellReference(parts[0]) else { return nil }
        let last = parts.count == 2 ? CellReference(parts[1]) : first
        guard let last else { return nil }
        self.sheet = sheet
        self.first = first
        self.last = last
    }
}
