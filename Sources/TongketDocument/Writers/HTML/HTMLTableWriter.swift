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
    /// `text` with `&`, `<`, `>` and `"` spelled as entities. It goes by UTF-8 byte, not by
    /// Character: each of the four is one ASCII byte, never part of another character's bytes,
    /// and a Character would hide one followed by a combining mark (`"` and U+0301 are one
    /// grapheme), which would then close an attribute's value. Text with none of them, most table
    /// cells, comes back as it is.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { entity(for: $0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let entity = entity(for: byte) { out.append(contentsOf: entity) } else { out.append(byte) }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)

    @inline(__always)
    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): return amp
        case UInt8(ascii: "<"): return lt
        case UInt8(ascii: ">"): return gt
        case UInt8(ascii: "\""): return quot
        default: return nil
        }
    }
}
