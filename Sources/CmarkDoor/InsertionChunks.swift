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
    /// The insertion cut into chunks of at most about `size` bytes of text, or nil when no cut falls
    /// in it (a section under a sixteenth of `size` is never cut). It is cut only between two
    /// units' texts of `.sourcedFragments` (each a block of its own) or between two points of
    /// `.sourcedList`, never between the parts of a sequence: so no cut falls between two lists,
    /// which cmark's CommonMark writer separates with a comment.
    ///
    /// Past a sixteenth of `size`, a chunk ends after a piece whose source `endsChunk` picks: the
    /// cuts fall by who wrote, not by how much was written before, so that after one unit's text
    /// changed the chunks away from it are the same as the last run's and its kept outputs serve
    /// (`PieceStore.keptChunks`).
    func chunks(size: Int) -> [InsertionChunk]? {
        let least = size / 16
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
                    guard index + 1 < pieces.count, bytes >= size || (bytes >= least && Self.endsChunk(pieces[index].source))
                    else { continue }
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

    /// Whether a chunk may end after a piece from `source`: one source in sixteen, by a hash of its
    /// name that is the same in every run (FNV-1a; Swift's `Hasher` is seeded anew each run).
    static func endsChunk(_ source: String) -> Bool {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in source.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return (hash >> 40) & 15 == 0
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
    ///
    /// Each chunk's text is finished (`finish`) on its own, the separators between chunks are
    /// parts of their own, and a chunk whose key `store` knows from the section's kept output is
    /// taken from there instead of built and rendered: so a section in which one unit's text
    /// changed renders the chunk holding it, and copies the others.
    func renderedInChunks(
        _ chunks: [InsertionChunk], _ formats: [TreeFormat], native: [TreeFormat: [String: String]], store: PieceStore? = nil,
        marker: String? = nil, finish: ((TreeFormat, [UInt8]) -> [UInt8])? = nil
    ) throws(MarkdownTreeError) -> [ChunkedOutput] {
        let open = Array("<ul>\n".utf8)
        let close = Array("</ul>\n".utf8)
        let kept = formats.map { format in marker.flatMap { store?.keptChunks(of: $0, in: format) } ?? [:] }
        var outputs = formats.map { _ in ChunkedOutput() }
        for (position, chunk) in chunks.enumerated() {
            let listGoesOn = position + 1 < chunks.count && chunks[position + 1].continuesList
            let key = marker == nil ? nil : store?.chunkKey(chunk.insertion, continuesList: chunk.continuesList, listGoesOn: listGoesOn)
            var texts: [[UInt8]?] = kept.map { kept in key.flatMap { kept[$0] }.map { Array($0) } }
            for index in outputs.indices where texts[index] != nil { outputs[index].reused += 1 }
            // Plain units' texts are written without cmark's nodes (`PlainProse`); the rest is
            // rendered from a document of the chunk alone.
            var made: [[UInt8]?] = formats.indices.map { index in
                texts[index] == nil ? PlainProse.rendered(chunk.insertion, formats[index], sourceClass: markers.sourceClass) : nil
            }
            if formats.indices.contains(where: { texts[$0] == nil && made[$0] == nil }) {
                guard let document = cmark_node_new(CMARK_NODE_DOCUMENT), let anchor = cmark_node_new(CMARK_NODE_PARAGRAPH) else {
                    throw MarkdownTreeError(line: 1, .outOfMemory)
                }
                defer { cmark_node_free(document) }
                cmark_node_append_child(document, anchor)
                try insert(chunk.insertion, replacing: anchor, line: 1)
                for (index, format) in formats.enumerated() where texts[index] == nil && made[index] == nil {
                    made[index] = renderedBytes(document, format, native: native[format] ?? [:])
                }
            }
            for (index, format) in formats.enumerated() where texts[index] == nil {
                var text = made[index] ?? []
                switch format {
                case .commonMark:
                    while text.last == 0x0A { text.removeLast() }
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
                if let finish, !text.isEmpty { text = finish(format, text) }
                texts[index] = text
            }
            for (index, format) in formats.enumerated() {
                outputs[index].add(
                    texts[index] ?? [], key: key, separator: format == .commonMark ? (chunk.continuesList ? [0x0A] : [0x0A, 0x0A]) : [])
            }
        }
        for (index, format) in formats.enumerated() where format == .commonMark && !outputs[index].parts.isEmpty {
            outputs[index].add([0x0A])
        }
        return outputs
    }
}

/// One format's output of a section rendered in chunks: its parts, to be written one after the
/// other, and where each chunk's text lies in them, for the store to find it again.
struct ChunkedOutput {
    var parts: [[UInt8]] = []
    var chunks: [KeptChunk] = []
    /// How many chunks were taken from the store.
    var reused = 0
    private var count = 0

    /// A chunk's text, after `separator` when a text came before it; an empty text adds nothing
    /// but its place.
    mutating func add(_ text: [UInt8], key: String?, separator: [UInt8]) {
        if !text.isEmpty && !parts.isEmpty && !separator.isEmpty { add(separator) }
        if let key { chunks.append(KeptChunk(key: key, offset: count, count: text.count)) }
        if !text.isEmpty { add(text) }
    }

    mutating func add(_ part: [UInt8]) {
        parts.append(part)
        count += part.count
    }
}
