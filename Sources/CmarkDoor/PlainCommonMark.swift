/// The CommonMark of units' texts and points that are plain prose, written directly rather than
/// parsed into cmark's nodes and rendered back by its CommonMark writer, which for such text gives
/// back the text itself: at 1,000 units that round trip was two thirds of writing the draft's
/// Markdown, against a third for its HTML from the same nodes (docs/hieu-nang.md).
///
/// Only text whose round trip is known is taken; anything else gives nil and goes through cmark.
/// Plain means: paragraphs of lines, each line starting with a letter (so no line can open a
/// block, and the writer escapes nothing at its start), ending in no space (no hard break, no
/// trimmed space), and holding only letters, digits, spaces and punctuation that cmark's writer
/// never escapes in running text. A test compares this with cmark on random text of that alphabet.
enum PlainCommonMark {
    /// What cmark's CommonMark writer gives for `insertion` alone in a document, without its
    /// final newlines, or nil when the insertion is not all plain units' texts or points.
    static func rendered(_ insertion: Insertion) -> [UInt8]? {
        let pieces: [Sourced]
        let isList: Bool
        switch insertion {
        case .sourcedFragments(let given, _): (pieces, isList) = (given, false)
        case .sourcedList(let given, _): (pieces, isList) = (given, true)
        default: return nil
        }
        guard !pieces.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.source.utf8.count + $1.text.utf8.count + 8 })
        let written = plain.withUnsafeBufferPointer { plain in
            pieces.allSatisfy { piece in
                var (source, text) = (piece.source, piece.text)
                return source.withUTF8 { name in
                    text.withUTF8 { bytes in
                        isList ? appendPoint(bytes, name, to: &out, plain) : appendText(bytes, name, to: &out, plain)
                    }
                }
            }
        }
        return written ? out : nil
    }

    /// A unit's text: its source as a paragraph in italics ("*Sở Tư pháp:*"), then its
    /// paragraphs, all separated by blank lines, as cmark separates blocks.
    private static func appendText(
        _ text: UnsafeBufferPointer<UInt8>, _ source: UnsafeBufferPointer<UInt8>, to out: inout [UInt8],
        _ plain: UnsafeBufferPointer<Bool>
    ) -> Bool {
        guard isPlainLine(source, plain), isPlainText(text, plain) else { return false }
        if !out.isEmpty { out += [0x0A, 0x0A] }
        out.append(0x2A)
        out += source
        out += [0x3A, 0x2A, 0x0A, 0x0A]
        out += text
        return true
    }

    /// A point of one line, as an item of a tight bullet list with its source after it in
    /// italics ("  - Ý. *(Sở Tư pháp)*"), items one to a line, as cmark writes them.
    private static func appendPoint(
        _ text: UnsafeBufferPointer<UInt8>, _ source: UnsafeBufferPointer<UInt8>, to out: inout [UInt8],
        _ plain: UnsafeBufferPointer<Bool>
    ) -> Bool {
        guard isPlainLine(source, plain), isPlainLine(text, plain) else { return false }
        if !out.isEmpty { out.append(0x0A) }
        out += [0x20, 0x20, 0x2D, 0x20]
        out += text
        out += [0x20, 0x2A, 0x28]
        out += source
        out += [0x29, 0x2A]
        return true
    }

    /// Plain lines, one blank line between paragraphs; none at the start, none twice, none at
    /// the end: cmark's writer gives such a text back byte for byte.
    private static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>, _ plain: UnsafeBufferPointer<Bool>) -> Bool {
        var index = 0
        while true {
            let start = index
            while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            guard isPlainLine(UnsafeBufferPointer(rebasing: bytes[start..<index]), plain) else { return false }
            if index == bytes.count { return true }
            index += 1
            if index < bytes.count && bytes[index] == 0x0A { index += 1 }
        }
    }

    /// A line that starts with a letter, ends with no space, and holds only bytes of `plain`.
    private static func isPlainLine(_ line: UnsafeBufferPointer<UInt8>, _ plain: UnsafeBufferPointer<Bool>) -> Bool {
        guard let first = line.first, startsLine(first), line[line.count - 1] != 0x20 else { return false }
        for byte in line where !plain[Int(byte)] { return false }
        return true
    }

    /// An ASCII letter, or the lead byte of a multi-byte scalar (cmark's blocks and escapes are
    /// all ASCII), but not 0xEF, which leads a byte-order mark: cmark drops one that starts the
    /// text it parses.
    private static func startsLine(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0xC2 && byte != 0xEF)
    }

    /// Bytes cmark's writer copies as they are in running text that does not start a line: those
    /// of other scalars than ASCII, letters, digits, the space, and `. , ; : ( ) % / ' " ? - + =`
    /// (no `*`, `_`, `[`, `]`, `#`, `<`, `>`, `!`, `&`, backslash, backtick, `~`, `|`, tab or
    /// control character: each is markup somewhere, or escaped).
    private static let plain: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        if byte >= 0x80 { return true }
        if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return true }
        return Array(" .,;:()%/'\"?-+=".utf8).contains(byte)
    }
}
