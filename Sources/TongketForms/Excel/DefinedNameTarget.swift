import Foundation

/// Where a defined name points: a sheet and a cell or an area of it. `'Biểu 03'!$E$7`,
/// `Sheet1!$B$4:$E$53`; a name whose cells were deleted (`#REF!`) or that holds a formula points
/// nowhere.
struct DefinedNameTarget: Equatable {
    var sheet: String
    var first: CellReference
    var last: CellReference

    /// Read over UTF-8 bytes (a sheet's name may be Vietnamese; the syntax around it is ASCII):
    /// every figure cell's name is resolved through here.
    init?(_ text: String) {
        let bytes = Array(text.trimmedSpaces().utf8)
        let (quote, bang, colon) = (UInt8(ascii: "'"), UInt8(ascii: "!"), UInt8(ascii: ":"))
        var sheet: [UInt8] = []
        var index = 0
        if bytes.first == quote {
            // 'Biểu 03'!…, a quote inside doubled.
            index = 1
            var closed = false
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        sheet.append(quote)
                        index += 1
                    } else {
                        closed = true
                        break
                    }
                } else {
                    sheet.append(byte)
                }
            }
            guard closed, index < bytes.count, bytes[index] == bang else { return nil }
            index += 1
        } else {
            guard let at = bytes.firstIndex(of: bang) else { return nil }
            sheet = Array(bytes[..<at])
            index = at + 1
        }
        let rest = bytes[index...]
        let parts = rest.split(separator: colon, omittingEmptySubsequences: false)
        guard !sheet.isEmpty, parts.count == 1 || parts.count == 2, let first = CellReference(utf8: parts[0]) else { return nil }
        let last = parts.count == 2 ? CellReference(utf8: parts[1]) : first
        guard let last else { return nil }
        self.sheet = String(decoding: sheet, as: UTF8.self)
        (self.first, self.last) = CellReference.area(first, last)
    }
}
