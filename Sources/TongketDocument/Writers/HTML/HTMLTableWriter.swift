/// A table as HTML: a header row per level, so that grouped columns ("Năm", "Giai đoạn") get a
/// spanning cell above them; header rows repeat on each printed page (`thead`).
public enum HTMLTableWriter {
    public static func html(_ table: Table) -> String {
        // A short table stays on one printed page, as in Word (`ngan`: two commendations had
        // stood one on each page).
        let short = DOCXTableWriter.keepsWhole(table, width: DOCXTableWriter.printedWidth(table)) ? " ngan" : ""
        var out = "<table class=\"\(HTMLText.escape(table.kind))\(short)\">\n<thead>\n"
        let grouped = table.columns.contains { $0.group != nil }
        if grouped {
            out += "<tr>"
            var index = 0
            while index < table.columns.count {
                let column = table.columns[index]
                if let group = column.group {
                    var span = 1
                    while index + span < table.columns.count, table.columns[index + span].group == group { span += 1 }
                    out += "<th colspan=\"\(span)\">\(HTMLText.escape(group))</th>"
                    index += span
                } else {
                    out += "<th rowspan=\"2\">\(HTMLText.escape(column.title))</th>"
                    index += 1
                }
            }
            out += "</tr>\n<tr>"
            for column in table.columns where column.group != nil {
                out += "<th>\(HTMLText.escape(column.title))</th>"
            }
            out += "</tr>\n"
        } else {
            out += "<tr>" + table.columns.map { "<th>\(HTMLText.escape($0.title))</th>" }.joined() + "</tr>\n"
        }
        out += "</thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let alignment = index < table.columns.count ? table.columns[index].alignment : .left
                let style: String
                switch alignment {
                case .left: style = ""
                case .center: style = " class=\"giua\""
                case .right: style = " class=\"so\""
                }
                out += "<td\(style)>\(HTMLText.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>"
        for note in table.notes { out += "\n<p class=\"ghi-chu-bang\"><em>\(HTMLText.escape(note))</em></p>" }
        return out
    }
}

/// Escaping of text placed into HTML.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
