/// The number of an appendix tongket adds after the outline's own (the annex of submissions), in
/// the outline's scheme: "08" after "02"…"07", "V" after "I"…"IV", "5" after "1"…"4".
public enum AppendixNumbering {
    public static func next(after numbers: [String]) -> String {
        let digits = numbers.filter { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        if let highest = digits.compactMap({ Int($0) }).max() {
            let width = digits.map(\.count).max() ?? 1
            let next = String(highest + 1)
            return String(repeating: "0", count: max(0, width - next.count)) + next
        }
        let romans = numbers.compactMap(value(roman:))
        if let highest = romans.max() { return NumberingScheme.roman(highest + 1) }
        // No numbers the scheme can continue: plans number their appendices from 01.
        return "01"
    }

    /// The value of an upper-case Roman numeral written as `NumberingScheme` writes them.
    static func value(roman text: String) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ "IVXLCDM".contains($0) }) else { return nil }
        return (1...3999).first { NumberingScheme.roman($0) == text }
    }
}
