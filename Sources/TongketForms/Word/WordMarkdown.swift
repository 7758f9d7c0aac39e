import Foundation

/// Word paragraphs as the submission's Markdown: bold and italic runs, bulleted and numbered
/// lists with their levels, sub-headings (always under the section's own heading), line breaks.
/// Text that Markdown would read as markup ("*", "_", "#" at the start of a line) is escaped, so
/// what the writer typed is what the report shows.
enum WordMarkdown {
    /// One paragraph's runs as inline Markdown.
    static func inline(_ runs: [WordParagraph.Run]) -> String {
        var out = ""
        // Searches are over UTF-8 bytes: String.contains(String) goes through Foundation's
        // NSString search on Linux, a quarter of reading a Word form.
        for run in runs {
            let text = escape(run.text.containsASCII(9) ? String(run.text.map { $0 == "\t" ? " " : $0 }) : run.text)
            let marker = run.bold && run.italic ? "***" : run.bold ? "**" : run.italic ? "*" : ""
            guard !marker.isEmpty else {
                out += text
                continue
            }
            let core = text.trimmedSpaces()
            guard !core.isEmpty else {
                out += text
                continue
            }
            // Emphasis may not start or end with a space in CommonMark: the spaces go outside.
            let space = UInt8(ascii: " ")
            let leading = String(repeating: " ", count: text.utf8.prefix { $0 == space }.count)
            let trailing = String(repeating: " ", count: text.utf8.reversed().prefix { $0 == space }.count)
            out += leading + marker + core + marker + trailing
        }
        // A line break inside a paragraph (Shift+Enter) is a hard break; each line's start is
        // escaped where it would open a block.
        let trimmed = out.trimmedSpaces()
        guard trimmed.containsASCII(10) else { return escapeLineStart(trimmed) }
        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { escapeLineStart(String($0)) }.joined(separator: "\\\n")
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: isMarkup) else { return text }
        // Byte by byte: the markup is ASCII, and a UTF-8 byte of a Vietnamese letter never is.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if isMarkup(byte) { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The characters `escape` puts a backslash before: \\ * _ ` [ ] <, tested without hashing
    /// (a Set's lookup per byte was a twentieth of reading a form).
    private static func isMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "<"):
            return true
        default: return false
        }
    }

    /// What would open a block at the start of a line: a heading, a quote, a list.
    static func escapeLineStart(_ out: String) -> String {
        let second = out.dropFirst().first
        let opensBlock = second == nil || second == " "
        if let first = out.first, first == ">" || ("#-+".contains(first) && opensBlock) { return "\\" + out }
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        let rest = out.dropFirst(digits.count)
        if !digits.isEmpty, digits.count < 10, let next = rest.first, next == "." || next == ")",
            rest.dropFirst().first.map({ $0 == " " }) ?? true
        {
            return digits + "\\" + rest
        }
        return out
    }

    /// A text section: each paragraph a block, list items together, sub-headings as `##`. Each
    /// element is one paragraph's Markdown (possibly several lines) with the paragraph's number.
    static func text(_ paragraphs: [(number: Int, paragraph: WordParagraph)], numbering: WordNumbering) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var previousWasList = false
        for (number, paragraph) in paragraphs {
            let body = inline(paragraph.runs)
            var markdown: String
            var isList = false
            if let level = paragraph.headingLevel {
                markdown = String(repeating: "#", count: min(level + 1, 6)) + " " + body
            } else if let list = paragraph.list, list.id != "0" {
                isList = true
                let marker = numbering.isOrdered(list.id, level: list.level) ? "1." : "-"
                markdown = String(repeating: "  ", count: min(list.level, 8)) + marker + " " + body
            } else {
                markdown = body
            }
            if !result.isEmpty && !(isList && previousWasList) { markdown = "\n" + markdown }
            previousWasList = isList
            result.append((number, markdown))
        }
        return result
    }

    /// A list section: one point per paragraph, a typed "- " or "• " taken off.
    static func item(_ paragraph: WordParagraph) -> String {
        var text = inline(paragraph.runs)
        for prefix in ["\\- ", "\\+ ", "• ", "– "] where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
        return text
    }
}
