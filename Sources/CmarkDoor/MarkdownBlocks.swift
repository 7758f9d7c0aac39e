import CCmark

/// A unit's Markdown cut into its top-level blocks (paragraphs, lists, quotes, headings), each
/// as the source lines that make it, so that a paragraph several units share can be said once.
public enum MarkdownBlocks {
    /// The text's top-level blocks, in order, each as written. A text holding a link reference
    /// definition (`[x]: http://…`), which is no block of its own and would be cut off from the
    /// links using it, is returned whole.
    public static func split(_ markdown: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
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
                var slice = lines[(start - 1)...(end - 1)]
                while slice.count > 1, slice.last?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { slice = slice.dropLast() }
                blocks.append(slice.joined(separator: "\n"))
            }
            child = cmark_node_next(node)
        }
        return blocks.isEmpty ? [markdown] : blocks
    }

    private static func isReferenceDefinition(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3, trimmed.first == "[", let close = trimmed.firstIndex(of: "]") else { return false }
        return trimmed[trimmed.index(after: close)...].first == ":"
    }
}
