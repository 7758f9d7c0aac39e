import CmarkDoor

/// Writes the blocks of one report as the body of `word/document.xml`, piece by piece.
///
/// Formatting comes from the named styles of `styles.xml`, never from direct formatting, so that
/// a reviewer can restyle the whole report in Word. Which style a block takes, and which
/// containers that are layouts in HTML become layouts here (the two-column header and the
/// recipients-and-signature block as borderless tables, the appendices as landscape sections),
/// the options' style map says by class: the writer knows behaviours, not class names.
final class DOCXBodyWriter {
    var out = DOCXBodyBuffer(capacity: 1 << 16)
    let options: DOCXOptions
    let tables: [String: Table]
    let charts: [String: Chart]
    private(set) var relationships: [DOCXRelationship] = []
    /// The charts in the order the body met them: chart `i` is the part `word/charts/chart{i+1}.xml`.
    var placedCharts: [Chart] = []
    /// The start number of every ordered list, in order; list `i` is `w:num` `i + 2`.
    var orderedLists: [Int] = []
    private var hyperlinks: [String: String] = [:]
    var landscape = false

    init(options: DOCXOptions, tables: [String: Table], charts: [String: Chart]) {
        self.options = options
        self.tables = tables
        self.charts = charts
    }

    /// Where a block is written: what the mapped classes of the containers around it say
    /// (innermost last), the width available, and the list level.
    struct Context {
        var classes: [DOCXClassStyle] = []
        var width = DOCXPage.portraitWidth
        var listLevel = -1

        /// Inside a container that the map says this of (nothing, for a class it does not name).
        func within(_ style: DOCXClassStyle?) -> Context {
            guard let style else { return self }
            var inner = self
            inner.classes.append(style)
            return inner
        }

        /// The innermost container's answer, for what the classes nearer the block override.
        func innermost<Value>(_ answer: (DOCXClassStyle) -> Value?) -> Value? {
            for style in classes.reversed() {
                if let value = answer(style) { return value }
            }
            return nil
        }
    }

    /// Hands over what has been written so far, but the last paragraph: the signature block may
    /// still tie it to itself.
    func drain() -> [UInt8] { out.take() }

    /// Hands over everything.
    func drainAll() -> [UInt8] { out.takeAll() }

    func write(_ blocks: [DocumentBlock]) { write(blocks[...]) }

    func write(_ blocks: ArraySlice<DocumentBlock>) {
        for block in blocks { write(block, Context(width: landscape ? DOCXPage.landscapeWidth : DOCXPage.portraitWidth)) }
    }

    // MARK: Segments

    /// A writer for blocks that follow what this one has written, to be written on another
    /// thread before this one gets to them and joined to it afterwards (`join`): the same options
    /// and page orientation, and a buffer that leaves its start open (`DOCXBodyBuffer.segment`).
    func segment() -> DOCXBodyWriter {
        let writer = DOCXBodyWriter(options: options, tables: tables, charts: charts)
        writer.out = DOCXBodyBuffer.segment()
        writer.landscape = landscape
        writer.startedLandscape = landscape
        return writer
    }

    /// The orientation a segment was started in.
    private var startedLandscape = false

    /// Takes what `segment` wrote as though this writer had written its blocks itself, if it
    /// would have written the same: only when nothing in them numbered a list, linked, placed a
    /// chart or turned the page, which take their number or width from what came before, and the
    /// page is still as it was when the segment started. False, and nothing taken, otherwise: the
    /// caller then writes those blocks here.
    func join(_ segment: DOCXBodyWriter) -> Bool {
        guard
            segment.orderedLists.isEmpty, segment.relationships.isEmpty, segment.placedCharts.isEmpty,
            segment.hyperlinks.isEmpty, segment.landscape == segment.startedLandscape, segment.startedLandscape == landscape
        else { return false }
        out.append(segment: segment.out)
        return true
    }

    /// The last section's properties, which close the body.
    func finish() {
        out.settle(keepingWithNext: false)
        out.append(DOCXPage.sectionProperties(landscape: landscape))
    }

    func write(_ block: DocumentBlock, _ context: Context) {
        switch block {
        case .paragraph(let inlines):
            // The class that names the style also says whether its text is boxed.
            let named = context.classes.last { $0.paragraphStyle != nil }
            let style = named?.paragraphStyle ?? (context.listLevel >= 0 ? "TiepDanhSach" : "Normal")
            paragraph(style: style, inlines, context, boxed: named?.boxed ?? false)
            // Only in running text: header, signature and appendix titles have styles of their own.
            if named == nil, LineLabel.isLabel(inlines) { out.settle(keepingWithNext: true) }
        case .heading(let level, let inlines):
            let style = context.innermost(\.headingStyle) ?? "Heading\(min(max(level, 1), 6))"
            paragraph(style: style, inlines, context)
        case .list(let list):
            write(list, context)
        case .quote(let blocks):
            let quote = context.within(options.styleMap[DOCXStyleMap.quoteClass])
            for inner in blocks { write(inner, quote) }
        case .code(let text):
            codeBlock(text)
        case .thematicBreak:
            rule(width: context.width / 3, within: context.width, style: "DuongKe")
        case .container(let className, let blocks):
            container(options.styleMap[className], blocks, context)
        case .native(let id):
            native(id, context)
        }
    }

    func addRelationship(_ relationship: DOCXRelationship) { relationships.append(relationship) }

    // MARK: Paragraphs and runs

    func paragraph(
        style: String, _ inlines: [DocumentInline], _ context: Context, extra: String = "", prefix: String = "", boxed: Bool = false
    ) {
        // Until the next block is known, this paragraph may still have to be kept with it.
        out.hold()
        // Most of a report is Normal paragraphs: they carry no properties at all, which keeps a
        // province's draft some megabytes smaller and its packing faster.
        if style == "Normal" && extra.isEmpty {
            out.startPlainParagraph()
        } else {
            out.startParagraph(style: style)
            out.append(extra)
            out.append("</w:pPr>")
        }
        // Boxed text (the draft mark) is boxed as Word boxes text: a border on its runs.
        let base = RunStyle(boxed: boxed)
        if !prefix.isEmpty { run(prefix, base) }
        runs(inlines, base)
        out.append("</w:p>")
    }

    /// Character formatting carried down through emphasis, strong text and links.
    struct RunStyle {
        var characterStyle: String?
        var bold = false
        var italic = false
        var boxed = false

        /// `w:rPr` in the schema's order, empty when there is nothing to say.
        var properties: String {
            var xml = ""
            if let characterStyle { xml += "<w:rStyle w:val=\"\(characterStyle)\"/>" }
            if bold { xml += "<w:b/>" }
            if italic { xml += "<w:i/>" }
            if boxed { xml += "<w:bdr w:val=\"single\" w:sz=\"6\" w:space=\"2\" w:color=\"000000\"/>" }
            return xml.isEmpty ? "" : "<w:rPr>\(xml)</w:rPr>"
        }
    }

    private func runs(_ inlines: [DocumentInline], _ style: RunStyle) {
        // Text and soft breaks in a row are one run: cmark splits a paragraph at every line of
        // its source, Word needs no such seams.
        var pending = ""
        for inline in inlines {
            switch inline {
            case .text(let text):
                pending += text
                continue
            case .softBreak:
                pending += " "
                continue
            default:
                run(pending, style)
                pending = ""
            }
            switch inline {
            case .text, .softBreak: break
            case .code(let text):
                var code = style
                code.characterStyle = "MaNguonChu"
                run(text, code)
            case .emphasis(let inner):
                var italic = style
                italic.italic = true
                runs(inner, italic)
            case .strong(let inner):
                var bold = style
                bold.bold = true
                runs(inner, bold)
            case .lineBreak: out.append("<w:r><w:br/></w:r>")
            case .link(let destination, let inner):
                guard let destination else {
                    runs(inner, style)
                    continue
                }
                var linked = style
                linked.characterStyle = "Hyperlink"
                out.append("<w:hyperlink r:id=\"\(hyperlinkID(destination))\">")
                runs(inner, linked)
                out.append("</w:hyperlink>")
            }
        }
        run(pending, style)
    }

    private func run(_ text: String, _ style: RunStyle) {
        guard !text.isEmpty else { return }
        out.append("<w:r>")
        out.append(style.properties)
        out.appendText(text)
        out.append("</w:r>")
    }

    private func hyperlinkID(_ destination: String) -> String {
        if let id = hyperlinks[destination] { return id }
        let id = "rIdL\(hyperlinks.count + 1)"
        hyperlinks[destination] = id
        relationships.append(DOCXRelationship(id: id, type: "hyperlink", target: destination, external: true))
        return id
    }

    private func codeBlock(_ text: String) {
        out.startParagraph(style: "MaNguon")
        out.append("</w:pPr>")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            if index > 0 { out.append("<w:r><w:br/></w:r>") }
            run(String(line), RunStyle())
        }
        out.append("</w:p>")
    }

    /// An empty paragraph whose bottom border is a centred rule `width` long.
    func rule(width: Int, within available: Int, style: String) {
        let indent = max((available - width) / 2, 0)
        out.startParagraph(style: style)
        out.append("<w:ind w:left=\"\(indent)\" w:right=\"\(indent)\" w:firstLine=\"0\"/></w:pPr></w:p>")
    }

    /// A paragraph with nothing in it but its style (space before the signature, room to sign).
    func emptyParagraph(style: String) {
        out.startParagraph(style: style)
        out.append("</w:pPr></w:p>")
    }

    static func plainText(_ block: DocumentBlock) -> String {
        guard case .paragraph(let inlines) = block else { return "" }
        return plainText(inlines)
    }

    static func plainText(_ inlines: [DocumentInline]) -> String { LineLabel.plainText(inlines) }
}
