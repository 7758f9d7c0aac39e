import CmarkDoor

extension DOCXBodyWriter {
    /// A template's container, as the style map says its class is written; a class the map does
    /// not name is its blocks one after another.
    func container(_ style: DOCXClassStyle?, _ blocks: [DocumentBlock], _ context: Context) {
        let inner = context.within(style)
        if style?.keepsWithPrevious == true {
            // Word's "keep with next" on what precedes: the block never stands alone on a page.
            out.settle(keepingWithNext: true)
        }
        if let before = style?.paragraphBefore { emptyParagraph(style: before) }
        switch style?.layout {
        case .columns(let columns):
            layoutTable(blocks, columns: columns, inner)
        case .landscape:
            startAppendix()
            var landscape = inner
            landscape.width = DOCXPage.landscapeWidth
            for block in blocks { write(block, landscape) }
        case .ruleBelow(let ruleStyle, let percent):
            for block in blocks { write(block, inner) }
            rule(width: context.width * percent / 100, within: context.width, style: ruleStyle)
        case .ruleBelowText(let ruleStyle, let percent):
            for block in blocks { write(block, inner) }
            // The short rule under the issuing body: a share of its longest line, centred, and
            // never shorter than 1 cm (567 twips), so that a one-word body still has one.
            let longest = blocks.map { TimesBoldWidth.twips(Self.plainText($0), points: Self.titlePoints) }.max() ?? 0
            rule(width: max(longest * percent / 100, 567), within: context.width, style: ruleStyle)
        case .nationalMotto(let first, let following):
            nationalMotto(blocks, first: first, following: following, inner)
        case .emptyParagraph(let empty):
            emptyParagraph(style: empty)
        case nil:
            for (index, block) in blocks.enumerated() {
                write(block, inner)
                if index == 0, style?.keepsFirstWithNext == true, blocks.count > 1 { out.settle(keepingWithNext: true) }
            }
        }
    }

    /// The size, in points, of the header's bold lines (issuing body, national name, motto) in
    /// the bundled Word styles, which the rules under them are measured in.
    static let titlePoints = 13.0

    /// Quốc hiệu, then Tiêu ngữ underlined by its style's bottom border, narrowed to exactly the
    /// length of the line.
    private func nationalMotto(_ blocks: [DocumentBlock], first: String, following: String, _ context: Context) {
        for (index, block) in blocks.enumerated() {
            guard case .paragraph(let inlines) = block else {
                write(block, context)
                continue
            }
            if index == 0 {
                paragraph(style: first, inlines, context)
            } else {
                // The estimate is Times New Roman's; LibreOffice's metric twin sets the
                // precomposed Vietnamese letters wider (measured: 167 pt where Times gives 154), and
                // a line narrowed to the estimate wraps "phúc" under it. An eighth more keeps the
                // motto on one line in both, the rule a little longer than the text in Word.
                let textWidth = TimesBoldWidth.twips(Self.plainText(block), points: Self.titlePoints) * 9 / 8
                let indent = max((context.width - textWidth) / 2 - 20, 0)
                paragraph(
                    style: following, inlines, context, extra: "<w:ind w:left=\"\(indent)\" w:right=\"\(indent)\" w:firstLine=\"0\"/>")
            }
        }
    }

    /// A borderless table laying out containers side by side: the header's two columns, or the
    /// recipients beside the signature. Blocks that are none of the named columns follow it.
    func layoutTable(_ blocks: [DocumentBlock], columns: [DOCXLayout.Column], _ context: Context) {
        // Nothing in a layout table is tied to what follows it.
        defer { out.settle(keepingWithNext: false) }
        let widths = columns.map { context.width * $0.percent / 100 }
        out.append(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"BangBoCuc\"/><w:tblW w:w=\"\(context.width)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
        )
        for width in widths { out.append("<w:gridCol w:w=\"\(width)\"/>") }
        out.append("</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>")
        var placed = Set<Int>()
        for (column, width) in zip(columns, widths) {
            out.append("<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>")
            var cell = context.within(options.styleMap[column.className])
            cell.width = width - 2 * DOCXTableWriter.cellMargin
            var wrote = false
            for (index, block) in blocks.enumerated() {
                guard case .container(let className, let inner) = block, className == column.className else { continue }
                placed.insert(index)
                for innerBlock in inner { write(innerBlock, cell) }
                wrote = wrote || !inner.isEmpty
            }
            // A cell must end with a paragraph.
            if wrote { emptyParagraph(style: "SauBang") } else { out.append("<w:p/>") }
            out.append("</w:tc>")
        }
        out.append("</w:tr></w:tbl>")
        afterTable()
        for (index, block) in blocks.enumerated() where !placed.contains(index) { write(block, context) }
    }

    /// Appendices go on landscape pages, each in a section of its own so that its pages are
    /// numbered on their own: each one closes the section before it.
    func startAppendix() {
        // The paragraph that carries the break is as small as the one after a table (6 pt): at
        // full size it spilled from a full last page onto a page of its own, blank but for its
        // number (Sở Nội vụ's 2021–2025 thematic report in LibreOffice).
        out.startParagraph(style: "SauBang")
        out.append("\(DOCXPage.sectionProperties(landscape: landscape))</w:pPr></w:p>")
        landscape = true
    }
}
