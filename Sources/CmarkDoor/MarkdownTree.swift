import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What to put where a template left a placeholder `<!-- tongket:chen KEY -->`.
public enum Insertion: Sendable, Equatable {
    /// Markdown a unit wrote, parsed on its own so that nothing in it can reach outside it, its
    /// headings moved below the enclosing section's level.
    case fragment(String, belowHeadingLevel: Int)
    /// One point per item, each parsed on its own, as a bullet list.
    case list([String], belowHeadingLevel: Int)
    /// A block each writer renders natively (a table, a chart), named by `id`.
    case native(id: String)
    /// The texts of several units, each parsed on its own and introduced by its source in italics
    /// ("*Sở Tư pháp:*"), each in a container of class `dong-gop`.
    case sourcedFragments([Sourced], belowHeadingLevel: Int)
    /// One bullet list of the points of several units, each point followed by its source, "(Sở Tư pháp)".
    case sourcedList([Sourced], belowHeadingLevel: Int)
    /// Several insertions, one after the other.
    case sequence([Insertion])
}

/// A piece of Markdown a unit wrote, and who wrote it. The source is put into the tree as text
/// nodes, never parsed, so a name can't turn into markup.
public struct Sourced: Sendable, Equatable {
    public var source: String
    public var text: String

    public init(source: String, text: String) {
        self.source = source
        self.text = text
    }
}

/// The formats cmark renders the tree to.
public enum TreeFormat: Sendable {
    case html
    case commonMark
}

/// A problem with a template's Markdown: a marker that is malformed, unmatched or unused.
public struct MarkdownTreeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the Markdown the template produced.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "dòng \(line): \(message)" }
}

/// One report as one cmark document tree. Templates' Markdown is parsed once; units' texts are
/// parsed alone and grafted in; tables are native blocks; every writer renders this same tree.
///
/// This is the only type that holds libcmark nodes, and it never hands one out. Everything is
/// parsed and rendered in cmark's default (safe) mode: raw HTML a user wrote is omitted and
/// `javascript:` links lose their target.
public final class MarkdownTree {
    private let root: OpaquePointer
    /// What each custom block stands for; its index (plus one) is the node's user data.
    private var customBlocks: [CustomBlock] = []
    /// Markers left for `stream` to fill, with their insertion's key.
    var pending: [OpaquePointer: String] = [:]

    enum CustomBlock {
        case container(className: String)
        case native(id: String)
    }

    /// Parses the Markdown a template produced.
    public init(markdown: String) throws(MarkdownTreeError) {
        guard let parsed = Self.parse(markdown) else { throw MarkdownTreeError(line: 1, message: "libcmark không phân tích được văn bản") }
        root = parsed
    }

    deinit {
        cmark_node_free(root)
    }

    static func parse(_ text: String) -> OpaquePointer? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x0A] }
        // cmark always returns a document node, even for malformed input.
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            } ?? nil
        }
        return document
    }

    /// Renders the whole tree; `native` gives each native block's content in this format.
    public func render(_ format: TreeFormat, native: [String: String]) -> String {
        render(root, format, native: native)
    }

    func render(_ node: OpaquePointer, _ format: TreeFormat, native: [String: String]) -> String {
        prepareCustomBlocks(in: node, for: format, native: native)
        let rendered: UnsafeMutablePointer<CChar>?
        switch format {
        case .html: rendered = cmark_render_html(node, CMARK_OPT_DEFAULT)
        case .commonMark: rendered = cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0)
        }
        guard let rendered else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The plain text of every heading, in order, with its level: for tests and tables of contents.
    public var headings: [(level: Int, text: String)] {
        var result: [(level: Int, text: String)] = []
        walk(root) { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_HEADING {
                result.append((Int(cmark_node_get_heading_level(node)), Self.plainText(node)))
            }
        }
        return result
    }

    // MARK: Helpers shared by the extensions

    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// Visits every node; `visit` must not restructure the tree (collect first, then change).
    func walk(_ start: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(start) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    var document: OpaquePointer { root }

    func register(_ block: CustomBlock) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        customBlocks.append(block)
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: customBlocks.count))
        return node
    }

    /// What a custom block node stands for.
    func customBlock(_ node: OpaquePointer) -> CustomBlock? {
        guard let data = cmark_node_get_user_data(node) else { return nil }
        let index = Int(bitPattern: data) - 1
        return customBlocks.indices.contains(index) ? customBlocks[index] : nil
    }

    private func prepareCustomBlocks(in start: OpaquePointer, for format: TreeFormat, native: [String: String]) {
        walk(start) { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_CUSTOM_BLOCK, let block = customBlock(node) else { return }
            switch (block, format) {
            case (.container(let className), .html):
                cmark_node_set_on_enter(node, "<div class=\"\(className)\">")
                cmark_node_set_on_exit(node, "</div>")
            case (.container, .commonMark):
                cmark_node_set_on_enter(node, "")
                cmark_node_set_on_exit(node, "")
            case (.native(let id), _):
                cmark_node_set_on_enter(node, native[id] ?? "")
                cmark_node_set_on_exit(node, "")
            }
        }
    }
}
