/// How sections are numbered at each depth, in the Vietnamese administrative style:
/// "Phần I", "I.", "1.", "a)", "-". Kept as data so that an outline can choose its own.
public struct NumberingScheme: Sendable, Equatable {
    public enum Style: String, Sendable, CaseIterable {
        /// "Phần I", "Phần II": a part on its own centred line.
        case part = "phan"
        /// "I.", "II."
        case roman = "la-ma"
        /// "1.", "2."
        case arabic = "so"
        /// "a)", "b)", … following the Vietnamese alphabet (đ after d, no f, j, w, z).
        case letter = "chu"
        /// "-" for every item.
        case dash = "gach"
    }

    public var styles: [Style]

    public init(styles: [Style]) { self.styles = styles }

    /// The label of the `index`-th (0-based) section at `depth` (1-based).
    public func label(depth: Int, index: Int) -> String {
        Self.label(style(depth: depth), index: index)
    }

    /// The style used at `depth` (1-based); past the last declared style, the last one.
    public func style(depth: Int) -> Style {
        styles.isEmpty ? .arabic : styles[min(depth - 1, styles.count - 1)]
    }

    public static func label(_ style: Style, index: Int) -> String {
        switch style {
        case .part: return "Phần \(roman(index + 1))"
        case .roman: return "\(roman(index + 1))."
        case .arabic: return "\(index + 1)."
        case .letter: return "\(letter(index)))"
        case .dash: return "-"
        }
    }

    /// The letters Vietnamese documents number with: the Vietnamese alphabet without its vowel
    /// variants (ă, â, ê, ô, ơ, ư), keeping đ.
    static let letters: [String] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
    ]

    static func letter(_ index: Int) -> String {
        // Past "y" the sequence doubles up, "aa", "bb", as Word does.
        let repeats = index / letters.count + 1
        return String(repeating: letters[index % letters.count], count: repeats)
    }

    static func roman(_ number: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = number
        var result = ""
        for (value, symbol) in table {
            while rest >= value {
                result += symbol
                rest -= value
            }
        }
        return result
    }
}
