/// A table as a real Word table: fixed column widths from the content, header rows (one per
/// level, grouped columns under a spanning cell) that repeat on every page, rows that never
/// break across pages, figures right-aligned as the engine formatted them ("1.234", "85,48").
enum DOCXTableWriter {
    /// Word's default left and right cell margin, in twips.
    static let cellMargin = 108
    /// 1 cm.
    static let minimumWidth = 567
    /// A table of at most this many rows, and at most a third of a page high, is kept on one
    /// page (`keepsWhole`).
    static let shortTableRows = 8

    /// Writes the table; from its last row on, `out` holds what it writes, which a signature
    /// coming next keeps with itself.
    static func write(_ table: Table, width: Int, into out: inout DOCXBodyBuffer) {
        let figures = table.kind == "bang-so-lieu"
        let measures = Measures(table)
        let chosen = layout(table, width: width, measures: measures)
        let (widths, size) = (chosen.widths, chosen.fontHalfPoints)
        let styles = figures ? (size < 20 ? "BangSoLieuNho" : "BangSoLieu") : "Bang"
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
                    cell(
                        column.title, width: widths[index], style: "\(styles)TieuDe", extra: "<w:vMerge w:val=\"restart\"/>",
                        into: &out)
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
        // A unit of measure too long for its column ("triệu đồng/người/tháng") breaks after its
        // slashes: Word never breaks there by itself, so a zero-width space marks the place.
        let breakAtSlashes = table.columns.indices.map { index in
            chosen.loose && table.columns[index].alignment != .right
                && widths[index] < measures.narrowestText(column: index, fontHalfPoints: size, loose: false)
        }
        if table.rows.isEmpty { out.hold() }
        // A short table stays on one page, each row kept with the next (two commendations stood
        // one on each page); a long or tall one breaks between rows, its header repeated. Rows before
        // the last are written settled (the caller settled what introduces the table), so their
        // keepNext is never written twice.
        let keepWhole = keepsWhole(table, layout: chosen, width: width)
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
                let text = index < row.count ? row[index] : ""
                let shown =
                    breakAtSlashes[index]
                    ? text.split(separator: " ", omittingEmptySubsequences: false)
                        .map { slashPieces($0).joined(separator: "\u{200B}") }.joined(separator: " ") : text
                cell(shown, width: columnWidth, style: style, keepWithNext: keepWhole && number < table.rows.count - 1, into: &out)
            }
            out.append("</w:tr>")
        }
        out.append("</w:tbl>")
    }

    private static func cell(
        _ text: String, width: Int, style: String, extra: String = "", keepWithNext: Bool = false, into out: inout DOCXBodyBuffer
    ) {
        out.append("<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(extra)<w:vAlign w:val=\"center\"/></w:tcPr>")
        out.startParagraph(style: style)
        out.append(keepWithNext ? "<w:keepNext/></w:pPr>" : "</w:pPr>")
        if !text.isEmpty {
            out.append("<w:r>")
            out.appendText(text)
            out.append("</w:r>")
        }
        out.append("</w:p></w:tc>")
    }

    /// How `table` is set `width` twips wide. An appendix table too wide for its figures at 10 pt
    /// is set at 9 pt as a last resort, through its own styles in kieu-word.xml ("Ô bảng số liệu
    /// rộng"), never direct formatting; other tables at 11 pt.
    static func layout(_ table: Table, width: Int, measures: Measures? = nil) -> Layout {
        let figures = table.kind == "bang-so-lieu"
        return layout(table, total: width, fontHalfPoints: figures ? 20 : 22, smallest: figures ? 18 : 22, measures: measures)
    }

    /// The widths and the text size (half-points) of a table: at `fontHalfPoints` when every
    /// figure fits on one line, else a point smaller at a time down to `smallest`. At each size the
    /// table is first laid out with every heading whole ("2011 - 2015") and every unit of measure
    /// whole ("đồng/người/tháng"), then, if that does not fit, with headings wrapping between their
    /// words and units after their slashes: a wrapped heading reads better than a smaller font.
    ///
    /// When both fit, the shorter table is taken (`estimatedHeight`; the whole headings on a tie):
    /// headings kept whole ("2011 - 2015" in three phase columns) had left "Chỉ tiêu" 1.6 cm wide,
    /// six lines a row, where wrapping them costs one line in the header.
    static func layout(_ table: Table, total: Int, fontHalfPoints: Int, smallest: Int, measures given: Measures? = nil) -> Layout {
        let measures = given ?? Measures(table)
        var size = fontHalfPoints
        while true {
            // Each layout's floors once: the widths and the check both need them.
            let strictFloors = measures.floors(fontHalfPoints: size, loose: false)
            let looseFloors = measures.floors(fontHalfPoints: size, loose: true)
            let strict = Layout(
                widths: columnWidths(table, total: total, fontHalfPoints: size, floors: strictFloors, measures: measures),
                fontHalfPoints: size, loose: false)
            let loose = Layout(
                widths: columnWidths(table, total: total, fontHalfPoints: size, loose: true, floors: looseFloors, measures: measures),
                fontHalfPoints: size, loose: true)
            let looseFits = loose.widths.indices.allSatisfy { loose.widths[$0] >= looseFloors[$0].width }
            if strict.widths.indices.allSatisfy({ strict.widths[$0] >= strictFloors[$0].width }) {
                let shorter =
                    looseFits && loose.widths != strict.widths
                    && estimatedHeight(table, layout: loose) < estimatedHeight(table, layout: strict)
                return shorter ? loose : strict
            }
            if looseFits || size - 2 < smallest { return loose }
            size -= 2
        }
    }

    /// A table's column widths in twips, the size of its text, and whether its headings and units
    /// of measure may wrap inside their words' slashes and spaces.
    struct Layout: Equatable {
        var widths: [Int]
        var fontHalfPoints: Int
        var loose: Bool
    }

    /// Widths in proportion to each column's longest text (of a long title, its longest word, so
    /// that no word is broken), within bounds, adding up to `total` exactly; then every column of
    /// figures widened to hold its widest figure on one line ("69.085" broken after "69.08" reads
    /// as a decimal), the width taken from the text columns, which may wrap. `fontHalfPoints` is
    /// the size of the cells' text (the table styles of kieu-word.xml: 10 pt for appendix figures,
    /// 11 pt elsewhere); `loose` lets headings and units of measure wrap (see `layout`).
    static func columnWidths(
        _ table: Table, total: Int, fontHalfPoints: Int = 22, loose: Bool = false, floors given: [(width: Int, isFigure: Bool)]? = nil,
        measures: Measures? = nil
    ) -> [Int] {
        guard !table.columns.isEmpty else { return [] }
        let shares = table.columns.compactMap(\.share)
        if shares.count == table.columns.count, shares.reduce(0, +) > 0 {
            var widths = shares.map { total * $0 / shares.reduce(0, +) }
            widths[0] += total - widths.reduce(0, +)
            return widths
        }
        let measures = measures ?? Measures(table)
        let weights = measures.weights
        let sum = weights.reduce(0, +)
        var widths = weights.map { total * $0 / sum }
        widths[0] += total - widths.reduce(0, +)
        // No column narrower than two bold digits and its margins ("TT"), taken from the widest.
        for index in widths.indices where widths[index] < minimumWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 2 * minimumWidth else { break }
            widths[widest] -= minimumWidth - widths[index]
            widths[index] = minimumWidth
        }
        let floors = given ?? measures.floors(fontHalfPoints: fontHalfPoints, loose: loose)
        widenFigureColumns(&widths, floors: floors, weights: weights)
        raiseToFloors(&widths, floors: floors.map(\.width), only: widths.indices.filter { !floors[$0].isFigure })
        return widths
    }

    /// Raises each of `positions` below its floor to it, taking the width from the others above
    /// their own floors, the one with most to spare first; what none can give stays short (the
    /// table then wraps rather than overflows).
    static func raiseToFloors(_ widths: inout [Int], floors: [Int], only positions: [Int]) {
        for index in positions where widths[index] < floors[index] {
            var want = floors[index] - widths[index]
            while want > 0 {
                guard
                    let donor = widths.indices.filter({ $0 != index && widths[$0] > floors[$0] })
                        .max(by: { widths[$0] - floors[$0] < widths[$1] - floors[$1] })
                else { break }
                let given = min(want, widths[donor] - floors[donor])
                widths[donor] -= given
                widths[index] += given
                want -= given
            }
        }
    }

    /// When a figure column is narrower than its widest figure: every figure column gets what its
    /// figures need, and the other columns share the rest by their weights, none below its floor
    /// (1 cm, or its longest word). Columns that already fit are left as they were.
    static func widenFigureColumns(_ widths: inout [Int], floors: [(width: Int, isFigure: Bool)], weights: [Int]) {
        guard widths.indices.contains(where: { floors[$0].isFigure && widths[$0] < floors[$0].width }) else { return }
        let total = widths.reduce(0, +)
        let others = widths.indices.filter { !floors[$0].isFigure }
        for index in widths.indices where floors[index].isFigure { widths[index] = floors[index].width }
        let rest = total - widths.indices.filter { floors[$0].isFigure }.reduce(0) { $0 + widths[$1] }
        guard !others.isEmpty else {
            widths[widths.count - 1] += total - widths.reduce(0, +)
            return
        }
        let weightSum = max(1, others.reduce(0) { $0 + weights[$1] })
        var shares = others.map { max(0, rest) * weights[$0] / weightSum }
        raiseToFloors(&shares, floors: others.map { floors[$0].width }, only: Array(shares.indices))
        for (position, index) in others.enumerated() { widths[index] = shares[position] }
        // Rounding: the remainder to the widest text column, so the table keeps its width.
        if let widest = others.max(by: { widths[$0] < widths[$1] }) { widths[widest] += total - widths.reduce(0, +) }
    }

    /// A word cut after each slash that a letter follows, the slash kept with the piece before it.
    static func slashPieces(_ word: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = word.startIndex
        var index = word.startIndex
        while index < word.endIndex {
            let next = word.index(after: index)
            if word[index] == "/", next < word.endIndex, word[next].isLetter {
                pieces.append(word[start..<next])
                start = next
            }
            index = next
        }
        pieces.append(word[start...])
        return pieces
    }

    /// The printed width of a figure in twips, Times New Roman at `fontHalfPoints`: digits half
    /// an em, separators and spaces a quarter, anything else (%, letters) a full em to be safe.
    static func figureWidth(_ text: String, fontHalfPoints: Int) -> Int {
        twips(quarters: figureQuarters(text), fontHalfPoints: fontHalfPoints)
    }
}
