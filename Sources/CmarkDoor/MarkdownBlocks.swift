import CCmark

/// A unit's Markdown cut into its top-level blocks (paragraphs, lists, quotes, headings), each
/// as the source lines that make it, so that a paragraph several units share can be said once.
public enum MarkdownBlocks {
    /// The text's top-level blocks, in order, each as written. A text holding a link reference
    /// definition (`[x]: http://…`), which is no block of its own and would be cut off from the
    /// links using it, is returned whole.
    public static func split(_ markdown: String) -> [String] {
        var copy = markdown
        return copy.withUTF8 { bytes in
            PlainProse.isPlainText(bytes) ? paragraphs(markdown, bytes: bytes) : split(markdown, bytes: bytes)
        }
    }

    /// The paragraphs of plain prose (`PlainProse`), the text between blank lines: every line of
    /// it starts with a letter, so none opens a block of another kind, and a blank line is an
    /// empty one. Parsing such a text with cmark to find them was a fifth of merging the units'
    /// texts. Tests compare the two on random plain text.
    static func paragraphs(_ markdown: String, bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var blocks: [String] = []
        var start = 0
        var blank = ByteSearch.nextBlankLine(in: bytes, from: 0)
        while blank < bytes.count {
            blocks.append(cut(UnsafeBufferPointer(rebasing: bytes[start..<blank])))
            start = blank + 2
            blank = ByteSearch.nextBlankLine(in: bytes, from: start)
        }
        if blocks.isEmpty { return [markdown] }
        blocks.append(cut(UnsafeBufferPointer(rebasing: bytes[start...])))
        return blocks
    }

    /// Lines are found on the contiguous UTF-8 bytes: cutting on Characters walks grapheme
    /// clusters (a sixth of a 1,000-unit consolidation), and the generic split of a string's
    /// UTF-8 view was still a fortieth of it.
    static func split(_ markdown: String, bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        // Each line as the range of its bytes, without its newline.
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        if lines.contains(where: { isReferenceDefinition(UnsafeBufferPointer(rebasing: bytes[$0])) }) { return [markdown] }
        guard let document = MarkdownTree.parse(bytes: bytes) else { return [markdown] }
        defer { cmark_node_free(document) }
        var blocks: [String] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            let start = Int(cmark_node_get_start_line(node))
            let end = Int(cmark_node_get_end_line(node))
            if start >= 1, end >= start, end <= lines.count {
                // A list's end line counts the blank line after it; the block ends at its text.
                var last = end - 1
                while last > start - 1,
                    bytes[lines[last]].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") })
                { last -= 1 }
                // The lines are contiguous in the text: the block is the text between them.
                blocks.append(cut(UnsafeBufferPointer(rebasing: bytes[lines[start - 1].lowerBound..<lines[last].upperBound])))
            }
            child = cmark_node_next(node)
        }
        return blocks.isEmpty ? [markdown] : blocks
    }

    /// Bytes cut at line breaks out of a String's UTF-8, valid as it was, as a String without
    /// checking them again.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(copying: unsafe UTF8Span(unchecked: bytes.span))
    }

    private static func isReferenceDefinition(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let trimmed = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - trimmed.count <= 3, trimmed.first == UInt8(ascii: "["),
            let close = trimmed.firstIndex(of: UInt8(ascii: "]"))
        else { return false }
        return trimmed[trimmed.index(after: close)...].first == UInt8(ascii: ":")
    }
}
