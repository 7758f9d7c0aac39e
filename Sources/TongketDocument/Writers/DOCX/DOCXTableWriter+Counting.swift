/// Counting a cell's characters and words for the widths of a table. Swift counts characters by
/// grapheme cluster, which cost a table's layout most of its time (a tenth of rendering one
/// unit); in text whose every scalar is its own character, counting scalars gives the same
/// figures far more cheaply, and only other text is counted by characters.
extension DOCXTableWriter {
    /// The number of characters of `text`, as `count` gives it.
    static func characterCount(_ text: some StringProtocol) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            guard standsAlone(scalar) else { return text.count }
            count += 1
        }
        return count
    }

    /// The characters of the longest of `text`'s words (between spaces); `loose`, of the longest
    /// piece when words break after a slash that a letter follows (`slashPieces`).
    static func longestWord(_ text: String, loose: Bool) -> Int {
        var (longest, piece, previous) = (0, 0, Unicode.Scalar(0))
        for scalar in text.unicodeScalars {
            guard standsAlone(scalar) else {
                return text.split(separator: " ").map { loose ? slashPieces($0).map(\.count).max() ?? 0 : $0.count }.max() ?? 0
            }
            if scalar == " " {
                (longest, piece) = (max(longest, piece), 0)
            } else {
                if loose, previous == "/", Character(scalar).isLetter { (longest, piece) = (max(longest, piece), 0) }
                piece += 1
            }
            previous = scalar
        }
        return max(longest, piece)
    }

    /// Whether `scalar` is a character by itself whatever stands beside it: below U+0300 (where
    /// the combining marks begin) but a carriage return, which a line feed joins, or a
    /// precomposed Vietnamese letter (U+1EA0–U+1EFF).
    @inline(__always)
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x300 && scalar != "\r") || (0x1EA0...0x1EFF).contains(scalar.value)
    }
}
