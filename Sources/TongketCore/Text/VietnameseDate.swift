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
        var copy = text
        return copy.withUTF8 { bytes -> Double? in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            var negative = false
            if start < end, bytes[start] == 0x2D || bytes[start] == 0x2B {
                negative = bytes[start] == 0x2D
                start += 1
            }
            var whole = 0
            var fraction = 0
            var digits = 0
            var fractionDigits = 0
            var seenSeparator = false
            for index in start..<end {
                let byte = bytes[index]
                switch byte {
                case 0x30...0x39:
                    if seenSeparator {
                        fraction = fraction * 10 + Int(byte - 0x30)
                        fractionDigits += 1
                    } else {
                        whole = whole * 10 + Int(byte - 0x30)
                        digits += 1
                    }
                    if digits > 15 || fractionDigits > 6 { return nil }
                case 0x2C, 0x2E:
                    if seenSeparator { return nil }
                    seenSeparator = true
                default:
                    return nil
                }
            }
            guard digits > 0, !seenSeparator || fractionDigits > 0 else { return nil }
            var scale = 1
            for _ in 0..<fractionDigits { scale *= 10 }
            let value: Double
            if digits + fractionDigits <= 15 {
                // Exact integers divided once: the correctly rounded value, as Double("85.48") gives.
                value = Double(whole * scale + fraction) / Double(scale)
            } else {
                value = Double(whole) + Double(fraction) / Double(scale)
            }
            return negative ? -value : value
        }
    }
}
