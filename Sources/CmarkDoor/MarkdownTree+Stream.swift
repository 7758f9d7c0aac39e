import CCmark

extension MarkdownTree {
    /// Renders the tree one top-level block at a time, filling each deferred marker only when it
    /// is reached and freeing it once written, so that memory holds one section's nodes at a time
    /// whatever the size of the report. The tree is used up: call this once, instead of `render`.
    ///
    /// The pieces join into exactly what `render` gives for HTML; for CommonMark a blank line
    /// separates them, as cmark separates blocks.
    public func stream(
        _ formats: [TreeFormat], native: [TreeFormat: [String: String]], deferred: [String: Insertion],
        write: (TreeFormat, [UInt8]) throws -> Void
    ) throws {
        var wrote: Set<Int> = []
        let emit: (Int, TreeFormat, [UInt8]) throws -> Void = { _, format, text in
            guard !text.isEmpty else { return }
            let key = format == .html ? 0 : 1
            try write(format, Self.joined(text, format: format, first: !wrote.contains(key)))
            wrote.insert(key)
        }
        try streamPieces(formats, native: native, deferred: deferred, take: { _ in true }, emit: emit)
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
    /// Pieces are UTF-8 bytes; CommonMark pieces end with exactly one newline and carry no separator (see `joined`).
    public func streamPieces(
        _ formats: [TreeFormat], native: [TreeFormat: [String: String]], deferred: [String: Insertion], take: (Int) -> Bool,
        emit: (Int, TreeFormat, [UInt8]) throws -> Void
    ) throws {
        // cmark's output is copied out only once the piece's nodes are freed: a province's section
        // is tens of megabytes of nodes and as many of text, and each thread held both at once.
        try forEachPiece(deferred: deferred, take: take) { _, piece in
            formats.map { format in cmark_node_first_child(piece) == nil ? nil : rendered(piece, format, native: native[format] ?? [:]) }
        } then: { index, outputs in
            for (format, output) in zip(formats, outputs) {
                var text = output?.bytes ?? []
                if format == .commonMark {
                    while text.last == 0x0A { text.removeLast() }
                    if !text.isEmpty { text.append(0x0A) }
                }
                try emit(index, format, text)
            }
        }
    }

    /// Detaches the top-level blocks one by one; each taken one goes into a document of its own
    /// with its deferred insertion filled, is handed to `make`, and is freed before what `make`
    /// made is handed to `then`: a piece waiting for its turn to be written (a province's section
    /// is tens of megabytes of nodes) holds only its output.
    func forEachPiece<Made>(
        deferred: [String: Insertion], take: (Int) -> Bool, make: (Int, OpaquePointer) throws -> Made,
        then: (Int, Made) throws -> Void
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
            guard let piece = cmark_node_new(CMARK_NODE_DOCUMENT) else { throw MarkdownTreeError(line: 1, .outOfMemory) }
            let made: Made
            do {
                defer { cmark_node_free(piece) }
                cmark_node_append_child(piece, block)
                if let key, let insertion = deferred[key] {
                    // The marker stands in the piece as the anchor the insertion is placed before.
                    try insert(insertion, replacing: block, line: 1)
                }
                made = try make(index, piece)
            }
            try then(index, made)
        }
    }
}
