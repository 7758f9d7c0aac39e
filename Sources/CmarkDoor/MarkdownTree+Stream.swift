import CCmark

extension MarkdownTree {
    /// Renders the tree one top-level block at a time, filling each deferred marker only when it
    /// is reached and freeing it once written, so that memory holds one section's nodes at a time
    /// whatever the size of the report. The tree is used up: call this once, instead of `render`.
    ///
    /// The pieces join into exactly what `render` gives for HTML; for CommonMark a blank line
    /// separates them, as cmark separates blocks.
    public func stream(
        _ formats: [TreeFormat], native: [TreeFormat: [String: String]], deferred: [String: Insertion],
        write: (TreeFormat, String) throws -> Void
    ) throws {
        var wroteBlock = false
        while let block = cmark_node_first_child(document) {
            cmark_node_unlink(block)
            guard let piece = cmark_node_new(CMARK_NODE_DOCUMENT) else { throw MarkdownTreeError(line: 1, message: "không đủ bộ nhớ") }
            defer { cmark_node_free(piece) }
            if let key = pending.removeValue(forKey: block), let insertion = deferred[key] {
                // The marker stands in the piece as the anchor the insertion is placed before.
                cmark_node_append_child(piece, block)
                try insert(insertion, replacing: block, line: 1)
            } else {
                cmark_node_append_child(piece, block)
            }
            guard cmark_node_first_child(piece) != nil else { continue }
            for format in formats {
                var text = render(piece, format, native: native[format] ?? [:])
                if format == .commonMark {
                    // A piece ends with one newline; a blank line goes between pieces, as between blocks.
                    while text.hasSuffix("\n") { text.removeLast() }
                    if text.isEmpty { continue }
                    text = (wroteBlock ? "\n" : "") + text + "\n"
                }
                try write(format, text)
            }
            wroteBlock = true
        }
    }
}
