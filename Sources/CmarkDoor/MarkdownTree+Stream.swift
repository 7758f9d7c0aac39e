import CCmark

extension MarkdownTree {
    /// Renders the tree one top-level block at a time, filling each deferred marker only when it
    /// is reached and freeing it once written, so that memory holds one section's nodes at a time
    /// whatever the size of the report. The tree is used up: call this once, instead of `render`.
    ///
    /// The pieces join into exactly what `render` gives for HTML; for CommonMark a blank line
    /// separates them, as cmark separates blocks. `finish`, when given, is applied to each piece's
    /// text as it is rendered (to each chunk's text for a piece rendered in chunks, not to the
    /// separators between them), before the piece is kept in `store`: a kept piece is then
    /// written as it was kept, not finished again on every run.
    public func stream(
        _ formats: [TreeFormat], native: [TreeFormat: [String: String]], deferred: [String: Insertion], store: PieceStore? = nil,
        finish: ((TreeFormat, [UInt8]) -> [UInt8])? = nil, write: (TreeFormat, [UInt8]) throws -> Void
    ) throws {
        var wrote: Set<Int> = []
        let emit: (Int, TreeFormat, [[UInt8]]) throws -> Void = { _, format, parts in
            let key = format == .html ? 0 : 1
            // The separator goes before a piece's first part only: the parts of a piece are
            // joined already (`renderedInChunks`).
            var first = true
            for part in parts where !part.isEmpty {
                let separator = Self.joined([], format: format, first: false)
                if first && wrote.contains(key) && !separator.isEmpty { try write(format, separator) }
                try write(format, part)
                first = false
                wrote.insert(key)
            }
        }
        try streamPieces(formats, native: native, deferred: deferred, store: store, take: { _ in true }, finish: finish, emit: emit)
    }

    /// A piece as it goes into the output after the ones before it: CommonMark pieces are
    /// separated by a blank line.
    public static func joined(_ text: [UInt8], format: TreeFormat, first: Bool) -> [UInt8] {
        format == .commonMark && !first ? [0x0A] + text : text
    }

    /// The pieces of the tree in order, each numbered; only those `take` accepts are built and
    /// rendered (the others are dropped), so that several trees made from the same Markdown can
    /// share the rendering of one report between threads. `emit` sees every taken piece, empty
    /// ones included, so that a caller putting pieces back in order never waits for a missing one.
    /// A piece is UTF-8 bytes in parts, to be written one after the other (a large section comes
    /// in several, `renderedInChunks`); a CommonMark piece ends with exactly one newline and
    /// carries no separator before it (see `joined`). `finish` is applied as in `stream`.
    public func streamPieces(
        _ formats: [TreeFormat], native: [TreeFormat: [String: String]], deferred: [String: Insertion], store: PieceStore? = nil,
        take: (Int) -> Bool, finish: ((TreeFormat, [UInt8]) -> [UInt8])? = nil, emit: (Int, TreeFormat, [[UInt8]]) throws -> Void
    ) throws {
        // cmark's output is copied out only once the piece's nodes are freed: a province's section
        // is tens of megabytes of nodes and as many of text, and each thread held both at once.
        let reuse: (String) -> (String?, [PieceText])? = { marker in
            // A kept piece is used only when it is kept in every format asked for here.
            guard let store else { return nil }
            var kept: [PieceText] = []
            for format in formats {
                guard let output = store.output(of: marker, in: format) else { return nil }
                kept.append(.kept(output))
            }
            return (marker, kept)
        }
        // A large section is rendered in chunks, its nodes never all built at once.
        let split: (String, Insertion) throws -> (String?, [PieceText])? = { marker, insertion in
            guard let chunks = insertion.chunks(size: self.chunkSize) else { return nil }
            let outputs = try self.renderedInChunks(chunks, formats, native: native, store: store, marker: marker, finish: finish)
            return (marker, outputs.map { .joined($0) })
        }
        try forEachPiece(deferred: deferred, store: store, take: take, reuse: reuse, split: split) { marker, piece in
            (
                marker,
                formats.map { format in
                    .rendered(cmark_node_first_child(piece) == nil ? nil : rendered(piece, format, native: native[format] ?? [:]))
                }
            )
        } then: { index, made in
            let (marker, outputs) = made
            for (format, output) in zip(formats, outputs) {
                var text: [UInt8]
                switch output {
                case .kept(let bytes):
                    try emit(index, format, [bytes])
                    continue
                case .joined(let chunked):
                    // Kept whole for the next run only when a store asks for it, with where its
                    // chunks lie, for a run after one of them changed. Finished chunk by chunk.
                    if let marker, let store {
                        store.keep(Self.concatenated(chunked.parts), of: marker, in: format, chunks: chunked.chunks, reused: chunked.reused)
                    }
                    try emit(index, format, chunked.parts)
                    continue
                case .rendered(let output):
                    text = output?.bytes ?? []
                }
                if format == .commonMark {
                    while text.last == 0x0A { text.removeLast() }
                    if !text.isEmpty { text.append(0x0A) }
                }
                if let finish { text = finish(format, text) }
                if let marker { store?.keep(text, of: marker, in: format) }
                try emit(index, format, [text])
            }
        }
    }

    /// The parts one after the other, copied a part at a time: `Array(parts.joined())` goes
    /// byte by byte through a flattened sequence, and a rebuilt section is megabytes.
    static func concatenated(_ parts: [[UInt8]]) -> [UInt8] {
        var whole: [UInt8] = []
        whole.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { whole.append(contentsOf: part) }
        return whole
    }

    /// A piece's text in one format: rendered now, or kept from an earlier run (`PieceStore`).
    private enum PieceText {
        case rendered(CmarkOutput?)
        /// Rendered in chunks: each chunk's finished text, and the separators between them as
        /// parts of their own (`renderedInChunks`).
        case joined(ChunkedOutput)
        case kept([UInt8])
    }

    /// Detaches the top-level blocks one by one; each taken one goes into a document of its own
    /// with its deferred insertion filled, is handed to `make`, and is freed before what `make`
    /// made is handed to `then`: a piece waiting for its turn to be written (a province's section
    /// is tens of megabytes of nodes) holds only its output. A deferred piece `reuse` gives a
    /// value for is not built at all, nor one `split` makes from its insertion in its own way;
    /// `make` and `then` know a deferred piece by its marker.
    func forEachPiece<Made>(
        deferred: [String: Insertion], store: PieceStore?, take: (Int) -> Bool, reuse: (String) -> Made?,
        split: (String, Insertion) throws -> Made?, make: (String?, OpaquePointer) throws -> Made, then: (Int, Made) throws -> Void
    ) throws {
        var index = -1
        while let block = cmark_node_first_child(document) {
            index += 1
            cmark_node_unlink(block)
            let key = pending.removeValue(forKey: block)
            guard take(index) else {
                cmark_node_free(block)
                continue
            }
            if let key, let kept = reuse(key) {
                cmark_node_free(block)
                try then(index, kept)
                continue
            }
            let insertion = key.flatMap { store?.insertion(of: $0) ?? deferred[$0] }
            if let key, let insertion, let made = try split(key, insertion) {
                cmark_node_free(block)
                try then(index, made)
                continue
            }
            guard let piece = cmark_node_new(CMARK_NODE_DOCUMENT) else { throw MarkdownTreeError(line: 1, .outOfMemory) }
            let made: Made
            do {
                defer { cmark_node_free(piece) }
                cmark_node_append_child(piece, block)
                if let insertion {
                    // The marker stands in the piece as the anchor the insertion is placed before.
                    try insert(insertion, replacing: block, line: 1)
                }
                made = try make(key, piece)
            }
            try then(index, made)
        }
    }
}
