import CmarkDoor

/// Writes the blocks of one report as the body of `word/document.xml`, piece by piece.
///
/// Formatting comes from the named styles of `styles.xml` (chosen by the template's container
/// classes), never from direct formatting, so that a reviewer can restyle the whole report in
/// Word. The containers that are layouts in HTML become layouts here: the two-column header and
/// the recipients-and-signature block are borderless tables, the appendices landscape sections.
final class DOCXBodyWriter {
    var out = XMLBuffer(capacity: 1 << 16)
    let options: DOCXOptions
    let tables: [String: Table]
    let charts: [String: Chart]
    private(set) var relationships: [DOCXRelationship] = []
    private(set) var media: [(name: String, bytes: [UInt8])] = []
    /// The start number of every ordered list, in order; list `i` is `w:num` `i + 2`.
    var orderedLists: [Int] = []
    private var hyperlinks: [String: String] = [:]
    private var landscape = false
    /// Set when the next paragraph must start a page (the second and later appendices).
    private var pageBreakPending = false
    /// Where in `out` the last body paragraph (or a table's last row) starts, kept back from
    /// `drain` so that the signature block can still tie it to itself.
    private var lastParagraph: Int?

    init(options: DOCXOptions, tables: [String: Table], charts: [String: Chart]) {
        self.options = options
        self.tables = tables
        self.charts = charts
    }

    /// Where a block is written: the classes of the containers around it, the width available,
    /// and the list level.
    struct Context {
        var classes: [String] = []
        var width = DOCXPage.portraitWidth
        var listLevel = -1

        func within(_ className: String) -> Context {
            var inner = self
            inner.classes.append(className)
            return inner
        }

        func has(_ className: String) -> Bool { classes.contains(className) }
    }

    /// Hands over what has been written so far, but the last paragraph.
    func drain() -> [UInt8] {
        let end = lastParagraph ?? out.bytes.count
        defer {
            out.bytes.removeSubrange(0..<end)
            if lastParagraph != nil { lastParagraph = 0 }
        }
        return Array(out.bytes[0..<end])
    }

    /// After a layout table, there is nothing to tie to the signature.
    func forgetLastParagraph() { lastParagraph = nil }

    /// After a data table, its last row is what the signature keeps with.
    func rememberLastRow(at offset: Int) { lastParagraph = offset }

    /// Hands over everything.
    func drainAll() -> [UInt8] {
        lastParagraph = nil
        return drain()
    }

    /// Ties the last paragraph (or the last row of a table and the paragraph after it) to what
    /// follows: Word's "keep with next", so that the signature never stands alone on a page.
    private func keepLastParagraphWithNext() {
        guard var index = lastParagraph, index < out.bytes.count else { return }
        let paragraph = Array("<w:p>".utf8)
        let properties = Array("<w:pPr>".utf8)
        let style = Array("<w:pStyle w:val=\"".utf8)
        let keep = Array("<w:keepNext/>".utf8)
        while let found = Self.find(paragraph, in: out.bytes[index...]) {
            index = found + paragraph.count
            guard out.bytes[index...].starts(with: properties) else {
                out.bytes.insert(contentsOf: properties + keep + Array("</w:pPr>".utf8), at: index)
                continue
            }
            index += properties.count
            if out.bytes[index...].starts(with: style), let end = Self.find(Array("/>".utf8), in: out.bytes[index...]) {
                index = end + 2
            }
            if !out.bytes[index...].starts(with: keep) { out.bytes.insert(contentsOf: keep, at: index) }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    func write(_ blocks: [DocumentBlock]) {
        for block in blocks { write(block, Context(width: landscape ? DOCXPage.landscapeWidth : DOCXPage.portraitWidth)) }
    }

    /// The last section's properties, which close the body.
    func finish() {
        out.append(DOCXPage.sectionProperties(landscape: landscape, first: !landscape))
    }

    func write(_ block: DocumentBlock, _ context: Context) {
        switch block {
        case .paragraph(let inlines):
            paragraph(style: paragraphStyle(context), inlines, context)
        case .heading(let level, let inlines):
            let style = context.has("phan") ? "Heading1" : "Heading\(min(max(level, 1), 6))"
            paragraph(style: style, inlines, context)
        case .list(let list):
            write(list, context)
        case .quote(let blocks):
            for inner in blocks { write(inner, context.within("trich-dan")) }
        case .code(let text):
            codeBlock(text)
        case .thematicBreak:
            rule(width: context.width / 3, within: context.width, style: "DuongKe")
        case .container(let className, let blocks):
            container(className, blocks, context)
        case .native(let id):
            native(id, context)
        }
    }

    private func container(_ className: String, _ blocks: [DocumentBlock], _ context: Context) {
        let inner = context.within(className)
        switch className {
        case "tieu-de":
            layoutTable(blocks, columns: [("cot-trai", 40), ("cot-phai", 60)], context)
        case "chu-ky":
            keepLastParagraphWithNext()
            out.append("<w:p><w:pPr><w:pStyle w:val=\"TruocChuKy\"/></w:pPr></w:p>")
            layoutTable(blocks, columns: [("noi-nhan", 45), ("nguoi-ky", 55)], context)
        case options.landscapeClass:
            startAppendix()
            var landscapeContext = inner
            landscapeContext.width = DOCXPage.landscapeWidth
            for block in blocks { write(block, landscapeContext) }
        case "co-quan":
            for block in blocks { write(block, inner) }
            // The short rule under the issuing body: 40% of its longest line, centred.
            let longest = blocks.map { TimesBoldWidth.twips(Self.plainText($0), points: 13) }.max() ?? 0
            rule(width: max(longest * 2 / 5, 567), within: context.width, style: "DuongKeTieuDe")
        case "quoc-hieu":
            for (index, block) in blocks.enumerated() {
                guard case .paragraph(let inlines) = block else {
                    write(block, inner)
                    continue
                }
                if index == 0 {
                    paragraph(style: "QuocHieu", inlines, inner)
                } else {
                    // Tiêu ngữ, underlined by a rule exactly as long as the line.
                    let textWidth = TimesBoldWidth.twips(Self.plainText(block), points: 13)
                    let indent = max((context.width - textWidth) / 2 - 20, 0)
                    paragraph(
                        style: "TieuNgu", inlines, inner,
                        extra: "<w:ind w:left=\"\(indent)\" w:right=\"\(indent)\" w:firstLine=\"0\"/>")
                }
            }
        case "loai-van-ban":
            for block in blocks { write(block, inner) }
            rule(width: context.width / 4, within: context.width, style: "DuongKe")
        case "khoang-ky":
            out.append("<w:p><w:pPr><w:pStyle w:val=\"KhoangKy\"/></w:pPr></w:p>")
        default:
            for block in blocks { write(block, inner) }
        }
    }

    /// Paragraph styles by the innermost container that names one.
    private func paragraphStyle(_ context: Context) -> String {
        for className in context.classes.reversed() {
            switch className {
            case "du-thao": return "DuThao"
            case "co-quan": return "CoQuan"
            case "cot-trai": return "SoKyHieu"
            case "cot-phai": return "DiaDanhNgay"
            case "loai-van-ban": return "LoaiVanBan"
            case "phan": return "Phan"
            case "huong-dan": return "HuongDan"
            case "huong-dan-chung": return "HuongDanChung"
            case "tieu-de-phu-luc": return "PhuLucTieuDe"
            case "noi-nhan": return "NoiNhan"
            case "nguoi-ky": return "ChuKy"
            case "trich-dan": return "TrichDan"
            default: continue
            }
        }
        return context.listLevel >= 0 ? "TiepDanhSach" : "Normal"
    }

    /// Appendices go on landscape pages: the first closes the portrait section, each later one
    /// starts a page of its own.
    func startAppendix() {
        if landscape {
            pageBreakPending = true
            return
        }
        out.append("<w:p><w:pPr>\(DOCXPage.sectionProperties(landscape: false, first: true))</w:pPr></w:p>")
        landscape = true
    }

    func addMedia(_ name: String, _ bytes: [UInt8], id: String) {
        media.append((name, bytes))
        relationships.append(DOCXRelationship(id: id, type: "image", target: name, external: false))
    }

    // MARK: Paragraphs and runs

    func paragraph(style: String, _ inlines: [DocumentInline], _ context: Context, extra: String = "", prefix: String = "") {
        lastParagraph = out.bytes.count
        // Most of a report is Normal paragraphs: they carry no properties at all, which keeps a
        // province's draft some megabytes smaller and its packing faster.
        if style == "Normal" && extra.isEmpty && !pageBreakPending {
            out.append("<w:p>")
        } else {
            out.append("<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>")
            if pageBreakPending {
                out.append("<w:pageBreakBefore/>")
                pageBreakPending = false
            }
            out.append(extra)
            out.append("</w:pPr>")
        }
        // The draft mark is boxed as Word boxes text: a border on its runs.
        let base = RunStyle(boxed: style == "DuThao")
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
        out.append("<w:p><w:pPr><w:pStyle w:val=\"MaNguon\"/></w:pPr>")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            if index > 0 { out.append("<w:r><w:br/></w:r>") }
            run(String(line), RunStyle())
        }
        out.append("</w:p>")
    }

    /// An empty paragraph whose bottom border is a centred rule `width` long.
    private func rule(width: Int, within available: Int, style: String) {
        let indent = max((available - width) / 2, 0)
        out.append(
            "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/><w:ind w:left=\"\(indent)\" w:right=\"\(indent)\" w:firstLine=\"0\"/></w:pPr></w:p>")
    }

    static func plainText(_ block: DocumentBlock) -> String {
        guard case .paragraph(let inlines) = block else { return "" }
        return plainText(inlines)
    }

    static func plainText(_ inlines: [DocumentInline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text), .code(let text): return text
            case .emphasis(let inner), .strong(let inner), .link(_, let inner): return plainText(inner)
            case .softBreak, .lineBreak: return " "
            }
        }
        .joined()
    }
}
