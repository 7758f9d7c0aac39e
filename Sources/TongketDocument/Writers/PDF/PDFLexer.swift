/// Reads the spans of PDF values in a file's bytes (ISO 32000-1, 7.2–7.3): only as much of the
/// syntax as finding a value's end needs, since the finisher copies values it does not change
/// byte for byte instead of parsing them into objects.
struct PDFLexer {
    let bytes: [UInt8]

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x00 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// The first position at or after `index` that is neither whitespace nor inside a comment.
    func skipSpace(_ index: Int) -> Int {
        var i = index
        while i < bytes.count {
            if Self.isWhitespace(bytes[i]) {
                i += 1
            } else if bytes[i] == UInt8(ascii: "%") {
                while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
            } else {
                break
            }
        }
        return i
    }

    /// The end of the regular characters starting at `index` (a number, a keyword, a name's body).
    func tokenEnd(_ index: Int) -> Int {
        var i = index
        while i < bytes.count && !Self.isWhitespace(bytes[i]) && !Self.isDelimiter(bytes[i]) { i += 1 }
        return i
    }

    /// The regular token at `index`, as text.
    func token(at index: Int) -> String {
        String(decoding: bytes[index..<tokenEnd(index)], as: UTF8.self)
    }

    /// The end (exclusive) of the value that starts at `index`, which must not be whitespace. An
    /// indirect reference ("12 0 R") is one value.
    func valueEnd(_ index: Int, depth: Int = 0) throws(PDFStructureError) -> Int {
        guard index < bytes.count else { throw PDFStructureError("tệp PDF bị cắt cụt giữa một giá trị") }
        guard depth < 64 else { throw PDFStructureError("giá trị PDF lồng nhau quá sâu") }
        switch bytes[index] {
        case UInt8(ascii: "/"):
            return tokenEnd(index + 1)
        case UInt8(ascii: "("):
            return try literalStringEnd(index)
        case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "<"):
            return try dictionaryEnd(index, depth: depth)
        case UInt8(ascii: "<"):
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                throw PDFStructureError("chuỗi hex không đóng")
            }
            return close + 1
        case UInt8(ascii: "["):
            var i = skipSpace(index + 1)
            while i < bytes.count && bytes[i] != UInt8(ascii: "]") { i = skipSpace(try valueEnd(i, depth: depth + 1)) }
            guard i < bytes.count else { throw PDFStructureError("mảng không đóng") }
            return i + 1
        default:
            let end = tokenEnd(index)
            guard end > index else { throw PDFStructureError("ký tự không mong đợi trong giá trị PDF") }
            return referenceEnd(after: index, numberEnd: end) ?? end
        }
    }

    /// When the integer at `index` starts "N G R", the end of the R.
    private func referenceEnd(after index: Int, numberEnd: Int) -> Int? {
        guard Int(token(at: index)) != nil else { return nil }
        let generation = skipSpace(numberEnd)
        let generationEnd = tokenEnd(generation)
        guard generationEnd > generation, Int(token(at: generation)) != nil else { return nil }
        let keyword = skipSpace(generationEnd)
        guard keyword < bytes.count, bytes[keyword] == UInt8(ascii: "R"), tokenEnd(keyword) == keyword + 1 else { return nil }
        return keyword + 1
    }

    /// A literal string's end: parentheses nest, a backslash escapes the next byte.
    private func literalStringEnd(_ index: Int) throws(PDFStructureError) -> Int {
        var depth = 0
        var i = index
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        throw PDFStructureError("chuỗi không đóng")
    }

    private func dictionaryEnd(_ index: Int, depth: Int) throws(PDFStructureError) -> Int {
        var i = skipSpace(index + 2)
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: ">") {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { throw PDFStructureError("từ điển không đóng đúng") }
                return i + 2
            }
            i = skipSpace(try valueEnd(i, depth: depth + 1))
        }
        throw PDFStructureError("từ điển không đóng")
    }
}
