import CCmark

/// Units' plain texts and points placed in the tree as one custom block each, written by
/// `PlainProse` when the tree is rendered, instead of as cmark's nodes.
///
/// A consolidated draft's annex of units' material (every unit's proposals and the texts the
/// body leaves out: 615 KB at 1,000 units) sits inside its appendix's block, so it is placed when
/// the template is resolved, not streamed in chunks like a section: it was parsed into nodes in
/// each tree (three for Markdown and HTML) and written by cmark's CommonMark writer, a fortieth of
/// the draft's instructions (docs/hieu-nang.md, lần mười ba). Written directly it is the same
/// bytes, provided that nothing around it makes cmark write it otherwise (`settlePlainBlocks`).
extension MarkdownTree {
    /// Places `insertion`'s plain units' texts or points (a whole `.sourcedFragments` or
    /// `.sourcedList` that `PlainProse` writes) as a plain block before `anchor`; false, having
    /// placed nothing, for anything else.
    func placePlain(_ insertion: Insertion, before anchor: OpaquePointer) -> Bool {
        switch insertion {
        case .sourcedFragments, .sourcedList: break
        default: return false
        }
        guard PlainProse.rendered(insertion, .commonMark, sourceClass: markers.sourceClass) != nil, let block = register(.plain(insertion))
        else { return false }
        cmark_node_insert_before(anchor, block)
        return true
    }

    /// Puts back as nodes every plain block whose place would make cmark write it otherwise than
    /// `PlainProse` does: below a list, a list item or a quotation (whose lines cmark prefixes),
    /// or, for a list, beside another list or before a code block (cmark's CommonMark writer puts
    /// a comment between a list and what follows it then) or last in the document. Called once
    /// the template is resolved, when every block has its neighbours.
    func settlePlainBlocks() throws(MarkdownTreeError) {
        var misplaced: [(node: OpaquePointer, insertion: Insertion)] = []
        Self.walk(document) { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_CUSTOM_BLOCK, case .plain(let insertion)? = customBlock(node) else {
                return
            }
            var parent = cmark_node_parent(node)
            while let above = parent, cmark_node_get_type(above) == CMARK_NODE_CUSTOM_BLOCK { parent = cmark_node_parent(above) }
            let onTop = parent.map { cmark_node_get_type($0) == CMARK_NODE_DOCUMENT } ?? false
            var beside = false
            if case .sourcedList = insertion {
                // A list last in the document ends there with one newline; a custom block ends
                // with a blank line.
                let next = cmark_node_next(node)
                beside =
                    isListLike(cmark_node_previous(node)) || isListLike(next)
                    || next.map { cmark_node_get_type($0) == CMARK_NODE_CODE_BLOCK } ?? (cmark_node_parent(node) == document)
            }
            if !onTop || beside { misplaced.append((node, insertion)) }
        }
        for (node, insertion) in misplaced {
            try insert(insertion, replacing: node, line: 1)
        }
    }

    /// How many plain blocks the tree holds: for the tests.
    var plainBlockCount: Int {
        var count = 0
        Self.walk(document) { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_CUSTOM_BLOCK, case .plain? = customBlock(node) { count += 1 }
        }
        return count
    }

    /// A list, as nodes or as a plain block.
    private func isListLike(_ node: OpaquePointer?) -> Bool {
        guard let node else { return false }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LIST: return true
        case CMARK_NODE_CUSTOM_BLOCK:
            if case .plain(.sourcedList)? = customBlock(node) { return true }
            return false
        default: return false
        }
    }
}
