/// UTF-8 checked by a shift-based automaton, one table load and one shift per byte, and Strings
/// made from bytes it passed without the standard library checking them again: its check walks a
/// Vietnamese text's multi-byte letters one by one, and a warm consolidation decodes every unit's
/// texts from the cache, and a tenth of its time went to that check. About three times faster
/// over the units' texts, measured.
package enum UTF8Text {
    /// The automaton's states, as bit offsets into a row (`rows`): a text is valid when it ends in
    /// `accept`. "Tail" states wait for continuation bytes; the four special ones allow only part
    /// of the continuation range after E0, ED, F0 and F4 (no overlong forms, surrogates or values
    /// above U+10FFFF).
    private static let accept: UInt64 = 0
    private static let reject: UInt64 = 6
    private static let tail1: UInt64 = 12
    private static let tail2: UInt64 = 18
    private static let tail3: UInt64 = 24
    private static let afterE0: UInt64 = 30
    private static let afterED: UInt64 = 36
    private static let afterF0: UInt64 = 42
    private static let afterF4: UInt64 = 48

    /// For each byte value, the next state from every state, six bits each at the state's offset;
    /// a state missing from a row goes to `reject` (whose own transition is always `reject`).
    private static let rows: [UInt64] = (0...255).map { value in
        var moves: [(UInt64, UInt64)] = []
        switch UInt8(value) {
        case 0x00...0x7F: moves = [(accept, accept)]
        case 0x80...0x8F: moves = [(tail1, accept), (tail2, tail1), (tail3, tail2), (afterED, tail1), (afterF4, tail2)]
        case 0x90...0x9F: moves = [(tail1, accept), (tail2, tail1), (tail3, tail2), (afterED, tail1), (afterF0, tail2)]
        case 0xA0...0xBF: moves = [(tail1, accept), (tail2, tail1), (tail3, tail2), (afterE0, tail1), (afterF0, tail2)]
        case 0xC2...0xDF: moves = [(accept, tail1)]
        case 0xE0: moves = [(accept, afterE0)]
        case 0xED: moves = [(accept, afterED)]
        case 0xE1...0xEF: moves = [(accept, tail2)]
        case 0xF0: moves = [(accept, afterF0)]
        case 0xF1...0xF3: moves = [(accept, tail3)]
        case 0xF4: moves = [(accept, afterF4)]
        default: break
        }
        var row: UInt64 = 0
        for state in stride(from: UInt64(0), through: afterF4, by: 6) { row |= reject << state }
        for (from, to) in moves { row = row & ~(63 << from) | to << from }
        return row
    }

    /// Whether `bytes` are valid UTF-8.
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return rows.withUnsafeBufferPointer { rows in
            var state = accept
            var index = 0
            let count = bytes.count
            while index < count {
                // No fast path for runs of ASCII: in Vietnamese text they are a few letters long,
                // and testing for them cost more than the one shift per byte it saved (measured).
                state = rows[Int(base[index])] &>> state
                index += 1
            }
            return state & 63 == accept
        }
    }

    /// `bytes` as a String when they are valid UTF-8 (`isValid`), else nil.
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard isValid(bytes) else { return nil }
        return String(copying: unsafe UTF8Span(unchecked: bytes.span))
    }

    /// `bytes` as a String without checking them, for bytes cut out of a String's own UTF-8 at
    /// ASCII bytes (line breaks, spaces), which are valid UTF-8 as the String was. Anything else
    /// goes through `string(_:)`.
    package static func string(cutFromValid bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(copying: unsafe UTF8Span(unchecked: bytes.span))
    }

    /// The same for part of an array.
    package static func string(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { string($0) }
    }
}
