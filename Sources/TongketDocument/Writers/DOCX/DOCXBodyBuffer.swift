/// The body of `word/document.xml` as it is written, with its last paragraph held back.
///
/// Word's "keep with next" (`w:keepNext`) is a property of a paragraph, but whether the last
/// paragraph needs it is known only when the block after it comes: a block that must not stand
/// alone on a page (the signature) ties what precedes it to itself. So from the start of a body
/// paragraph (or a data table's last row) on, what is written is held, together with the places
/// its paragraphs' `w:keepNext` would go; when the next block is known the held part is settled,
/// with or without it. Settled bytes are never changed again.
///
/// A buffer can also be a segment: blocks written apart, on another thread, before what comes
/// before them is written (`DOCXBodyWriter.segment`). What such a buffer writes before its first
/// settle belongs to whatever the buffer it joins is holding at that point, so it is kept open
/// (`lead`) and settled only when the two are joined (`append(segment:)`), exactly as it would have
/// been had its blocks been written there.
struct DOCXBodyBuffer {
    /// Bytes settled, in order, until `take` hands them over.
    private var settled: XMLBuffer
    /// What has been written since `hold`, not yet settled.
    private var held = XMLBuffer()
    /// Where in `held` each held paragraph's `w:keepNext` goes, and the markup that says it there.
    private var keepPlaces: [(offset: Int, markup: String)] = []
    private var holding = false
    /// A segment that has not settled yet: its start is not known until it is joined.
    private var open = false
    /// A segment's bytes and `w:keepNext` places up to its first settle, and how it settled.
    private var lead: (bytes: [UInt8], places: [(offset: Int, markup: String)], keep: Bool)?

    init(capacity: Int = 0) { settled = XMLBuffer(capacity: capacity) }

    /// A segment's buffer: holding from its start, which `append(segment:)` resolves.
    static func segment() -> DOCXBodyBuffer {
        var buffer = DOCXBodyBuffer(capacity: 1 << 16)
        buffer.holding = true
        buffer.open = true
        return buffer
    }

    /// Everything written and not yet handed over, settled or held.
    var count: Int { settled.bytes.count + held.bytes.count }

    mutating func append(_ markup: String) {
        if holding { held.append(markup) } else { settled.append(markup) }
    }

    /// `<w:t>` with the text, as `XMLBuffer.appendText` writes it.
    mutating func appendText(_ text: String) {
        if holding { held.appendText(text) } else { settled.appendText(text) }
    }

    /// Opens a paragraph of a named style, up to where its `w:keepNext` would go: right after the
    /// style, where the schema wants it. The caller closes `w:pPr` and the paragraph.
    mutating func startParagraph(style: String) {
        append("<w:p><w:pPr><w:pStyle w:val=\"")
        append(style)
        append("\"/>")
        keepPlace("<w:keepNext/>")
    }

    /// Opens a paragraph without properties (most of a report): kept with the next block, it
    /// gets properties of its own.
    mutating func startPlainParagraph() {
        append("<w:p>")
        keepPlace("<w:pPr><w:keepNext/></w:pPr>")
    }

    private mutating func keepPlace(_ markup: String) {
        if holding { keepPlaces.append((held.bytes.count, markup)) }
    }

    /// Settles what is held without `w:keepNext` (the block that came is not tied to it) and holds
    /// what is written from here on.
    mutating func hold() {
        settle(keepingWithNext: false)
        holding = true
    }

    /// Settles what is held, each of its paragraphs kept with the next block or not, and holds
    /// nothing more until `hold`.
    mutating func settle(keepingWithNext keep: Bool) {
        defer {
            held.bytes.removeAll(keepingCapacity: true)
            keepPlaces.removeAll(keepingCapacity: true)
            holding = false
        }
        if open {
            // A segment's first settle: whether what it holds gets `w:keepNext`, and what the
            // joined buffer holds with it, is decided when the two are joined.
            lead = (held.bytes, keepPlaces, keep)
            open = false
            return
        }
        guard keep else {
            settled.bytes.append(contentsOf: held.bytes)
            return
        }
        var start = 0
        for place in keepPlaces {
            settled.bytes.append(contentsOf: held.bytes[start..<place.offset])
            settled.append(place.markup)
            start = place.offset
        }
        settled.bytes.append(contentsOf: held.bytes[start...])
    }

    /// Appends a segment (`segment()`) as though its blocks had been written here after what this
    /// buffer has: what it wrote before its first settle joins what this buffer holds (or goes
    /// straight to the settled bytes when nothing is held), then that settle is made here, and
    /// the rest is taken as the segment left it.
    mutating func append(segment: DOCXBodyBuffer) {
        let (bytes, places) = segment.lead.map { ($0.bytes, $0.places) } ?? (segment.held.bytes, segment.keepPlaces)
        if holding {
            let base = held.bytes.count
            held.bytes.append(contentsOf: bytes)
            keepPlaces += places.map { ($0.offset + base, $0.markup) }
        } else {
            settled.bytes.append(contentsOf: bytes)
        }
        // A segment that never settled is all open: what this buffer holds, it still holds.
        guard let keep = segment.lead?.keep else { return }
        settle(keepingWithNext: keep)
        settled.bytes.append(contentsOf: segment.settled.bytes)
        held = segment.held
        keepPlaces = segment.keepPlaces
        holding = segment.holding
    }

    /// Hands over the settled bytes; what is held stays.
    mutating func take() -> [UInt8] {
        defer { settled.bytes.removeAll(keepingCapacity: true) }
        return settled.bytes
    }

    /// Settles everything (nothing follows to keep with) and hands it over.
    mutating func takeAll() -> [UInt8] {
        settle(keepingWithNext: false)
        return take()
    }
}
