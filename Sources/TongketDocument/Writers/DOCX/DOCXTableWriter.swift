/// A table as a real Word table: fixed column widths from the content, header rows (one per
/// level, grouped columns under a spanning cell) that repeat on every page, rows that never
/// break across pages, figures right-aligned as the engine formatted them ("1.234", "85,48").
enum DOCXTableWriter {
    /// Word's default left and right cell margin, in twips.
    static let cellMargin = 108
    /// 1 cm.
    static let minimumWidth = 567

    /// Writes the table; from its last row on, `out` holds what it writes, which a signature
    /// coming next keeps with itself.
    static func write(_ table: Table, width: Int, into out: inout DOCXBodyBuffer) {
        let widths = columnWidths(table, total: width)
        let styles = table.kind == "bang-so-lieu" ? "BangSoLieu" : "Bang"
        out.append(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"LuoiBang\"/><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0020\"/></w:tblPr><w:tblGrid>"
        )
        for column in widths { out.append("<w:gridCol w:w=\"\(column)\"/>") }
        out.append("</w:tblGrid>")
        let header = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        if table.columns.contains(where: { $0.group != nil }) {
            out.append("<w:tr>\(header)")
            var index = 0
            while index < table.columns.count {
                let column = table.columns[index]
                guard let group = column.group else {
                    cell(column.title, width: widths[index], style: "\(styles)TieuDe", extra: "<w:vMerge w:val=\"restart\"/>", into: &out)
                    index += 1
                    continue
                }
                var span = 1
                while index + span < table.columns.count, table.columns[index + span].group == group { span += 1 }
                let spanned = widths[index..<(index + span)].reduce(0, +)
                cell(group, width: spanned, style: "\(styles)TieuDe", extra: "<w:gridSpan w:val=\"\(span)\"/>", into: &out)
                index += span
            }
            out.append("</w:tr><w:tr>\(header)")
            for (column, columnWidth) in zip(table.columns, widths) {
                if column.group == nil {
                    cell("", width: columnWidth, style: "\(styles)TieuDe", extra: "<w:vMerge/>", into: &out)
                } else {
                    cell(column.title, width: columnWidth, style: "\(styles)TieuDe", into: &out)
                }
            }
            out.append("</w:tr>")
        } else {
            out.append("<w:tr>\(header)")
            for (column, columnWidth) in zip(table.columns, widths) {
                cell(column.title, width: columnWidth, style: "\(styles)TieuDe", into: &out)
            }
            out.append("</w:tr>")
        }
        if table.rows.isEmpty { out.hold() }
        for (number, row) in table.rows.enumerated() {
            if number == table.rows.count - 1 { out.hold() }
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for (index, columnWidth) in widths.enumerated() {
                let alignment = table.columns[index].alignment
                let style: String
                switch alignment {
                case .left: style = "\(styles)Chu"
                case .center: style = "\(styles)Giua"
                case .right: style = "\(styles)So"
                }
                cell(index < row.count ? row[index] : "", width: columnWidth, style: style, into: &out)
            }
            out.append("</w:tr>")
        }
        out.append("</w:tbl>")
    }

    private static func cell(_ text: String, width: Int, style: String, extra: String = "", into out: inout DOCXBodyBuffer) {
        out.append("<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(extra)<w:vAlign w:val=\"center\"/></w:tcPr>")
        out.startParagraph(style: style)
        out.append("</w:pPr>")
        if !text.isEmpty {
            out.append("<w:r>")
            out.appendText(text)
            out.append("</w:r>")
        }
        out.append("</w:p></w:tc>")
    }

    /// Widths in proportion to each column's longest text (of a long title, its longest word, so
    /// that no word is broken), within bounds, adding up to `total` exactly.
    static func columnWidths(_ table: Table, total: Int) -> [Int] {
        guard !table.columns.isEmpty else { return [] }
        let shares = table.columns.compactMap(\.share)
        if shares.count == table.columns.count, shares.reduce(0, +) > 0 {
            var widths = shares.map { total * $0 / shares.reduce(0, +) }
            widths[0] += total - widths.reduce(0, +)
            return widths
        }
        let weights = table.columns.indices.map { index -> Int in
            let title = table.columns[index].title
            // A short title ("2011 - 2015") stays on one line; a long one may wrap between words.
            let titleWidth = title.count <= 12 ? title.count : title.split(separator: " ").map(\.count).max() ?? 0
            let cells = table.rows.map { index < $0.count ? $0[index].count : 0 }.max() ?? 0
            return min(max(max(titleWidth, cells), 5), 30)
        }
        let sum = weights.reduce(0, +)
        var widths = weights.map { total * $0 / sum }
        widths[0] += total - widths.reduce(0, +)
        // No column narrower than two bold digits and its margins ("TT"), taken from the widest.
        for index in widths.indices where widths[index] < minimumWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 2 * minimumWidth else { break }
            widths[widest] -= minimumWidth - widths[index]
            widths[index] = minimumWidth
        }
        return widths
    }
}
