/// Where an appendix's charts stand on its landscape pages, decided once for every writer: under
/// the table while the page has room for them, else on pages of their own, two to a page, a
/// chart left alone there filling its page (Nghị định 30/2020 asks nothing of charts, but a
/// reviewer sends back a page holding a half-page chart and nothing else).
///
/// The table's height is estimated from the Word layout (`DOCXTableWriter.layout`: column widths
/// and text size; `DOCXTableWriter.estimatedHeight`) with generous letter widths, so the estimate errs on the tall side: a chart
/// judged to fit under its table does in Word, LibreOffice and Chromium, whose automatic column
/// widths wrap less than Word's fixed ones; one judged not to fit starts its own page.
public enum AppendixPage {
    /// A4 landscape inside the margins of the Word document (and of trang.css: 20 mm top and
    /// bottom, 20 and 15 mm at the sides), in twips.
    static let width = DOCXPage.landscapeWidth
    static let height = DOCXPage.shortSide - DOCXPage.top - DOCXPage.bottom
    /// What the estimate keeps free, so that its errors never push a chart over. None: the
    /// estimate itself errs tall, by 11–24% on the 2011–2020 draft's appendices as LibreOffice lays
    /// them out (Phụ lục 04: 4,430 twips estimated, 3,912 drawn), and a centimetre on top of that
    /// had sent Phụ lục 04's chart to a page of its own under a table filling a fifth of its page.
    static let slack = 0

    /// A chart under its table in twips: the space above (BieuDo), the picture, two caption
    /// lines at 11 pt and the space after (ChuThich).
    static let chartBlock = 200 + DOCXChartWriter.maximumHeight + 2 * captionLine + 120
    /// One line of an 11 pt caption.
    static let captionLine = spacedLine(points: 11)

    /// A line of `points` text in twips at the body's 1.15 line spacing (Times New Roman's own
    /// line is 1.15 em).
    static func spacedLine(points: Int) -> Int { points * 20 * 115 * 115 / 10_000 }

    /// The placement of each of `charts` charts following `table` under an appendix titled
    /// `title`, in order.
    public static func placements(table: Table, title: String, charts: Int) -> [Chart.Placement] {
        var used = titleHeight(title) + tableHeight(table) + 120
        var placements: [Chart.Placement] = []
        for _ in 0..<charts {
            guard used + chartBlock <= height - slack else { break }
            used += chartBlock
            placements.append(.flowing)
        }
        // The rest, two to a page; the last of an odd count fills its page alone.
        let rest = charts - placements.count
        for index in 0..<rest {
            if index % 2 == 1 {
                placements.append(.flowing)
            } else {
                placements.append(index == rest - 1 ? .wholePage : .newPage)
            }
        }
        return placements
    }

    /// "Phụ lục 06", the title in capitals, "(Kèm theo …)": 14 pt lines at 1.15 spacing, the title
    /// wrapping at a capital's width of 0.75 em.
    static func titleHeight(_ title: String) -> Int {
        let line = spacedLine(points: 14)
        let titleLines = max(1, (title.count * 14 * 20 * 3 / 4 + width - 1) / width)
        return (2 + titleLines) * line
    }

    /// The table's height (`DOCXTableWriter.estimatedHeight`, as Word lays it out) and its notes
    /// in 14 pt under it.
    static func tableHeight(_ table: Table) -> Int {
        let layout = DOCXTableWriter.layout(table, width: width)
        let notes = table.notes.reduce(0) {
            $0 + DOCXTableWriter.wrappedLines($1, room: width, fontHalfPoints: 28) * 14 * 20 * 13 / 10 + 120
        }
        return DOCXTableWriter.estimatedHeight(table, layout: layout) + notes
    }
}
