import TongketCore

/// A submission's texts as the content of the Word form's controls, as a writer would type them
/// in Word: each Markdown paragraph a paragraph, "- " items bulleted paragraphs of the form's
/// list, "##" sub-headings in heading styles, `**bold**` and `*italic*` runs, a hard break
/// (backslash at a line's end) a line break. `DocumentFormReader` reads it back into the same
/// Markdown; `DocumentFormWriter.data(for:outline:filledFrom:)` uses it.
enum WordFilling {
    /// The paragraphs of a section's content.
    static func paragraphs(_ content: SectionContent) -> String {
        switch content {
        case .list(let items): return items.map(bullet).joined()
        case .text(let text): return paragraphs(markdown: text)
        }
    }

    static func paragraphs(markdown: String) -> String {
        var xml = ""
        let blocks = markdown.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n")
        for block in blocks where !block.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let items = listItems(lines) {
                for (level, item) in items { xml += bullet(item, level: level) }
            } else if block.hasPrefix("#") {
                // "##" is the first level under the section's own heading.
                let level = block.prefix { $0 == "#" }.count
                let text = block.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                xml += DocumentFormWriter.paragraph(style: "Heading\(max(level - 1, 1))", runs: runs(text))
            } else {
                // Lines of one paragraph are one line of text, but for a hard break ("\\" at the end).
                var joined = ""
                for line in lines {
                    if !joined.isEmpty { joined += joined.hasSuffix("\\") ? "\n" : " " }
                    joined += line
                }
                xml += DocumentFormWriter.paragraph(style: nil, runs: runs(joined))
            }
        }
        return xml
    }

    /// The items of a block that is a bulleted list ("- " lines, two spaces a level), or nil.
    private static func listItems(_ lines: [String]) -> [(Int, String)]? {
        var items: [(Int, String)] = []
        for line in lines {
            let spaces = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(spaces)
            guard rest.hasPrefix("- ") else { return nil }
            items.append((spaces / 2, String(rest.dropFirst(2))))
        }
        return items
    }

    static func bullet(_ text: String) -> String { bullet(text, level: 0) }

    static func bullet(_ text: String, level: Int) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" + runs(text) + "</w:p>"
    }

    /// Inline Markdown as runs: `**…**` bold, `*…*` italic, a backslash before a character
    /// taken off (the reader escapes it again), a backslash at a line's end a line break.
    static func runs(_ markdown: String) -> String {
        var xml = ""
        var text = ""
        var bold = false
        var italic = false
        func flush() {
            guard !text.isEmpty else { return }
            var pieces = text.split(separator: "\n", omittingEmptySubsequences: false).map { DocumentFormWriter.text(String($0)) }
            let properties = (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "")
            xml += "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
            xml += pieces.removeFirst() + pieces.map { "<w:br/>" + $0 }.joined() + "</w:r>"
            text = ""
        }
        let characters = Array(markdown)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                // "\\\n" is a hard break; any other escaped character is itself.
                text.append(characters[index + 1])
                index += 2
            } else if character == "*", index + 1 < characters.count, characters[index + 1] == "*" {
                flush()
                bold.toggle()
                index += 2
            } else if character == "*" {
                flush()
                italic.toggle()
                index += 1
            } else {
                text.append(character)
                index += 1
            }
        }
        flush()
        return xml
    }
}
