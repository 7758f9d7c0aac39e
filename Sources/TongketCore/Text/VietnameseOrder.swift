import Foundation

/// Vietnamese alphabetical order (a ă â b c d đ e ê … o ô ơ … u ư …), tones after letters in
/// dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng). Swift's `<` puts Đ after V, and ICU's
/// locale data can differ between machines; a key computed here (from the Unicode decomposition,
/// which is not locale data) gives the same order everywhere.
public enum VietnameseOrder {
    public static func areInOrder(_ a: String, _ b: String) -> Bool {
        let (x, y) = (key(a), key(b))
        if x != y { return x.lexicographicallyPrecedes(y) }
        return a < b
    }

    /// `items` sorted by `name`; each key is computed once, and positions are sorted rather than
    /// the items themselves (a submission is a large value: moving them about was most of sorting
    /// 1,000 units). Items of the same name keep their order.
    public static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        let names = items.map(name)
        let keys = names.map(key)
        return items.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a].lexicographicallyPrecedes(keys[b]) }
            if names[a] != names[b] { return names[a] < names[b] }
            return a < b
        }.map { items[$0] }
    }

    /// Letters first (primary), then tones (secondary), then case (tertiary), so that "an" < "àn" < "ăn".
    static func key(_ text: String) -> [UInt32] {
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        var tertiary: [UInt32] = []
        for character in text {
            let weights: Weights
            // A character of one scalar among the Latin ones (all of Vietnamese, precomposed) is
            // looked up: decomposing each character through Foundation was most of a sort's time.
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, let index = Self.tableIndex(scalar) {
                weights = Self.table[index]
            } else {
                guard let computed = Self.weights(of: character) else { continue }
                weights = computed
            }
            primary.append(weights.letter)
            secondary.append(weights.tone)
            tertiary.append(weights.upper)
        }
        return primary + [0] + secondary + [0] + tertiary
    }

    struct Weights {
        var letter: UInt32
        var tone: UInt32
        var upper: UInt32
    }

    /// The scalars the table holds: Basic Latin to Latin Extended-B, and Latin Extended Additional.
    private static func tableIndex(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0..<0x250: return Int(scalar.value)
        case 0x1E00..<0x1F00: return 0x250 + Int(scalar.value - 0x1E00)
        default: return nil
        }
    }

    /// `weights(of:)` of every scalar `tableIndex` covers, made once.
    private static let table: [Weights] = (Array(0..<0x250) + Array(0x1E00..<0x1F00)).map { value in
        Unicode.Scalar(UInt32(value)).flatMap { weights(of: Character($0)) } ?? Weights(letter: 0, tone: 0, upper: 0)
    }

    /// A character's letter, tone and case, from its canonical decomposition; nil for one without scalars.
    static func weights(of character: Character) -> Weights? {
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let base = scalars.first else { return nil }
        var letter = Character(base).lowercased().first ?? Character(base)
        var tone: UInt32 = 0
        var modifier: Character?
        for mark in scalars.dropFirst() {
            switch mark.value {
            case 0x300: tone = 1  // huyền
            case 0x309: tone = 2  // hỏi
            case 0x303: tone = 3  // ngã
            case 0x301: tone = 4  // sắc
            case 0x323: tone = 5  // nặng
            case 0x306: modifier = "ă"
            case 0x302: modifier = "â"
            case 0x31B: modifier = "ơ"
            default: break
            }
        }
        if let modifier {
            switch (letter, modifier) {
            case ("a", "ă"): letter = "ă"
            case ("a", "â"): letter = "â"
            case ("e", "â"): letter = "ê"
            case ("o", "â"): letter = "ô"
            case ("o", "ơ"): letter = "ơ"
            case ("u", "ơ"): letter = "ư"
            default: break
            }
        }
        if letter == "đ" || base.value == 0x110 { letter = "đ" }
        return Weights(letter: weight(letter), tone: tone, upper: Character(base).isUppercase ? 1 : 0)
    }

    static let alphabet: [Character] = Array("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")

    /// Digits, then letters in Vietnamese order, then everything else by code point; spaces and
    /// punctuation sort before letters so that "Quan Sơn" < "Quảng Xương".
    static func weight(_ letter: Character) -> UInt32 {
        if let index = alphabet.firstIndex(of: letter) { return 0x200 + UInt32(index) }
        if let scalar = letter.unicodeScalars.first {
            if letter.isNumber { return 0x100 + scalar.value }
            if scalar.value < 0x80 { return 1 + scalar.value }
            return 0x1000 + scalar.value
        }
        return 0
    }
}
