extension StringProtocol {
    /// Without leading and trailing white space and line breaks: Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (the Unicode White_Space property), in
    /// Swift, since on Linux Foundation's copies every string through NSString and UTF-16, which
    /// took a third of the time of reading a Word form.
    func trimmedWhitespace() -> String { trimmed { $0.isWhitespace } }

    /// Without leading and trailing spaces and tabs (`.whitespaces`), line breaks kept.
    func trimmedSpaces() -> String { trimmed { $0.isWhitespace && !$0.isNewline } }

    private func trimmed(_ isSpace: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The lines of the text split at each line feed, empty lines kept: over the UTF-8 bytes in
    /// one pass, since `split(separator: "\n")` walks Characters (grapheme breaking every
    /// Vietnamese letter) and even the UTF-8 view's generic split stepped index by index.
    func lineFeedSeparated() -> [Substring] {
        var text = self
        let cuts = text.withUTF8 { bytes -> [Int] in
            var cuts: [Int] = []
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { cuts.append(offset) }
            return cuts
        }
        var lines: [Substring] = []
        lines.reserveCapacity(cuts.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex
        for cut in cuts {
            let end = utf8.index(utf8.startIndex, offsetBy: cut)
            lines.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }

    /// Whether the text holds the ASCII byte `byte`, scanned over its contiguous UTF-8.
    func containsASCII(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { $0.contains(byte) }
    }
}
