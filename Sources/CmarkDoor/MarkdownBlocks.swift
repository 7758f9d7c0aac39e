import CCmark

/// A unit's Markdown cut into its top-level blocks (paragraphs, lists, quotes, headings), each
/// as the source lines that make it, so that a paragraph several units share can be said once.
public enum MarkdownBlocks {
    /// The text's top-level blocks, in order, each as written. A text holding a link reference
    /// definition (`[x]: http://…`), which is no block of its own and would be cut off from the
    /// links using it, is returned whole.
    public static func split(_ markdown: String) -> [String] {
        // Lines cut on the UTF-8 bytes: cutting on Characters walks grapheme clusters, which
        // made this a sixth of a 1,000-unit consolidation.
        let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.contains(where: isReferenceDefinition) { return [markdown] }
        guard let document = MarkdownTree.parse(markdown) else { return [markdown] }
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
                    lines[last].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") })
                { last -= 1 }
                // The lines are contiguous in the text: the block is the text between them.
                blocks.append(String(Substring(markdown.utf8[lines[start - 1].startIndex..<lines[last].endIndex])))
            }
            child = cmark_node_next(node)
        }
        return blocks.isEmpty ? [markdown] : blocks
    }

    private static func isReferenceDefinition(_ line: Substring.UTF8View) -> Bool {
        let trimmed = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - trimmed.count <= 3, trimmed.first == UInt8(ascii: "["),
            let close = trimmed.firstIndex(of: UInt8(ascii: "]"))
        else { return false }
        return trimmed[trimmed.index(after: close)...].first == UInt8(ascii: ":")
    }
}
