/// Numbers and dates the way Vietnamese state documents write them. Written by hand rather than
/// with `NumberFormatter`, so that output never depends on which locales a machine has.
public enum VietnameseFormat {
    /// "1.234.567", "85,48", "-3"; at most `maxFractionDigits` decimals, trailing zeros dropped
    /// down to `minFractionDigits`.
    public static func number(_ value: Double, maxFractionDigits: Int = 2, minFractionDigits: Int = 0) -> String {
        guard value.isFinite else { return "-" }
        let scale = pow10(maxFractionDigits)
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        let whole = (scaled / scale).rounded(.towardZero)
        var fraction = Int((scaled - whole * scale).rounded())
        var digits = maxFractionDigits
        while digits > minFractionDigits && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = groupThousands(String(format0: whole))
        if digits > 0 {
            let raw = String(fraction)
            text += "," + String(repeating: "0", count: digits - raw.count) + raw
        }
        return negative ? "-" + text : text
    }

    /// "0,70", "1.234,0": exactly `decimals` decimal places, as an indicator declares them.
    public static func number(_ value: Double, decimals: Int) -> String {
        number(value, maxFractionDigits: decimals, minFractionDigits: decimals)
    }

    /// "85,48%".
    public static func percent(_ value: Double) -> String { number(value) + "%" }

    /// "ngày 07 tháng 3 năm 2020": the day takes a leading zero below 10, the month only for
    /// January and February (Nghị định 30/2020, Phụ lục I).
    public static func longDate(_ date: SimpleDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
        return "ngày \(day) tháng \(month) năm \(date.year)"
    }

    /// "01/7/2025": the short form of the same rule, as running text writes the date an act
    /// takes effect.
    public static func shortDate(_ date: SimpleDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
        return "\(day)/\(month)/\(date.year)"
    }

    /// "Thanh Hóa, ngày 07 tháng 3 năm 2020".
    public static func placeAndDate(_ place: String, _ date: SimpleDate) -> String {
        "\(place), \(longDate(date))"
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, n) { result *= 10 }
        return result
    }

    private static func groupThousands(_ digits: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(rest.suffix(3), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(rest, at: 0)
        return groups.joined(separator: ".")
    }
}

extension String {
    /// The digits of a whole, non-negative Double, without going through Int (which could overflow).
    init(format0 value: Double) {
        if value < 9.0e15 {
            self = String(Int64(value))
            return
        }
        var digits: [Character] = []
        var rest = value
        while rest >= 1 {
            let digit = Int(rest.truncatingRemainder(dividingBy: 10))
            digits.append(Character(String(digit)))
            rest = (rest / 10).rounded(.towardZero)
        }
        self = digits.isEmpty ? "0" : String(digits.reversed())
    }
}
