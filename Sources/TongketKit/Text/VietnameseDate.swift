import Foundation

/// Reading dates as users type them: "30/04/2020", "30/4/2020" or "2020-04-30".
public enum VietnameseDate {
    /// The date, or nil when `text` is not a real calendar date in one of the accepted forms.
    public static func parse(_ text: String) -> SimpleDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts: [Substring]
        let day: Int?
        let month: Int?
        let year: Int?
        if trimmed.contains("/") {
            parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 else { return nil }
            (day, month, year) = (digits(parts[0]), digits(parts[1]), digits(parts[2]))
        } else {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
            (year, month, day) = (digits(parts[0]), digits(parts[1]), digits(parts[2]))
        }
        guard let day, let month, let year, (1...12).contains(month), year >= 1900, year <= 2999 else { return nil }
        guard (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return SimpleDate(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// Reading figures: "1234", "85.48" or "85,48" (Vietnamese decimal comma). Thousands separators
/// are refused because "1.234" is 1,234 to a Vietnamese reader and 1.234 to YAML.
public enum FigureText {
    public static func parse(_ text: String) -> Double? {
        // Bytes, not Characters or Foundation: this runs for every figure of every file.
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        var negative = false
        if let sign = bytes.first, sign == 0x2D || sign == 0x2B {
            negative = sign == 0x2D
            bytes = bytes.dropFirst()
        }
        var whole: [UInt8] = []
        var fraction: [UInt8] = []
        var seenSeparator = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                if seenSeparator { fraction.append(byte) } else { whole.append(byte) }
            case 0x2C, 0x2E:
                if seenSeparator { return nil }
                seenSeparator = true
            default:
                return nil
            }
        }
        guard !whole.isEmpty, whole.count <= 15, !seenSeparator || (!fraction.isEmpty && fraction.count <= 6) else { return nil }
        let literal = String(decoding: whole, as: UTF8.self) + (fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self))
        guard let value = Double(literal), value.isFinite else { return nil }
        return negative ? -value : value
    }
}
