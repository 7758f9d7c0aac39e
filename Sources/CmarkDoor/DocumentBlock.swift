import CCmark

/// A block of the document tree as a Swift value, for writers libcmark does not have (DOCX):
/// the tree is read through this door and no C pointer leaves it. Raw HTML is left out, as
/// cmark's safe mode leaves it out of HTML.
public enum DocumentBlock: Sendable, Equatable {
    case paragraph([DocumentInline])
    case heading(level: Int, [DocumentInline])
    case list(DocumentList)
    case quote([DocumentBlock])
    case code(String)
    case thematicBreak
    /// What a template wrapped in a container marker (`MarkerSyntax.open`), by class name.
    case container(className: String, [DocumentBlock])
    /// A table or chart the writer renders natively, named by its insertion key.
    case native(id: String)
}

public struct DocumentList: Sendable, Equatable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [[DocumentBlock]]
}

public enum DocumentInline: Sendable, Equatable {
    case text(String)
    case emphasis([DocumentInline])
    case strong([DocumentInline])
    case code(String)
    /// A link; `destination` is nil when it is not one a reader can safely follow (only
    /// http, https and mailto are kept, as cmark's safe mode would drop `javascript:`).
    case link(destination: String?, [DocumentInline])
    case softBreak
    case lineBreak
}

extension DocumentBlock {
    /// A Markdown document (a report as recorded, say) read as values, with no markers resolved:
    /// what the HTML writer would show of it.
    public static func read(markdown: String) -> [DocumentBlock] {
        guard let root = MarkdownTree.parse(markdown) else { return [] }
        defer { cmark_node_free(root) }
        var converter = BlockConverter(tree: nil)
        return converter.blocks(under: root, depth: 0)
    }
}

extension MarkdownTree {
    /// The whole (resolved) tree as values.
    public var blocks: [DocumentBlock] { blocks(under: document) }

    /// The children of `node` (a document of this tree's) as values.
    func blocks(under node: OpaquePointer) -> [DocumentBlock] {
        var converter = BlockConverter(tree: self)
        return converter.blocks(under: node, depth: 0)
    }

    /// The tree piece by piece, as `streamPieces` gives text: each taken top-level block with
    /// its deferred insertion filled, converted to values, then freed. The tree is used up.
    public func streamBlocks(
        deferred: [String: Insertion], store: PieceStore? = nil, take: (Int) -> Bool = { _ in true },
        emit: (Int, [DocumentBlock]) throws -> Void
    ) throws {
        // Nothing kept is reused (kept pieces are text), though a store may still give insertions;
        // a deferred insertion is made into values without its nodes where it can be
        // (`blocks(of:)`).
        let reuse: (String) -> [DocumentBlock]? = { _ in nil }
        let direct: (String, Insertion) throws -> [DocumentBlock]? = { _, insertion in try self.blocks(of: insertion) }
        try forEachPiece(deferred: deferred, store: store, take: take, reuse: reuse, split: direct) { _, piece in
            self.blocks(under: piece)
        } then: { index, blocks in
            try emit(index, blocks)
        }
    }
}

/// Reads cmark nodes into values. Nesting beyond `maximumDepth` (a hostile text of thousands of
/// `>` or list markers) is kept as its plain text in one paragraph, so that no recursion here
/// can exhaust the stack.
private struct BlockConverter {
    /// The tree whose custom blocks are read; none when reading plain Markdown.
    let tree: MarkdownTree?
    static let maximumDepth = 48

    mutating func blocks(under parent: OpaquePointer, depth: Int) -> [DocumentBlock] {
        var result: [DocumentBlock] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let tree, cmark_node_get_type(node) == CMARK_NODE_CUSTOM_BLOCK, case .plain(let insertion)? = tree.customBlock(node) {
                result += tree.plainBlocks(of: insertion)
            } else if let block = block(node, depth: depth) {
                result.append(block)
            }
            child = cmark_node_next(node)
        }
        return result
    }

    mutating func block(_ node: OpaquePointer, depth: Int) -> DocumentBlock? {
        if depth > Self.maximumDepth { return .paragraph([.text(MarkdownTree.flatText(node))]) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node, depth: depth + 1))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node, depth: depth + 1))
        case CMARK_NODE_LIST:
            var items: [[DocumentBlock]] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                items.append(blocks(under: item, depth: depth + 2))
                child = cmark_node_next(item)
            }
            return .list(
                DocumentList(
                    ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(node)),
                    tight: cmark_node_get_list_tight(node) != 0, items: items))
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(blocks(under: node, depth: depth + 1))
        case CMARK_NODE_CODE_BLOCK:
            return .code(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_CUSTOM_BLOCK:
            switch tree?.customBlock(node) {
            case .container(let className): return .container(className: className, blocks(under: node, depth: depth + 1))
            case .native(let id): return .native(id: id)
            case .plain, nil: return nil  // a plain block is read where its parent's blocks are
            }
        default:
            // Raw HTML blocks: omitted, as in cmark's safe HTML.
            return nil
        }
    }

    mutating func inlines(under parent: OpaquePointer, depth: Int) -> [DocumentInline] {
        var result: [DocumentInline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            child = cmark_node_next(node)
            if depth > Self.maximumDepth {
                result.append(.text(MarkdownTree.flatText(node)))
                continue
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                result.append(.text(cmark_node_get_literal(node).map { String(cString: $0) } ?? ""))
            case CMARK_NODE_CODE:
                result.append(.code(cmark_node_get_literal(node).map { String(cString: $0) } ?? ""))
            case CMARK_NODE_SOFTBREAK: result.append(.softBreak)
            case CMARK_NODE_LINEBREAK: result.append(.lineBreak)
            case CMARK_NODE_EMPH: result.append(.emphasis(inlines(under: node, depth: depth + 1)))
            case CMARK_NODE_STRONG: result.append(.strong(inlines(under: node, depth: depth + 1)))
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                result.append(.link(destination: Self.followable(url), inlines(under: node, depth: depth + 1)))
            case CMARK_NODE_IMAGE:
                // Images are not fetched: their description stands in the text.
                result.append(.text(MarkdownTree.flatText(node)))
            default:
                // Raw inline HTML: omitted.
                break
            }
        }
        return result
    }

    static func followable(_ url: String) -> String? {
        let lowered = url.lowercased()
        return ["http://", "https://", "mailto:"].contains(where: lowered.hasPrefix) ? url : nil
    }
}

extension MarkdownTree {
    /// The text under a node, gathered without recursion.
    static func flatText(_ node: OpaquePointer) -> String {
        var text = ""
        Self.walk(node) { current, entering in
            guard entering else { return }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
            default: break
            }
        }
        return text
    }
}
