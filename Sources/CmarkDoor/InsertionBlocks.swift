import CCmark

extension MarkdownTree {
    /// An insertion as the values `DocumentBlock` gives for it, as if it had been placed in the
    /// tree and read back: units' texts and points that are plain prose (`PlainProse`) made
    /// directly, everything else, piece by piece, through cmark's nodes.
    ///
    /// The Word body of a 1,000-unit draft parsed each unit's text into nodes and read them back
    /// into values on the writer's one thread; for plain prose the values are known: the source
    /// in italics, then a paragraph of text runs and soft breaks for each paragraph. Tests compare
    /// the two ways on random plain text.
    func blocks(of insertion: Insertion) throws(MarkdownTreeError) -> [DocumentBlock] {
        switch insertion {
        case .sourcedFragments(let pieces, let level):
            var blocks: [DocumentBlock] = []
            for piece in pieces {
                if piece.shape == .none {
                    blocks += try throughNodes(.sourcedFragments([piece], belowHeadingLevel: level))
                } else {
                    blocks.append(plainContainer(piece))
                }
            }
            return blocks
        case .sourcedList(let pieces, let level):
            // One list, as `placeList` makes it: bullets, tight, cmark's start of 0.
            var items: [[DocumentBlock]] = []
            for piece in pieces {
                if piece.shape == .line {
                    items.append(Self.plainItem(piece))
                } else {
                    let made = try throughNodes(.sourcedList([piece], belowHeadingLevel: level))
                    guard made.count == 1, case .list(let list) = made[0] else { throw MarkdownTreeError(line: 1, .unexpectedOutput) }
                    items += list.items
                }
            }
            return [.list(DocumentList(ordered: false, start: 0, tight: true, items: items))]
        case .native(let id):
            return [.native(id: id)]
        case .sequence(let parts):
            var blocks: [DocumentBlock] = []
            for part in parts { blocks += try self.blocks(of: part) }
            return blocks
        case .fragment, .list:
            return try throughNodes(insertion)
        }
    }

    /// The values of a plain block (`placePlain`): its units' texts or points, all plain, made
    /// as `blocks(of:)` makes them.
    func plainBlocks(of insertion: Insertion) -> [DocumentBlock] {
        switch insertion {
        case .sourcedFragments(let pieces, _): return pieces.map(plainContainer)
        case .sourcedList(let pieces, _):
            return [.list(DocumentList(ordered: false, start: 0, tight: true, items: pieces.map(Self.plainItem)))]
        default: return []
        }
    }

    /// A unit's plain text: its source in italics, then its paragraphs, in the units' container.
    private func plainContainer(_ piece: Sourced) -> DocumentBlock {
        .container(className: markers.sourceClass, PlainProse.blocks(of: piece))
    }

    /// A plain point, one item of a tight list: its text, then its source in italics.
    private static func plainItem(_ piece: Sourced) -> [DocumentBlock] {
        [.paragraph([.text(piece.text), .text(" "), .emphasis([.text("(" + piece.source + ")")])])]
    }

    /// The insertion placed in a document of its own and read back as values.
    private func throughNodes(_ insertion: Insertion) throws(MarkdownTreeError) -> [DocumentBlock] {
        guard let document = cmark_node_new(CMARK_NODE_DOCUMENT), let anchor = cmark_node_new(CMARK_NODE_PARAGRAPH) else {
            throw MarkdownTreeError(line: 1, .outOfMemory)
        }
        defer { cmark_node_free(document) }
        cmark_node_append_child(document, anchor)
        try insert(insertion, replacing: anchor, line: 1)
        return blocks(under: document)
    }
}

extension PlainProse {
    /// A plain unit's text as values: its source as a paragraph in italics, then each paragraph
    /// (text between blank lines) as its lines joined by soft breaks. A plain line starts with a
    /// letter and ends in no space, so cmark reads it as one text run as it is.
    static func blocks(of piece: Sourced) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [.paragraph([.emphasis([.text(piece.source + ":")])])]
        var text = piece.text
        text.withUTF8 { bytes in
            var paragraph: [DocumentInline] = []
            var start = 0
            while start <= bytes.count {
                let end = ByteSearch.next(0x0A, in: bytes, from: start)
                paragraph.append(.text(MarkdownBlocks.cut(UnsafeBufferPointer(rebasing: bytes[start..<end]))))
                if end + 1 < bytes.count && bytes[end + 1] == 0x0A {
                    // A blank line: the paragraph ends.
                    blocks.append(.paragraph(paragraph))
                    paragraph = []
                    start = end + 2
                } else {
                    if end < bytes.count { paragraph.append(.softBreak) }
                    start = end + 1
                }
            }
            blocks.append(.paragraph(paragraph))
        }
        return blocks
    }
}
