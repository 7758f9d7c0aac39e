/// A table as a GFM pipe table: one header row (grouped columns say their group in the title).
public enum MarkdownTableWriter {
    public static func markdown(_ table: Table) -> String {
        let header = table.columns.map { column in
            column.group.map { "\($0) \(column.title)" } ?? column.title
        }
        var lines = [row(header)]
        lines.append(
            "|"
                + table.columns.map { column in
                    switch column.alignment {
                    case .left: return " :--- |"
                    case .center: return " :---: |"
                    case .right: return " ---: |"
                    }
                }.joined())
        lines += table.rows.map(row)
        for note in table.notes { lines += ["", "*\(MarkdownText.escape(note))*"] }
        return lines.joined(separator: "\n")
    }

    private static func row(_ cells: [String]) -> String {
        "|" + cells.map { " \(MarkdownText.escapeCell($0)) |" }.joined()
    }
}

/// Escaping of plain text placed into Markdown, so that names and titles stay text.
public enum MarkdownText {
    /// Characters that could start emphasis, links, HTML, code or entities anywhere in a line.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "!", "{", "}"]
    /// The bytes of `special` and of the line feed and carriage return, by byte value: a byte
    /// outside them cannot begin a Character that `escapeCell` changes or that holds a line break.
    private static let specialBytes: [Bool] = (0..<256).map { (byte: Int) -> Bool in
        if byte == 0x0A || byte == 0x0D { return true }
        guard byte < 0x80 else { return false }
        return special.contains(Character(Unicode.Scalar(UInt8(byte))))
    }

    /// `text` as literal Markdown inline text; a value that starts a line can't turn into a list
    /// item, a heading or a setext underline either.
    public static func escape(_ text: String) -> String {
        var out = ""
        if let first = text.first, ["-", "+", "="].contains(first) { out = "\\" }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let afterDigits = text.dropFirst(digits.count).first
        if !digits.isEmpty, afterDigits == "." || afterDigits == ")" {
            return String(digits) + "\\" + escapeCell(String(text.dropFirst(digits.count)))
        }
        return out + escapeCell(text)
    }

    /// Whether `text` holds a byte of `special`, a line break, or U+1FEF (E1 BF AF).
    private static func mayNeedEscaping(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if specialBytes[Int(byte)] || (byte == 0xAF && previous == (0xE1, 0xBF)) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// A table cell never starts a line of Markdown, so only inline characters need escaping.
    static func escapeCell(_ text: String) -> String {
        // Every special character and the line feed is one ASCII byte, so a text whose bytes hold
        // none of them (most cells: names, figures) has nothing to escape; but for U+1FEF GREEK
        // VARIA, which Swift takes for a backtick (its canonical equivalent). Going by Character
        // through a Set of Characters had cost a table's Markdown more than the rest of it.
        if !mayNeedEscaping(text) { return text }
        var out = ""
        for character in text {
            if character == "\n" {
                out += " "
                continue
            }
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
