/// Units' texts and points that are plain prose, written in CommonMark and HTML directly rather
/// than parsed into cmark's nodes and rendered by its writers: for such text the CommonMark is the
/// text itself and the HTML the text in `<p>` or `<li>`. At 1,000 units that round trip was two
/// thirds of writing the draft's Markdown (docs/hieu-nang.md).
///
/// Only text whose rendering is known is taken; anything else gives nil and goes through cmark.
/// Plain means: paragraphs of lines, each line starting with a letter (so no line can open a
/// block, and the CommonMark writer escapes nothing at its start), ending in no space (no hard
/// break, no trimmed space), and holding only letters, digits, spaces and punctuation that
/// neither writer changes but for the HTML's `&quot;`; a point is one line. Tests compare this
/// with cmark on random text of that alphabet.
enum PlainProse {
    /// What cmark gives for `insertion` alone in a document in `format`, with the container of
    /// each unit's text of class `sourceClass`; nil when the insertion is not all plain units'
    /// texts or points, plain text of the province's own (`.fragment`), or a sequence of these.
    static func rendered(_ insertion: Insertion, _ format: TreeFormat, sourceClass: String) -> [UInt8]? {
        let pieces: [Sourced]
        let isList: Bool
        switch insertion {
        case .sourcedFragments(let given, _): (pieces, isList) = (given, false)
        case .sourcedList(let given, _): (pieces, isList) = (given, true)
        case .fragment(let text, _): return paragraphs(text, format)
        case .sequence(let parts): return sequence(parts, format, sourceClass: sourceClass)
        default: return nil
        }
        guard !pieces.isEmpty else { return nil }
        var writer = Writer(format: format, sourceClass: Array(sourceClass.utf8))
        writer.out.reserveCapacity(pieces.reduce(0) { $0 + $1.source.utf8.count + $1.text.utf8.count + 40 })
        if isList && format == .html { writer.out += Array("<ul>\n".utf8) }
        let written = pieces.allSatisfy { piece in
            guard piece.shape == .line || (piece.shape == .paragraphs && !isList) else { return false }
            var (source, text) = (piece.source, piece.text)
            source.withUTF8 { name in
                text.withUTF8 { bytes in isList ? writer.point(bytes, name) : writer.text(bytes, name) }
            }
            return true
        }
        if isList && format == .html { writer.out += Array("</ul>\n".utf8) }
        return written ? writer.out : nil
    }

    /// Plain parts one after the other, as cmark writes their blocks: a blank line between them in
    /// CommonMark, nothing in HTML. A section opening with the province's own sentence (its
    /// figures, `cau_so_lieu`) before the units' texts is such a sequence, and its first chunk,
    /// a quarter of a megabyte, went through cmark's CommonMark writer for that sentence alone
    /// (7% of a 100-unit draft's instructions). Two lists in a row are left to cmark, which puts
    /// a comment between them.
    private static func sequence(_ parts: [Insertion], _ format: TreeFormat, sourceClass: String) -> [UInt8]? {
        guard !parts.isEmpty else { return nil }
        var out: [UInt8] = []
        var afterList = false
        for part in parts {
            let isList: Bool
            switch part {
            case .fragment, .sourcedFragments: isList = false
            case .sourcedList: isList = true
            default: return nil
            }
            guard !(isList && afterList), let written = rendered(part, format, sourceClass: sourceClass) else { return nil }
            if format == .commonMark && !out.isEmpty { out += [0x0A, 0x0A] }
            out += written
            afterList = isList
        }
        return out
    }

    /// The province's own plain text (a `.fragment`): itself in CommonMark, its paragraphs in HTML.
    private static func paragraphs(_ text: String, _ format: TreeFormat) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            guard isPlainText(bytes) else { return nil }
            var writer = Writer(format: format, sourceClass: [])
            writer.out.reserveCapacity(bytes.count + 16)
            switch format {
            case .commonMark: writer.out += bytes
            case .html: writer.paragraphs(bytes)
            }
            return writer.out
        }
    }

    /// How a unit's piece may be written without cmark: not at all, as a unit's text, or also
    /// as a point (one line).
    enum Shape: Sendable {
        case none, paragraphs, line
    }

    /// The shape of a piece: its source a plain line, its text plain prose, and one line or more.
    static func shape(source: String, text: String) -> Shape {
        var (source, text) = (source, text)
        return plain.withUnsafeBufferPointer { plain in
            source.withUTF8 { name in
                text.withUTF8 { bytes in
                    guard isPlainLine(name, plain), isPlainText(bytes, plain) else { return .none }
                    return ByteSearch.next(0x0A, in: bytes, from: 0) == bytes.count ? .line : .paragraphs
                }
            }
        }
    }

    /// Writes checked texts as cmark's writers do: CommonMark without its final newline.
    private struct Writer {
        let format: TreeFormat
        let sourceClass: [UInt8]
        var out: [UInt8] = []

        /// A unit's text: its source as a paragraph in italics, then its paragraphs.
        mutating func text(_ text: UnsafeBufferPointer<UInt8>, _ source: UnsafeBufferPointer<UInt8>) {
            switch format {
            case .commonMark:
                // "*Sở Tư pháp:*", then the paragraphs, all separated by blank lines.
                if !out.isEmpty { out += [0x0A, 0x0A] }
                out.append(0x2A)
                out += source
                out += [0x3A, 0x2A, 0x0A, 0x0A]
                out += text
            case .html:
                out += Array("<div class=\"".utf8)
                out += sourceClass
                out += Array("\">\n<p><em>".utf8)
                escaped(source)
                out += Array(":</em></p>\n".utf8)
                paragraphs(text)
                out += Array("</div>\n".utf8)
            }
        }

        /// Plain text's paragraphs in HTML: a blank line ends a paragraph; a line break within
        /// one stays a line break.
        mutating func paragraphs(_ text: UnsafeBufferPointer<UInt8>) {
            out += Array("<p>".utf8)
            var start = 0
            var blank = ByteSearch.nextBlankLine(in: text, from: 0)
            while blank < text.count {
                escaped(UnsafeBufferPointer(rebasing: text[start..<blank]))
                out += Array("</p>\n<p>".utf8)
                start = blank + 2
                blank = ByteSearch.nextBlankLine(in: text, from: start)
            }
            escaped(UnsafeBufferPointer(rebasing: text[start...]))
            out += Array("</p>\n".utf8)
        }

        /// A point with its source after it in italics, one item of a tight bullet list.
        mutating func point(_ text: UnsafeBufferPointer<UInt8>, _ source: UnsafeBufferPointer<UInt8>) {
            switch format {
            case .commonMark:
                // "  - Ý. *(Sở Tư pháp)*", one to a line.
                if !out.isEmpty { out.append(0x0A) }
                out += [0x20, 0x20, 0x2D, 0x20]
                out += text
                out += [0x20, 0x2A, 0x28]
                out += source
                out += [0x29, 0x2A]
            case .html:
                out += Array("<li>".utf8)
                escaped(text)
                out += Array(" <em>(".utf8)
                escaped(source)
                out += Array(")</em></li>\n".utf8)
            }
        }

        /// Plain bytes as HTML text: of them only the quotation mark is escaped.
        private mutating func escaped(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            var quote = ByteSearch.next(0x22, in: bytes, from: 0)
            while quote < bytes.count {
                out += UnsafeBufferPointer(rebasing: bytes[start..<quote])
                out += Array("&quot;".utf8)
                start = quote + 1
                quote = ByteSearch.next(0x22, in: bytes, from: start)
            }
            out += UnsafeBufferPointer(rebasing: bytes[start...])
        }
    }

    /// Whether `bytes` are plain prose (`isPlainText`).
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        plain.withUnsafeBufferPointer { isPlainText(bytes, $0) }
    }

    /// Plain lines, one blank line between paragraphs; none at the start, none twice, none at
    /// the end: cmark's writer gives such a text back byte for byte.
    private static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>, _ plain: UnsafeBufferPointer<UInt8>) -> Bool {
        // One pass: finding each line's end and then reading the line again was most of the time
        // this check took. (A step of eight holding a byte that is not plain is read again byte
        // by byte.)
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a step while all are plain (most of a text), their table entries
            // taken together rather than each tested and branched on.
            while index &+ 8 <= count {
                let all =
                    plain[Int(bytes[index])] & plain[Int(bytes[index &+ 1])] & plain[Int(bytes[index &+ 2])]
                    & plain[Int(bytes[index &+ 3])] & plain[Int(bytes[index &+ 4])] & plain[Int(bytes[index &+ 5])]
                    & plain[Int(bytes[index &+ 6])] & plain[Int(bytes[index &+ 7])]
                if all == 0 { break }
                index &+= 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if plain[Int(byte)] != 0 {
                index += 1
                continue
            }
            guard byte == 0x0A, isPlainLineEnds(bytes, start, index) else { return false }
            index += 1
            if index < bytes.count && bytes[index] == 0x0A { index += 1 }
            start = index
        }
        return isPlainLineEnds(bytes, start, index)
    }

    /// Whether `bytes[start..<end]`, whose bytes are plain, starts with a letter and ends in no space.
    private static func isPlainLineEnds(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        start < end && startsLine(bytes[start]) && bytes[end - 1] != 0x20
    }

    /// A line that starts with a letter, ends with no space, and holds only bytes of `plain`.
    private static func isPlainLine(_ line: UnsafeBufferPointer<UInt8>, _ plain: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isPlainLineEnds(line, 0, line.count) else { return false }
        for byte in line where plain[Int(byte)] == 0 { return false }
        return true
    }

    /// An ASCII letter, or the lead byte of a multi-byte scalar (cmark's blocks and escapes are
    /// all ASCII), but not 0xEF, which leads a byte-order mark: cmark drops one that starts the
    /// text it parses.
    private static func startsLine(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0xC2 && byte != 0xEF)
    }

    /// Bytes cmark's writers copy as they are in running text that does not start a line (the
    /// HTML one escaping `"`): those of other scalars than ASCII, letters, digits, the space, and
    /// `. , ; : ( ) % / ' " ? - + =` (no `*`, `_`, `[`, `]`, `#`, `<`, `>`, `!`, `&`, backslash,
    /// backtick, `~`, `|`, tab or control character: each is markup somewhere, or escaped).
    /// 1 for a plain byte, 0 for any other.
    private static let plain: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        if byte >= 0x80 { return 1 }
        if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return 1 }
        return Array(" .,;:()%/'\"?-+=".utf8).contains(byte) ? 1 : 0
    }
}
