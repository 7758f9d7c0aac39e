import CCmark

/// Resolving the markers of `MarkerSyntax`: containers wrapped, insertions grafted in.
extension MarkdownTree {
    /// Applies every marker; every marker must be well formed, matched and supplied, and every
    /// insertion used, or nothing is changed for the worse than an error.
    public func resolve(_ insertions: [String: Insertion]) throws(MarkdownTreeError) {
        try resolve(insertions, deferring: [:])
    }

    /// Like `resolve(_:)`, but the insertions in `deferred` stay as markers until `stream` reaches
    /// them, so that a very large report never holds all of its sections as nodes at once.
    public func resolve(_ insertions: [String: Insertion], deferring deferred: [String: Insertion]) throws(MarkdownTreeError) {
        var found: [(node: OpaquePointer, words: [String], line: Int)] = []
        var strays: [(line: Int, text: String)] = []
        Self.walk(document) { node, entering in
            guard entering else { return }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE, let literal = cmark_node_get_literal(node) else {
                return
            }
            switch MarkerLiteral.read(literal, isBlock: type == CMARK_NODE_HTML_BLOCK, prefix: markers.prefix) {
            case .none: return
            case .words(let words): found.append((node, words, Int(cmark_node_get_start_line(node))))
            case .stray(let text): strays.append((Int(cmark_node_get_start_line(node)), text))
            }
        }
        if let stray = strays.first { throw MarkdownTreeError(line: stray.line, .strayMarker(text: stray.text)) }
        var used = Set<String>()
        var open: [(node: OpaquePointer, className: String, line: Int)] = []
        for marker in found {
            let word = marker.words.first
            switch marker.words.count {
            case 2 where word == markers.open:
                open.append((marker.node, marker.words[1], marker.line))
            case 1 where word == markers.close:
                guard let start = open.popLast() else { throw MarkdownTreeError(line: marker.line, .closeWithoutOpen) }
                try wrap(from: start.node, to: marker.node, className: start.className, line: start.line)
            case 2 where word == markers.insert:
                let key = marker.words[1]
                if deferred[key] != nil {
                    guard cmark_node_parent(marker.node) == document else {
                        throw MarkdownTreeError(line: marker.line, .deferredNotTopLevel(key: key))
                    }
                    used.insert(key)
                    pending[marker.node] = key
                    continue
                }
                guard let insertion = insertions[key] else { throw MarkdownTreeError(line: marker.line, .missingInsertion(key: key)) }
                used.insert(key)
                try insert(insertion, replacing: marker.node, line: marker.line, plain: placesPlainBlocks)
            default:
                throw MarkdownTreeError(line: marker.line, .unknownMarker(words: marker.words.joined(separator: " ")))
            }
        }
        if let unclosed = open.last { throw MarkdownTreeError(line: unclosed.line, .unclosed(className: unclosed.className)) }
        try settlePlainBlocks()
        if let unused = (Array(insertions.keys) + Array(deferred.keys)).filter({ !used.contains($0) }).sorted().first {
            throw MarkdownTreeError(line: 1, .unusedInsertion(key: unused))
        }
    }

    /// Whether `text` holds `part`, as String's `contains` tells, which compares character by
    /// character and cost 7% of rendering one unit on the markers alone: ASCII text holds ASCII
    /// text exactly where it holds its bytes, so only other text is compared by characters.
    static func holds(_ text: some StringProtocol, _ part: String) -> Bool {
        let (bytes, partBytes) = (text.utf8, part.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }), partBytes.allSatisfy({ $0 < 0x80 }) else { return text.contains(part) }
        return ByteSearch.holds(bytes, partBytes)
    }

    private func wrap(from start: OpaquePointer, to end: OpaquePointer, className: String, line: Int) throws(MarkdownTreeError) {
        guard cmark_node_parent(start) == cmark_node_parent(end) else {
            throw MarkdownTreeError(line: line, .openAndCloseApart(className: className))
        }
        guard let container = register(.container(className: className)) else { throw MarkdownTreeError(line: line, .outOfMemory) }
        cmark_node_insert_before(start, container)
        var next = cmark_node_next(start)
        while let node = next, node != end {
            next = cmark_node_next(node)
            cmark_node_unlink(node)
            cmark_node_append_child(container, node)
        }
        cmark_node_free(start)
        cmark_node_free(end)
    }

    /// Places `insertion` where `marker` is and frees the marker; with `plain`, units' plain
    /// texts and points go in as plain blocks (`placePlain`), to be settled once the template is
    /// resolved (`settlePlainBlocks`).
    func insert(_ insertion: Insertion, replacing marker: OpaquePointer, line: Int, plain: Bool = false) throws(MarkdownTreeError) {
        try place(insertion, before: marker, line: line, plain: plain)
        cmark_node_free(marker)
    }

    private func place(_ insertion: Insertion, before anchor: OpaquePointer, line: Int, plain: Bool) throws(MarkdownTreeError) {
        let outOfMemory = MarkdownTreeError(line: line, .outOfMemory)
        if plain && placePlain(insertion, before: anchor) { return }
        switch insertion {
        case .fragment(let text, let level):
            guard let fragment = Self.parse(text) else { throw outOfMemory }
            defer { cmark_node_free(fragment) }
            shiftHeadings(in: fragment, below: level)
            moveChildren(of: fragment, before: anchor)
        case .list(let items, let level):
            try placeList(items.map { (nil, $0) }, level: level, before: anchor, line: line)
        case .sourcedList(let items, let level):
            try placeList(items.map { ($0.source, $0.text) }, level: level, before: anchor, line: line)
        case .sourcedFragments(let pieces, let level):
            for piece in pieces {
                guard let box = register(.container(className: markers.sourceClass)), let fragment = Self.parse(piece.text),
                    let lead = Self.paragraph(emphasised: piece.source + ":")
                else { throw outOfMemory }
                cmark_node_insert_before(anchor, box)
                cmark_node_append_child(box, lead)
                shiftHeadings(in: fragment, below: level)
                appendChildren(of: fragment, to: box)
                cmark_node_free(fragment)
            }
        case .native(let id):
            guard let block = register(.native(id: id)) else { throw outOfMemory }
            cmark_node_insert_before(anchor, block)
        case .sequence(let parts):
            for part in parts { try place(part, before: anchor, line: line, plain: plain) }
        }
    }

    /// A tight bullet list, each item parsed on its own; a source is appended to the item's last
    /// paragraph as "(source)" in italics, or as a paragraph of its own after a code block or list.
    private func placeList(_ items: [(source: String?, text: String)], level: Int, before anchor: OpaquePointer, line: Int)
        throws(MarkdownTreeError)
    {
        let outOfMemory = MarkdownTreeError(line: line, .outOfMemory)
        guard let list = cmark_node_new(CMARK_NODE_LIST) else { throw outOfMemory }
        cmark_node_set_list_type(list, CMARK_BULLET_LIST)
        cmark_node_set_list_tight(list, 1)
        cmark_node_insert_before(anchor, list)
        for (source, text) in items {
            guard let item = cmark_node_new(CMARK_NODE_ITEM), let fragment = Self.parse(text) else { throw outOfMemory }
            shiftHeadings(in: fragment, below: level)
            cmark_node_append_child(list, item)
            appendChildren(of: fragment, to: item)
            cmark_node_free(fragment)
            guard let source else { continue }
            if let last = cmark_node_last_child(item), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH,
                let space = Self.text(" "), let emphasis = Self.emphasis("(" + source + ")")
            {
                cmark_node_append_child(last, space)
                cmark_node_append_child(last, emphasis)
            } else if let paragraph = Self.paragraph(emphasised: "(" + source + ")") {
                cmark_node_append_child(item, paragraph)
            }
        }
    }

    static func text(_ literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }

    static func emphasis(_ literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_EMPH), let inner = text(literal) else { return nil }
        cmark_node_append_child(node, inner)
        return node
    }

    static func paragraph(emphasised literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_PARAGRAPH), let inner = emphasis(literal) else { return nil }
        cmark_node_append_child(node, inner)
        return node
    }

    /// Moves every child of `source` to the end of `target`, in order.
    private func appendChildren(of source: OpaquePointer, to target: OpaquePointer) {
        var child = cmark_node_first_child(source)
        while let node = child {
            child = cmark_node_next(node)
            cmark_node_unlink(node)
            cmark_node_append_child(target, node)
        }
    }

    private func moveChildren(of parent: OpaquePointer, before anchor: OpaquePointer) {
        var child = cmark_node_first_child(parent)
        while let node = child {
            child = cmark_node_next(node)
            cmark_node_unlink(node)
            cmark_node_insert_before(anchor, node)
        }
    }

    /// Moves a fragment's headings below `level` (its `#` becomes level + 1). Headings that would
    /// pass level 6 become bold paragraphs rather than merging with level 6.
    private func shiftHeadings(in fragment: OpaquePointer, below level: Int) {
        var headings: [OpaquePointer] = []
        Self.walk(fragment) { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_HEADING { headings.append(node) }
        }
        for heading in headings {
            let shifted = Int(cmark_node_get_heading_level(heading)) + level
            if shifted <= 6 {
                cmark_node_set_heading_level(heading, Int32(shifted))
                continue
            }
            guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH), let strong = cmark_node_new(CMARK_NODE_STRONG) else { continue }
            cmark_node_append_child(paragraph, strong)
            appendChildren(of: heading, to: strong)
            cmark_node_insert_before(heading, paragraph)
            cmark_node_free(heading)
        }
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
