import CCmark

/// A part of a large deferred insertion, rendered on its own so that a province's section (tens
/// of megabytes of nodes at 10,000 units) never stands in memory whole, and how its output joins
/// the part before it (`MarkdownTree.streamPieces`).
struct InsertionChunk {
    var insertion: Insertion
    /// Whether the chunk begins inside the list the chunk before it ended in.
    var continuesList: Bool
}

extension Insertion {
    /// The insertion cut into chunks of about `size` bytes of text, or nil when it is not larger.
    /// It is cut only between two units' texts of `.sourcedFragments` (each a block of its own) or
    /// between two points of `.sourcedList`, never between the parts of a sequence: so no cut
    /// falls between two lists, which cmark's CommonMark writer separates with a comment.
    func chunks(size: Int) -> [InsertionChunk]? {
        var chunks: [InsertionChunk] = []
        var current: [Insertion] = []
        var bytes = 0
        var continues = false
        func cut(continuing: Bool) {
            chunks.append(InsertionChunk(insertion: current.count == 1 ? current[0] : .sequence(current), continuesList: continues))
            current = []
            bytes = 0
            continues = continuing
        }
        for unit in units {
            switch unit {
            case .sourcedFragments(let pieces, let level), .sourcedList(let pieces, let level):
                let isList: Bool
                if case .sourcedList = unit { isList = true } else { isList = false }
                let rebuilt: ([Sourced]) -> Insertion = {
                    isList ? .sourcedList($0, belowHeadingLevel: level) : .sourcedFragments($0, belowHeadingLevel: level)
                }
                var start = 0
                for index in pieces.indices {
                    bytes += pieces[index].source.utf8.count + pieces[index].text.utf8.count
                    guard bytes >= size, index + 1 < pieces.count else { continue }
                    current.append(rebuilt(Array(pieces[start...index])))
                    start = index + 1
                    cut(continuing: isList)
                }
                current.append(rebuilt(Array(pieces[start...])))
            default:
                bytes += unit.textBytes
                current.append(unit)
            }
        }
        if !current.isEmpty { cut(continuing: false) }
        return chunks.count > 1 ? chunks : nil
    }

    /// The insertion's parts, sequences opened.
    private var units: [Insertion] {
        if case .sequence(let parts) = self { return parts.flatMap(\.units) }
        return [self]
    }

    private var textBytes: Int {
        switch self {
        case .fragment(let text, _): return text.utf8.count
        case .list(let items, _): return items.reduce(0) { $0 + $1.utf8.count }
        case .sourcedFragments(let pieces, _), .sourcedList(let pieces, _):
            return pieces.reduce(0) { $0 + $1.source.utf8.count + $1.text.utf8.count }
        case .native: return 0
        case .sequence(let parts): return parts.reduce(0) { $0 + $1.textBytes }
        }
    }
}

extension MarkdownTree {

    /// `chunks` rendered one after the other, each in a document of its own freed before the
    /// next is built, as parts that written one after the other give what rendering them together
    /// gives: CommonMark blocks with a blank line between them, a list's points with a line break,
    /// ending with one newline; HTML as it comes, a list's `<ul>` opened once. The parts are not
    /// joined into one array: a province's section is megabytes, and each copy of it counted.
    func renderedInChunks(_ chunks: [InsertionChunk], _ formats: [TreeFormat], native: [TreeFormat: [String: String]])
        throws(MarkdownTreeError) -> [[[UInt8]]]
    {
        let open = Array("<ul>\n".utf8)
        let close = Array("</ul>\n".utf8)
        var outputs = formats.map { _ in [[UInt8]]() }
        for (position, chunk) in chunks.enumerated() {
            let listGoesOn = position + 1 < chunks.count && chunks[position + 1].continuesList
            guard let document = cmark_node_new(CMARK_NODE_DOCUMENT), let anchor = cmark_node_new(CMARK_NODE_PARAGRAPH) else {
                throw MarkdownTreeError(line: 1, .outOfMemory)
            }
            defer { cmark_node_free(document) }
            cmark_node_append_child(document, anchor)
            try insert(chunk.insertion, replacing: anchor, line: 1)
            for (index, format) in formats.enumerated() {
                var text = renderedBytes(document, format, native: native[format] ?? [:])
                switch format {
                case .commonMark:
                    while text.last == 0x0A { text.removeLast() }
                    if text.isEmpty { continue }
                    if !outputs[index].isEmpty { text.insert(contentsOf: chunk.continuesList ? [0x0A] : [0x0A, 0x0A], at: 0) }
                case .html:
                    // A list cut in two is one list: cmark opens and closes each part's list
                    // exactly so, with nothing before or after it in its document.
                    if chunk.continuesList {
                        guard text.starts(with: open) else { throw MarkdownTreeError(line: 1, .unexpectedOutput) }
                        text.removeFirst(open.count)
                    }
                    if listGoesOn {
                        guard text.count >= close.count, text.suffix(close.count).elementsEqual(close) else {
                            throw MarkdownTreeError(line: 1, .unexpectedOutput)
                        }
                        text.removeLast(close.count)
                    }
                }
                outputs[index].append(text)
            }
        }
        for (index, format) in formats.enumerated() where format == .commonMark && !outputs[index].isEmpty {
            outputs[index].append([0x0A])
        }
        return outputs
    }
}
