import TongketCore

/// The comparison form of a paragraph or point (`PointMerger`'s normalisation), built straight
/// from the text's UTF-8 into one byte buffer.
///
/// It runs over every block of every unit at each consolidation. Splitting into an array of
/// `String` words, each grown scalar by scalar, was a quarter of a 1,000-unit consolidation's
/// processor time (docs/hieu-nang.md); here the words are appended to one buffer, separated by
/// one space, and the writer's name is taken out of that buffer. What it produces is byte for byte
/// what the word-by-word normalisation joined with spaces produced (a test compares the two on
/// every paragraph of the example and on random text).
struct ComparisonForm {
    /// The words, each followed by one space until the last.
    private(set) var bytes: [UInt8] = []
    /// Where each word starts in `bytes`.
    private var starts: [Int] = []

    /// The comparison form of text. The text is put in NFC (`SourceText.nfc`) only when it holds
    /// a scalar that may compose, which the reading meets anyway: a separate scan for them cost
    /// as much as the reading.
    init(_ text: String) {
        var copy = text
        if copy.withUTF8({ read($0, composed: false) }) { return }
        self = ComparisonForm()
        var composed = SourceText.nfc(text)
        _ = composed.withUTF8 { read($0, composed: true) }
    }

    private init() {}

    /// The words of `name`, as `removing` takes them.
    static func words(ofName name: String) -> [[UInt8]] {
        let form = ComparisonForm(name)
        return form.starts.indices.map { Array(form.word($0)) }
    }

    /// The form without every non-overlapping occurrence of the run of words `name`, left to right.
    func removing(_ name: [[UInt8]]) -> [UInt8] {
        guard let first = name.first, starts.count >= name.count else { return bytes }
        var kept: [UInt8] = []
        var index = 0
        var removed = false
        while index < starts.count {
            // Length and first byte before the bytes: most words are not the name's first, and
            // comparing every word's bytes was most of the removal's time.
            let start = starts[index]
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
            if end - start == first.count, bytes[start] == first[0], word(index).elementsEqual(first),
                index + name.count <= starts.count,
                (1..<name.count).allSatisfy({ word(index + $0).elementsEqual(name[$0]) })
            {
                if !removed {  // the words before it, kept as they are, without the space after them
                    kept.reserveCapacity(bytes.count)
                    if index > 0 { kept.append(contentsOf: bytes[..<(starts[index] - 1)]) }
                    removed = true
                }
                index += name.count
                continue
            }
            if removed {
                if !kept.isEmpty { kept.append(0x20) }
                kept.append(contentsOf: word(index))
            }
            index += 1
        }
        return removed ? kept : bytes
    }

    private func word(_ index: Int) -> ArraySlice<UInt8> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        return bytes[starts[index]..<end]
    }

    // MARK: Reading

    /// Reads text's words into `bytes`; false, having stopped, at a scalar that may compose
    /// unless the text is `composed` already.
    ///
    /// Lower-case letters, and the single spaces between words of them, are the form as written:
    /// they are copied as runs of the text's bytes (`run..<runEnd`) when something else comes,
    /// rather than scalar by scalar.
    private mutating func read(_ text: UnsafeBufferPointer<UInt8>, composed: Bool) -> Bool {
        bytes.reserveCapacity(text.count)
        // Most words take four bytes or more with the space after them: room for their starts
        // at once, rather than the array growing six or seven times in a paragraph (a quarter
        // of the reading's instructions).
        starts.reserveCapacity(text.count / 4 &+ 1)
        return ScalarKind.table.kinds.withUnsafeBufferPointer { read(text, composed: composed, kinds: $0) }
    }

    /// The kinds are tested most frequent first, lower-case letters, then separators: a switch
    /// over them was a jump through a table at every scalar, the most costly instruction of the
    /// reading (perf).
    private mutating func read(_ text: UnsafeBufferPointer<UInt8>, composed: Bool, kinds: UnsafeBufferPointer<ScalarKind>) -> Bool {
        var inWord = false
        var run = -1
        var runEnd = -1
        func flush(_ bytes: inout [UInt8]) {
            if run >= 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<runEnd])) }
            run = -1
        }
        var index = 0
        while index < text.count {
            let byte = text[index]
            let scalar: Unicode.Scalar
            let length: Int
            let kind: ScalarKind
            if byte < 0x80 {
                (scalar, length, kind) = (Unicode.Scalar(byte), 1, kinds[Int(byte)])
            } else if byte < 0xF0 {
                // Two and three bytes (Vietnamese's letters), decoded in line rather than by
                // the general decoding's loop.
                let value: UInt32
                if byte < 0xE0 {
                    value = UInt32(byte & 0x1F) << 6 | UInt32(text[index &+ 1] & 0x3F)
                    length = 2
                } else {
                    value = UInt32(byte & 0x0F) << 12 | UInt32(text[index &+ 1] & 0x3F) << 6 | UInt32(text[index &+ 2] & 0x3F)
                    length = 3
                }
                scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                kind = value < ScalarKind.tableSize ? kinds[Int(value)] : ScalarKind(scalar)
            } else {
                (scalar, length) = Self.decode(text, at: index)
                kind = ScalarKind(scalar)
            }
            if kind == .lower || (kind == .composing && composed) {
                if inWord {
                    if run < 0 { run = index }
                } else if run >= 0, runEnd == index &- 1, text[runEnd] == 0x20 {
                    // The one space after the run's last word separates this word from it.
                    starts.append(bytes.count &+ index &- run)
                    inWord = true
                } else {
                    flush(&bytes)
                    startWord(&inWord)
                    run = index
                }
                index &+= length
                // The rest of the word's ASCII lower-case letters, which would each only move
                // `runEnd` (the run is open and the word started): most of a Vietnamese text's
                // bytes, read here without decoding or looking up their kind.
                while index < text.count, text[index] &- 0x61 < 26 { index &+= 1 }
                runEnd = index
                continue
            } else if kind == .separator {
                if byte != 0x20 || !inWord { flush(&bytes) }
                inWord = false
            } else if kind == .upper {
                flush(&bytes)
                if !inWord { startWord(&inWord) }
                appendLowercase(scalar)
            } else if kind == .digit {
                flush(&bytes)
                let end = Self.numberEnd(text, from: index)
                startWord(&inWord)
                appendNumber(UnsafeBufferPointer(rebasing: text[index..<end]))
                inWord = false
                index = end
                continue
            } else {  // a scalar that may compose, in a text not composed yet
                return false
            }
            index &+= length
        }
        flush(&bytes)
        return true
    }

    private mutating func appendLowercase(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            bytes.append(UInt8(scalar.value | 0x20))
        } else if let lower = ScalarKind.singleLowercase(scalar) {
            UTF8.encode(lower, into: { bytes.append($0) })
        } else {
            bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
    }

    private mutating func startWord(_ inWord: inout Bool) {
        if !starts.isEmpty { bytes.append(0x20) }
        starts.append(bytes.count)
        inWord = true
    }

    /// The end of the number starting at `start`: digits, and "." or "," each followed by a digit.
    private static func numberEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < text.count {
            let (scalar, length) = decode(text, at: index)
            if ScalarKind(scalar) == .digit {
                index += length
            } else if scalar == "." || scalar == ",", index + 1 < text.count, ScalarKind(decode(text, at: index + 1).0) == .digit {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// A number as its value (`PointMerger.canonicalNumber`). Digits alone, not starting with a
    /// zero, are their own value, and most numbers are such (years, counts): they are copied,
    /// since `canonicalNumber` works on Characters and was half of making a form. Anything else
    /// (a separator, a leading zero) goes through it.
    private mutating func appendNumber(_ written: UnsafeBufferPointer<UInt8>) {
        if let first = written.first, first != 0x30, written.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            bytes.append(contentsOf: written)
            return
        }
        bytes.append(contentsOf: PointMerger.canonicalNumber(String(decoding: written, as: UTF8.self)).utf8)
    }

    /// The scalar at `index` of valid UTF-8 (a Swift string's) and its length in bytes.
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(text[index])
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(UInt8(lead)), 1)
        case 0xC0..<0xE0: (length, value) = (2, lead & 0x1F)
        case 0xE0..<0xF0: (length, value) = (3, lead & 0x0F)
        default: (length, value) = (4, lead & 0x07)
        }
        for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// What a scalar is to the normalisation: ASCII from its value, the scalars below U+2000 (Latin
/// with Vietnamese's letters, combining marks, Greek, Cyrillic) from a table made once, the rest
/// from the Unicode general category.
enum ScalarKind: UInt8 {
    case lower, upper, digit, separator
    /// A combining mark or a Hangul jamo: a lower-case letter, in a text that `SourceText.nfc`
    /// precomposes (it leaves a text without them as it is).
    case composing

    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if scalar.isASCII {
            switch value {
            case 0x30...0x39: self = .digit
            case 0x61...0x7A: self = .lower
            case 0x41...0x5A: self = .upper
            default: self = .separator
            }
        } else if value < Self.tableSize {
            self = Self.table.kinds[Int(value)]
        } else {
            self = Self(category: scalar)
        }
    }

    /// The lower case of an upper-case scalar when it is one scalar (nil above the table).
    static func singleLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard scalar.value < tableSize else { return nil }
        let lower = table.lowers[Int(scalar.value)]
        return lower == 0 ? nil : Unicode.Scalar(lower)
    }

    private init(category scalar: Unicode.Scalar) {
        if (0x1100...0x11FF).contains(scalar.value) {
            self = .composing
            return
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: self = .upper
        case .lowercaseLetter, .modifierLetter, .otherLetter: self = .lower
        case .nonspacingMark, .spacingMark, .enclosingMark: self = .composing
        case .decimalNumber: self = .digit
        default: self = .separator
        }
    }

    static let tableSize: UInt32 = 0x2000

    /// Each scalar's kind below `tableSize`, and the lower case of each upper-case one that lowers
    /// to one scalar (0 otherwise).
    static let table: (kinds: [ScalarKind], lowers: [UInt32]) = {
        var kinds = [ScalarKind](repeating: .separator, count: Int(tableSize))
        var lowers = [UInt32](repeating: 0, count: Int(tableSize))
        for value in 0..<tableSize {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let kind = scalar.isASCII ? ScalarKind(scalar) : ScalarKind(category: scalar)
            kinds[Int(value)] = kind
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if kind == .upper, lower.count == 1, let first = lower.first { lowers[Int(value)] = first.value }
        }
        return (kinds, lowers)
    }()
}
