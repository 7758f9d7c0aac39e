import CmarkDoor

extension DOCXBodyWriter {
    func write(_ list: DocumentList, _ context: Context) {
        if context.has("noi-nhan") {
            // Recipients are typed lines "- Như trên;" in state documents, not a Word list.
            for item in list.items {
                for block in item {
                    guard case .paragraph(let inlines) = block else {
                        write(block, context)
                        continue
                    }
                    paragraph(style: "NoiNhanDong", inlines, context, prefix: "- ")
                }
            }
            return
        }
        var inner = context
        inner.listLevel = min(context.listLevel + 1, 8)
        let numberingID: Int
        if list.ordered {
            orderedLists.append(list.start)
            numberingID = orderedLists.count + 1
        } else {
            numberingID = 1
        }
        let numbering = "<w:numPr><w:ilvl w:val=\"\(inner.listLevel)\"/><w:numId w:val=\"\(numberingID)\"/></w:numPr>"
        for item in list.items {
            var blocks = item[...]
            if case .paragraph(let inlines) = blocks.first {
                paragraph(style: "DanhSach", inlines, inner, extra: numbering)
                blocks = blocks.dropFirst()
            } else {
                paragraph(style: "DanhSach", [], inner, extra: numbering)
            }
            for block in blocks { write(block, inner) }
        }
    }

    /// A borderless table laying out containers side by side: the header's two columns, or the
    /// recipients beside the signature. Blocks that are none of the named columns follow it.
    func layoutTable(_ blocks: [DocumentBlock], columns: [(className: String, percent: Int)], _ context: Context) {
        defer { forgetLastParagraph() }
        let widths = columns.map { context.width * $0.percent / 100 }
        out.append(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"BangBoCuc\"/><w:tblW w:w=\"\(context.width)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
        )
        for width in widths { out.append("<w:gridCol w:w=\"\(width)\"/>") }
        out.append("</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>")
        var placed = Set<Int>()
        for (column, width) in zip(columns, widths) {
            out.append("<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>")
            var cell = context.within(column.className)
            cell.width = width - 2 * DOCXTableWriter.cellMargin
            var wrote = false
            for (index, block) in blocks.enumerated() {
                guard case .container(let className, let inner) = block, className == column.className else { continue }
                placed.insert(index)
                for innerBlock in inner { write(innerBlock, cell) }
                wrote = wrote || !inner.isEmpty
            }
            // A cell must end with a paragraph.
            out.append(wrote ? "<w:p><w:pPr><w:pStyle w:val=\"SauBang\"/></w:pPr></w:p>" : "<w:p/>")
            out.append("</w:tc>")
        }
        out.append("</w:tr></w:tbl>")
        afterTable()
        for (index, block) in blocks.enumerated() where !placed.contains(index) { write(block, context) }
    }

    /// Word does not let two tables touch or a body end in a table: a small empty paragraph
    /// follows each one.
    func afterTable() {
        out.append("<w:p><w:pPr><w:pStyle w:val=\"SauBang\"/></w:pPr></w:p>")
    }

    func native(_ id: String, _ context: Context) {
        if let table = tables[id] {
            rememberLastRow(at: DOCXTableWriter.write(table, width: context.width, into: &out))
            afterTable()
        } else if let chart = charts[id] {
            let number = addChart(chart)
            let width = context.width * 3 / 4
            out.append("<w:p><w:pPr><w:pStyle w:val=\"BieuDo\"/></w:pPr><w:r>")
            out.append(
                DOCXChartWriter.drawing(
                    chart, number: number, width: width, png: "rIdM\(number)", svg: "rIdS\(number)"))
            out.append("</w:r></w:p>")
            paragraph(style: "ChuThich", [.text(DOCXChartWriter.caption(chart))], context)
        }
    }

    private func addChart(_ chart: Chart) -> Int {
        let number = media.count / 2 + 1
        let png = "media/bieu-do-\(number).png"
        let svg = "media/bieu-do-\(number).svg"
        addMedia(png, ChartRaster.png(chart), id: "rIdM\(number)")
        addMedia(svg, Array(SVGChartWriter.standalone(chart).utf8), id: "rIdS\(number)")
        return number
    }
}
