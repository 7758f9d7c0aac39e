import CLibYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds tongket's node tree from libyaml's events. Yams (libyaml plus a resolving node tree)
/// was half of the time of loading a thousand submissions; this keeps libyaml and drops what
/// tongket never used: tags, resolution, hashing every key to find duplicates.
///
/// Anchors and aliases are refused at the first one, so an "alias bomb" never expands; a
/// duplicate key is reported at its second occurrence.
struct YAMLParser {
    enum Failure: Error {
        case syntax(problem: String, line: Int, column: Int)
        case duplicateKey(String, first: Int, line: Int, column: Int)
        case anchor(line: Int, column: Int)
        case severalDocuments(line: Int, column: Int)
        case tooDeep(line: Int, column: Int)
    }

    /// No report nests anywhere near this deep; refusing deeper input keeps libyaml (quadratic in
    /// the depth of flow collections) and the release of the tree (recursive) bounded.
    static let maximumDepth = 64

    /// The root node, or nil for a document with no content. `text` is as `SourceText.decode`
    /// gives it: `SourceText.nfc` leaves it unchanged.
    static func parse(_ text: String) throws(Failure) -> Node? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure.syntax(problem: "memory", line: 1, column: 1) }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(Failure) -> Node? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = Builder()
            // Without a backslash, a double-quoted scalar has no escape: it is the file's text,
            // its lines joined at white space, so in NFC like the file, and is not normalised
            // again when read (a look at every byte of the units' quoted points).
            builder.escapes = buffer.baseAddress.map { memchr($0, 0x5C, buffer.count) != nil } ?? false
            return try builder.run(&parser)
        }
    }

    /// A collection still receiving children; a class, so that appending never copies its array.
    /// Its variables are only ever reached from the one builder that made it, so the run-time
    /// check that no two accesses overlap is left out: it was a third of finding duplicate keys.
    private final class Open {
        let isMapping: Bool
        let mark: Node.Mark
        @exclusivity(unchecked) var nodes: [Node] = []
        @exclusivity(unchecked) var pairs: [(key: Node, value: Node)] = []
        @exclusivity(unchecked) var pendingKey: Node?
        /// The keys so far and the line of each, for telling a duplicate: searched in order while
        /// there are few, as in most mappings of a report (a year's figures, a section's fields),
        /// and in a dictionary past `searched`. A dictionary for every mapping, hashing each key,
        /// was a thirtieth of reading a report.
        @exclusivity(unchecked) private var few: [(key: String, line: Int)] = []
        @exclusivity(unchecked) private var many: [String: Int]?
        private static let searched = 12

        init(isMapping: Bool, mark: Node.Mark) {
            self.isMapping = isMapping
            self.mark = mark
        }

        /// The line of `key` when the mapping has it already (String equality, as a dictionary's).
        func line(of key: String) -> Int? {
            if let many { return many[key] }
            return few.first { $0.key == key }?.line
        }

        func note(_ key: String, line: Int) {
            if many != nil {
                many?[key] = line
                return
            }
            // Room for all it searches at once, rather than growing through five allocations.
            if few.isEmpty { few.reserveCapacity(Self.searched + 1) }
            few.append((key, line))
            if few.count > Self.searched {
                many = Dictionary(few, uniquingKeysWith: { first, _ in first })
                few = []
            }
        }

        var node: Node {
            isMapping ? .mapping(Node.Mapping(pairs: pairs, mark: mark)) : .sequence(Node.Items(nodes: nodes, mark: mark))
        }
    }

    private struct Builder {
        var stack: [Open] = []
        var root: Node?
        var documents = 0
        /// Whether the text holds a backslash, which may start an escape in a double-quoted scalar.
        var escapes = true

        mutating func run(_ parser: inout yaml_parser_t) throws(Failure) -> Node? {
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.failure(parser) }
                defer { yaml_event_delete(&event) }
                let mark = Node.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 { throw Failure.severalDocuments(line: mark.line, column: mark.column) }
                case YAML_ALIAS_EVENT:
                    throw Failure.anchor(line: mark.line, column: mark.column)
                case YAML_SCALAR_EVENT:
                    if event.data.scalar.anchor != nil { throw Failure.anchor(line: mark.line, column: mark.column) }
                    let scalar = event.data.scalar
                    // libyaml checked the input's UTF-8, but its scalars are its own making
                    // (escapes, folded lines): checked again, quickly, and repaired as before if
                    // it ever let through what it should not.
                    let text =
                        scalar.value.map { value in
                            let bytes = UnsafeBufferPointer(start: value, count: scalar.length)
                            return UTF8Text.string(bytes) ?? String(decoding: bytes, as: UTF8.self)
                        } ?? ""
                    let style = Self.style(scalar.style)
                    try add(.scalar(Node.Scalar(string: text, style: style, composed: style != .doubleQuoted || !escapes, mark: mark)))
                case YAML_SEQUENCE_START_EVENT:
                    if event.data.sequence_start.anchor != nil { throw Failure.anchor(line: mark.line, column: mark.column) }
                    if stack.count >= YAMLParser.maximumDepth { throw Failure.tooDeep(line: mark.line, column: mark.column) }
                    stack.append(Open(isMapping: false, mark: mark))
                case YAML_MAPPING_START_EVENT:
                    if event.data.mapping_start.anchor != nil { throw Failure.anchor(line: mark.line, column: mark.column) }
                    if stack.count >= YAMLParser.maximumDepth { throw Failure.tooDeep(line: mark.line, column: mark.column) }
                    stack.append(Open(isMapping: true, mark: mark))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let last = stack.popLast() else { continue }
                    try add(last.node)
                default:
                    continue
                }
            }
        }

        /// Puts a finished node into the collection being built, or makes it the root.
        mutating func add(_ node: Node) throws(Failure) {
            guard let top = stack.last else {
                root = node
                return
            }
            guard top.isMapping else {
                top.nodes.append(node)
                return
            }
            if let key = top.pendingKey {
                top.pairs.append((key, node))
                top.pendingKey = nil
                return
            }
            if case .scalar(let scalar) = node {
                if let first = top.line(of: scalar.string) {
                    throw Failure.duplicateKey(scalar.string, first: first, line: scalar.mark.line, column: scalar.mark.column)
                }
                top.note(scalar.string, line: scalar.mark.line)
            }
            top.pendingKey = node
        }

        static func style(_ style: yaml_scalar_style_t) -> Node.Scalar.Style {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: return .literal
            case YAML_FOLDED_SCALAR_STYLE: return .folded
            default: return .plain
            }
        }

        static func failure(_ parser: yaml_parser_t) -> Failure {
            let problem = parser.problem.map { String(cString: $0) } ?? "lỗi không rõ"
            let mark = parser.problem_mark
            return .syntax(problem: problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }
    }
}
