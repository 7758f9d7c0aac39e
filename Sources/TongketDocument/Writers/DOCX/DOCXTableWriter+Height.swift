/// How tall a laid-out table prints, estimated on the generous side: the writer uses it to choose
/// between two layouts and to decide whether a table is short enough to keep on one page, the
/// appendix pages (`AppendixPage`) to decide whether a chart fits under its table.
extension DOCXTableWriter {
    /// The table's height in twips: each row as high as its tallest cell, each cell's text wrapped
    /// word by word in its column at half an em a letter (Times New Roman's average is less), a
    /// line 1.15 em, 1 pt above and below each cell's paragraph and the borders. Notes under the
    /// table are not counted.
    static func estimatedHeight(_ table: Table, layout: Layout) -> Int {
        let size = layout.fontHalfPoints
        let line = size * 10 * 115 / 100
        let cellPadding = 40 + 15
        func lines(_ text: String, _ column: Int) -> Int {
            wrappedLines(text, room: layout.widths[column] - 2 * cellMargin, fontHalfPoints: size)
        }
        // The header: a grouped column's title under its group's, the others spanning both rows.
        let grouped = table.columns.indices.filter { table.columns[$0].group != nil }
        let single = table.columns.indices.filter { table.columns[$0].group == nil }.map { lines(table.columns[$0].title, $0) }.max() ?? 0
        let under = grouped.map { lines(table.columns[$0].title, $0) }.max() ?? 0
        let header = grouped.isEmpty ? single * line + cellPadding : max(single * line, (1 + under) * line) + 2 * cellPadding
        let rows = table.rows.reduce(0) { sum, row in
            let tallest = row.indices.filter { $0 < table.columns.count }.map { lines(row[$0], $0) }.max() ?? 1
            return sum + max(1, tallest) * line + cellPadding
        }
        return header + rows
    }

    /// How many lines `text` takes in `room` twips, wrapped between words, a letter half an em.
    static func wrappedLines(_ text: String, room: Int, fontHalfPoints: Int) -> Int {
        let letter = fontHalfPoints * 10 / 2
        let perLine = max(1, room / max(1, letter))
        var lines = 1
        var filled = 0
        // Words and letters by byte (a letter is a byte that does not continue a UTF-8 sequence):
        // as many as characters in a report's precomposed text, and far cheaper. One pass, with no
        // array of words: called for every cell of every layout tried, the split words had been
        // most of laying out a unit's appendix tables.
        var length = 0
        func place() {
            if filled == 0 {
                filled = length
            } else if filled + 1 + length <= perLine {
                filled += 1 + length
            } else {
                lines += 1
                filled = length
            }
            // A word longer than the line breaks where it must.
            while filled > perLine {
                lines += 1
                filled -= perLine
            }
            length = 0
        }
        for byte in text.utf8 {
            if byte == 0x20 {
                if length > 0 { place() }
            } else if byte & 0xC0 != 0x80 {
                length += 1
            }
        }
        if length > 0 { place() }
        return lines
    }

    /// Whether `table`, `width` twips wide, is kept on one page: at most `shortTableRows` rows and
    /// at most a third of a page high (a taller one kept whole before a signature left two thirds
    /// of a page empty). The HTML print keeps the same tables whole: Chromium wraps less than
    /// Word, so the estimate errs tall there too.
    static func keepsWhole(_ table: Table, width: Int) -> Bool {
        table.rows.count <= shortTableRows && keepsWhole(table, layout: layout(table, width: width), width: width)
    }

    /// The same for a table already laid out.
    static func keepsWhole(_ table: Table, layout: Layout, width: Int) -> Bool {
        table.rows.count <= shortTableRows && estimatedHeight(table, layout: layout) <= pageTextHeight(forWidth: width) / 3
    }

    /// The width a table is laid out at in Word: an appendix's figures on a landscape page, the
    /// others in the portrait body.
    static func printedWidth(_ table: Table) -> Int {
        table.kind == "bang-so-lieu" ? DOCXPage.landscapeWidth : DOCXPage.portraitWidth
    }

    /// The height of the text area of a page whose text is `width` twips wide: A4 landscape for an
    /// appendix's width, else portrait.
    static func pageTextHeight(forWidth width: Int) -> Int {
        let side = width > DOCXPage.portraitWidth ? DOCXPage.shortSide : DOCXPage.longSide
        return side - DOCXPage.top - DOCXPage.bottom
    }
}
