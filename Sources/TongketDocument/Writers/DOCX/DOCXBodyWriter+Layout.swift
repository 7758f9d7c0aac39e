import CmarkDoor

extension DOCXBodyWriter {
    func write(_ list: DocumentList, _ context: Context) {
        if let lineStyle = context.innermost(\.listLineStyle) {
            // Recipients are typed lines "- Như trên;" in state documents, not a Word list.
            for item in list.items {
                for block in item {
                    guard case .paragraph(let inlines) = block else {
                        write(block, context)
                        continue
                    }
                    paragraph(style: lineStyle, inlines, context, prefix: "- ")
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

    /// Word does not let two tables touch or a body end in a table: a small empty paragraph
    /// follows each one.
    func afterTable() { emptyParagraph(style: "SauBang") }

    func native(_ id: String, _ context: Context) {
        if let table = tables[id] {
            // What introduces a table ("… chi tiết tại bảng dưới đây:") stays on its page: a
            // page of LibreOffice's draft ended with it, the table on the next.
            out.settle(keepingWithNext: true)
            DOCXTableWriter.write(table, width: context.width, into: &out)
            if table.notes.isEmpty {
                afterTable()
            } else {
                // A note is the paragraph that keeps the table from touching the next block.
                for note in table.notes { paragraph(style: "Normal", [.emphasis([.text(note)])], context) }
            }
        } else if let chart = charts[id] {
            placedCharts.append(chart)
            let part = placedCharts.count
            let relationship = "rIdC\(part)"
            addRelationship(DOCXRelationship(id: relationship, type: "chart", target: "charts/chart\(part).xml", external: false))
            // The chart paragraph's style keeps it with its caption: never alone at a page's foot.
            out.startParagraph(style: "BieuDo")
            // A chart that does not fit under its table starts a page (AppendixPage).
            if chart.placement != .flowing { out.append("<w:pageBreakBefore/>") }
            out.append("</w:pPr><w:r>")
            out.append(DOCXChartWriter.drawing(chart, part: part, available: context.width * 3 / 4, relationship: relationship))
            out.append("</w:r></w:p>")
            paragraph(style: "ChuThich", DOCXChartWriter.caption(chart), context)
        }
    }
}
