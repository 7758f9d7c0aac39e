import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One report as one cmark document tree. Templates' Markdown is parsed once; units' texts are
/// parsed alone and grafted in; tables are native blocks; every writer renders this same tree.
///
/// This is the only type that holds libcmark nodes, and it never hands one out. Everything is
/// parsed and rendered in cmark's default (safe) mode: raw HTML a user wrote is omitted and
/// `javascript:` links lose their target.
public final class MarkdownTree {
    private let root: OpaquePointer
    /// The markers `resolve` looks for.
    public let markers: MarkerSyntax
    /// What each custom block stands for; its index (plus one) is the node's user data.
    private var customBlocks: [CustomBlock] = []
    /// Markers left for `stream` to fill, with their insertion's key.
    var pending: [OpaquePointer: String] = [:]
    /// Whether `resolve` places units' plain texts and points as plain blocks (`placePlain`);
    /// the tests turn it off to compare with their nodes.
    var placesPlainBlocks = true
    /// About how many bytes of text a deferred insertion is rendered in at a time
    /// (`renderedInChunks`); the tests make it small to cut often.
    public var chunkSize = 256 << 10

    enum CustomBlock {
        case container(className: String)
        case native(id: String)
        /// Plain units' texts or points, written by `PlainProse` (`placePlain`).
        case plain(Insertion)
    }

    /// Parses the Markdown a template produced, whose markers are written in `markers`.
    public init(markers: MarkerSyntax, markdown: String) throws(MarkdownTreeError) {
        guard let parsed = Self.parse(markdown) else { throw MarkdownTreeError(line: 1, .unparsable) }
        root = parsed
        self.markers = markers
    }

    deinit {
        cmark_node_free(root)
    }

    static func parse(_ text: String) -> OpaquePointer? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// cmark's document of UTF-8 bytes (it always returns one, even for malformed input); an
    /// empty text is parsed as one newline.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return cmark_parse_document("\n", 1, CMARK_OPT_DEFAULT) }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            cmark_parse_document($0, bytes.count, CMARK_OPT_DEFAULT)
        }
    }

    /// Renders the whole tree; `native` gives each native block's content in this format.
    public func render(_ format: TreeFormat, native: [String: String]) -> String {
        render(root, format, native: native)
    }

    func render(_ node: OpaquePointer, _ format: TreeFormat, native: [String: String]) -> String {
        String(decoding: renderedBytes(node, format, native: native), as: UTF8.self)
    }

    /// The node rendered, as cmark's bytes: a streamed draft goes to its file without becoming a
    /// `String`, whose making checks every byte again (a seventh of writing a province's draft).
    /// cmark writes valid UTF-8 from the valid UTF-8 it was given.
    func renderedBytes(_ node: OpaquePointer, _ format: TreeFormat, native: [String: String]) -> [UInt8] {
        rendered(node, format, native: native)?.bytes ?? []
    }

    /// The node rendered, in the buffer cmark made (freed with the value).
    func rendered(_ node: OpaquePointer, _ format: TreeFormat, native: [String: String]) -> CmarkOutput? {
        prepareCustomBlocks(in: node, for: format, native: native)
        switch format {
        case .html: return cmark_render_html(node, CMARK_OPT_DEFAULT).map(CmarkOutput.init)
        case .commonMark: return cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0).map(CmarkOutput.init)
        }
    }

    /// The plain text of every heading, in order, with its level: for tests and tables of contents.
    public var headings: [(level: Int, text: String)] {
        var result: [(level: Int, text: String)] = []
        Self.walk(root) { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_HEADING {
                result.append((Int(cmark_node_get_heading_level(node)), Self.flatText(node)))
            }
        }
        return result
    }

    // MARK: Helpers shared by the extensions

    /// Visits every node; `visit` must not restructure the tree (collect first, then change).
    static func walk(_ start: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
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
        Self.walk(start) { node, entering in
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
            case (.plain(let insertion), _):
                let text = PlainProse.rendered(insertion, format, sourceClass: markers.sourceClass) ?? []
                cmark_node_set_on_enter(node, String(decoding: text, as: UTF8.self))
                cmark_node_set_on_exit(node, "")
            }
        }
    }
}

/// A text cmark rendered, in the buffer cmark allocated, freed with this value.
final class CmarkOutput {
    private let text: UnsafeMutablePointer<CChar>

    init(_ text: UnsafeMutablePointer<CChar>) { self.text = text }

    deinit { free(text) }

    /// The text's bytes, copied out.
    var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: text, count: strlen(text))) }
}
