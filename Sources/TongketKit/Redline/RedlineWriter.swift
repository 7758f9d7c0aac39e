import TongketCore
import TongketDocument

/// A redline for people: in the terminal as a unified diff by paragraph and word, and as a page
/// that prints, with insertions and deletions marked and unchanged sections folded.
public enum RedlineWriter {
    /// `~` an edited paragraph with `[-removed-]{+added+}` words, `+` an added one, `-` a removed
    /// one, under `@@ section @@`; unchanged paragraphs are counted, not shown.
    public static func text(_ redline: Redline, title: String) -> String {
        let counts = redline.counts
        var out = title + "\n"
        out += "\(counts.changed) đoạn sửa, \(counts.inserted) đoạn thêm, \(counts.removed) đoạn bỏ; \(counts.same) đoạn không đổi.\n"
        var shownSection: String?
        for change in redline.changes {
            let line: String
            let section: String
            switch change {
            case .same: continue
            case .removed(let unit):
                line = "- " + unit.text
                section = unit.section
            case .inserted(let unit):
                line = "+ " + unit.text
                section = unit.section
            case .changed(_, let unit, let words):
                line = "~ " + joined(words).map(plain).joined(separator: " ")
                section = unit.section
            }
            if section != shownSection {
                out += "\n@@ \(section.isEmpty ? "đầu văn bản" : section) @@\n"
                shownSection = section
            }
            out += line + "\n"
        }
        return out
    }

    /// The word changes as a reader wants them: each stretch of changed words between two
    /// unchanged ones as one deletion followed by one insertion (`[-tham mưu,-] {+tư vấn,+}`),
    /// not a mark per word. Only the presentation joins them; the redline itself stays by word.
    static func joined(_ words: [Redline.WordChange]) -> [Redline.WordChange] {
        var out: [Redline.WordChange] = []
        var removed: [String] = []
        var inserted: [String] = []
        func flush() {
            if !removed.isEmpty { out.append(.removed(removed.joined(separator: " "))) }
            if !inserted.isEmpty { out.append(.inserted(inserted.joined(separator: " "))) }
            removed = []
            inserted = []
        }
        for word in words {
            switch word {
            case .same:
                flush()
                out.append(word)
            case .removed(let text): removed.append(text)
            case .inserted(let text): inserted.append(text)
            }
        }
        flush()
        return out
    }

    private static func plain(_ word: Redline.WordChange) -> String {
        switch word {
        case .same(let text): return text
        case .removed(let text): return "[-\(text)-]"
        case .inserted(let text): return "{+\(text)+}"
        }
    }

    /// A self-contained page: each section with a change is shown whole, its changes marked;
    /// each section without one is folded to its heading and the number of its paragraphs.
    public static func html(_ redline: Redline, title: String, legend: String) -> String {
        var sections: [(name: String, changes: [Redline.Change])] = []
        for change in redline.changes {
            let name = section(of: change)
            if sections.last?.name == name {
                sections[sections.count - 1].changes.append(change)
            } else {
                sections.append((name, [change]))
            }
        }
        var body = ""
        for section in sections {
            let changed = section.changes.contains { if case .same = $0 { return false } else { return true } }
            let name = section.name.isEmpty ? "Đầu văn bản" : shown(section.name)
            if !changed {
                body += "<details class=\"khong-doi\"><summary>\(name) — không đổi (\(section.changes.count) đoạn)</summary>\n"
                for change in section.changes { body += paragraph(change) }
                body += "</details>\n"
                continue
            }
            body += "<section class=\"co-doi\"><h2>\(name)</h2>\n"
            for change in section.changes { body += paragraph(change) }
            body += "</section>\n"
        }
        let counts = redline.counts
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="tongket">
            <title>\(HTMLText.escape(title))</title>
            <style>
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 13pt; line-height: 1.35; max-width: 170mm; margin: 12px auto; color: #000; }
            h1 { font-size: 15pt; text-align: center; } h2 { font-size: 13pt; margin: 14pt 0 4pt; }
            p { margin: 4pt 0; text-align: justify; }
            ins { text-decoration: underline; color: #05602a; background: #e6f4ea; }
            del { text-decoration: line-through; color: #a50e0e; background: #fce8e6; }
            p.them { border-left: 3pt solid #05602a; padding-left: 4pt; } p.bo { border-left: 3pt solid #a50e0e; padding-left: 4pt; }
            p.sua { border-left: 3pt solid #555; padding-left: 4pt; }
            details.khong-doi summary { color: #555; font-style: italic; cursor: pointer; margin: 4pt 0; }
            .tom-tat { text-align: center; font-style: italic; }
            @media print { ins, del { background: none; } details.khong-doi > p { display: none; } }
            </style>
            </head>
            <body>
            <h1>\(HTMLText.escape(title))</h1>
            <p class="tom-tat">\(HTMLText.escape(legend))<br>\(counts.changed) đoạn sửa, \(counts.inserted) đoạn thêm, \(counts.removed) đoạn bỏ; \(counts.same) đoạn không đổi. <ins>Chữ thêm</ins> · <del>chữ bỏ</del></p>
            \(body)</body>
            </html>

            """
    }

    private static func section(of change: Redline.Change) -> String {
        switch change {
        case .same(let unit), .removed(let unit), .inserted(let unit): return unit.section
        case .changed(_, let unit, _): return unit.section
        }
    }

    private static func paragraph(_ change: Redline.Change) -> String {
        switch change {
        case .same(let unit):
            // An unchanged heading is the section's own title, shown above it already.
            return unit.isHeading ? "" : "<p>\(shown(unit.text))</p>\n"
        case .removed(let unit): return "<p class=\"bo\"><del>\(shown(unit.text))</del></p>\n"
        case .inserted(let unit): return "<p class=\"them\"><ins>\(shown(unit.text))</ins></p>\n"
        case .changed(_, _, let words):
            let marked = joined(words).map { word -> String in
                switch word {
                case .same(let text): return shown(text)
                case .removed(let text): return "<del>\(shown(text))</del>"
                case .inserted(let text): return "<ins>\(shown(text))</ins>"
                }
            }
            return "<p class=\"sua\">\(marked.joined(separator: " "))</p>\n"
        }
    }

    /// Text as a reader sees it, escaped for HTML: without Markdown's heading marks, emphasis
    /// stars and escapes. One pass over the bytes: the page of a province's draft has 100,000
    /// paragraphs.
    static func shown(_ markdown: String) -> String {
        var text = Substring(markdown)
        if text.hasPrefix("#") { text = text.drop { $0 == "#" }.drop { $0 == " " } }
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            // A star is markup unless it stands alone between spaces ("5 * 3").
            if byte == 0x2A {
                let before = index > 0 ? bytes[index - 1] : 0x20
                let after = index + 1 < bytes.count ? bytes[index + 1] : 0x20
                if !(before == 0x20 && after == 0x20) { continue }
            }
            kept.append(byte)
        }
        return XMLBuffer.escaped(String(decoding: kept, as: UTF8.self))
    }
}
