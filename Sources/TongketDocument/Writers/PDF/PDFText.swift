import Foundation

/// Text strings and dates as the document information dictionary holds them (ISO 32000-1,
/// 7.9.2 and 7.9.4): Vietnamese text needs UTF-16BE with its byte order mark, which is written
/// in hexadecimal so that the file stays printable.
enum PDFText {
    /// `(text)` for plain ASCII, `<FEFF…>` otherwise.
    static func string(_ text: String) -> [UInt8] {
        let normal = text.precomposedStringWithCanonicalMapping
        if normal.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            var out: [UInt8] = [UInt8(ascii: "(")]
            for byte in normal.utf8 {
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
            return out + [UInt8(ascii: ")")]
        }
        var hex = "<FEFF"
        for unit in normal.utf16 { hex += hexDigits(UInt(unit), width: 4) }
        return Array((hex + ">").utf8)
    }

    /// The text of a string value: UTF-16BE after its byte order mark, PDFDocEncoding otherwise
    /// (read as Latin-1, which it equals for the characters titles use).
    static func decode(_ value: [UInt8]) -> String? {
        guard let raw = rawBytes(value) else { return nil }
        if raw.count >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
            var units: [UInt16] = []
            var i = 2
            while i + 1 < raw.count {
                units.append(UInt16(raw[i]) << 8 | UInt16(raw[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(raw.map { Character(Unicode.Scalar($0)) })
    }

    /// The bytes a literal or hexadecimal string stands for.
    private static func rawBytes(_ value: [UInt8]) -> [UInt8]? {
        guard let first = value.first, value.count >= 2 else { return nil }
        let body = value[1..<(value.count - 1)]
        if first == UInt8(ascii: "<") {
            let digits = body.filter { !PDFLexer.isWhitespace($0) }.map { Character(Unicode.Scalar($0)) }
            var out: [UInt8] = []
            var i = 0
            while i < digits.count {
                let pair = String(digits[i]) + (i + 1 < digits.count ? String(digits[i + 1]) : "0")
                guard let byte = UInt8(pair, radix: 16) else { return nil }
                out.append(byte)
                i += 2
            }
            return out
        }
        guard first == UInt8(ascii: "(") else { return nil }
        var out: [UInt8] = []
        var iterator = Array(body).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "\\"), let escaped = iterator.next() else {
                out.append(byte)
                continue
            }
            switch escaped {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                // Up to three octal digits; titles rarely use them, so two more are read greedily.
                var code = Int(escaped - UInt8(ascii: "0"))
                var lookahead = iterator
                for _ in 0..<2 {
                    guard let next = lookahead.next(), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(next) else { break }
                    code = code * 8 + Int(next - UInt8(ascii: "0"))
                    iterator = lookahead
                }
                out.append(UInt8(truncatingIfNeeded: code))
            case 0x0A, 0x0D: break
            default: out.append(escaped)
            }
        }
        return out
    }

    /// `D:YYYYMMDD000000+07'00'`: midnight in Vietnam on the report's date, which carries no time.
    static func date(year: Int, month: Int, day: Int) -> String {
        "D:\(digits(year, 4))\(digits(month, 2))\(digits(day, 2))000000+07'00'"
    }

    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(max(value, 0))
        return String(repeating: "0", count: max(width - text.count, 0)) + text
    }

    static func hexDigits(_ value: UInt, width: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(width - text.count, 0)) + text
    }
}
