import CmarkDoor

/// A paragraph that only introduces what follows it: a whole bold line (a sub-heading written
/// as bold text, "**Phần I, mục VI.3: Hạn chế, yếu kém**", "**Tổng hợp từ báo cáo của …:**") or a
/// whole italic line ending with a colon (a unit's label, "*UBND xã Nga An:*", as a district's
/// roll-up passes its communes' texts up). Left alone at the foot of a page it reads as a
/// heading without its text, so the writers keep it with the next block (Word's keep with
/// next, the print's `break-after: avoid`).
public enum LineLabel {
    /// Whether a paragraph of `inlines` is such a label.
    public static func isLabel(_ inlines: [DocumentInline]) -> Bool {
        guard inlines.count == 1 else { return false }
        switch inlines[0] {
        case .strong(let inner): return !inner.isEmpty
        case .emphasis(let inner): return plainText(inner).last == ":"
        default: return false
        }
    }

    /// Whether an HTML paragraph's content (between `<p>` and `</p>`) is such a label, as cmark
    /// writes one: `<strong>…</strong>`, or `<em>…:</em>`, with no other element inside.
    static func isLabel(html content: Substring.UTF8View) -> Bool {
        for (open, close, needsColon) in [("<strong>", "</strong>", false), ("<em>", "</em>", true)] {
            guard content.starts(with: open.utf8), content.count > open.utf8.count + close.utf8.count,
                content.reversed().starts(with: close.utf8.reversed())
            else { continue }
            let inner = content.dropFirst(open.utf8.count).dropLast(close.utf8.count)
            guard !inner.contains(UInt8(ascii: "<")) else { return false }
            return !needsColon || inner.last == UInt8(ascii: ":")
        }
        return false
    }

    /// The blocks whose paragraphs are running text, as in Word the classes without a paragraph
    /// style of their own: a unit's contribution and an appendix's material (header, signature,
    /// appendix titles and guidance have their own layout).
    static let runningTextClasses: Set<String> = ["dong-gop", "phu-luc"]

    /// `html` (a piece of the page as cmark writes it, its `div`s balanced) with every label
    /// paragraph of running text opened as `<p class="nhan">`, for the print style sheet. A scan
    /// over UTF-8 bytes: Foundation's string search copies through UTF-16 on Linux, and a
    /// province's draft is megabytes of HTML.
    public static func marked(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let out = marked(bytes)
        return out.count == bytes.count ? html : String(decoding: out, as: UTF8.self)
    }

    /// The same over the page's bytes, as the streamed draft writes them.
    public static func marked(_ bytes: [UInt8]) -> [UInt8] {
        func at(_ index: Int, _ word: String) -> Bool {
            var position = index
            for byte in word.utf8 {
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
            }
            return true
        }
        var out: [UInt8] = []
        var copied = 0
        var divs: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if at(index, "<div") {
                // `<div class="NAME">` or a plain `<div>`.
                var name = ""
                if at(index, "<div class=\"") {
                    var end = index + 12
                    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                    name = String(decoding: bytes[(index + 12)..<end], as: UTF8.self)
                }
                divs.append(name)
                index += 4
            } else if at(index, "</div>") {
                _ = divs.popLast()
                index += 6
            } else if at(index, "<p><"), divs.last.map({ runningTextClasses.contains($0) }) ?? true {
                let content = index + 3
                var end = content
                while end < bytes.count, !at(end, "</p>") { end += 1 }
                let inner = String(decoding: bytes[content..<end], as: UTF8.self)
                if isLabel(html: Substring(inner).utf8) {
                    if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
                    out.append(contentsOf: bytes[copied..<index])
                    out.append(contentsOf: Array("<p class=\"nhan\">".utf8))
                    copied = content
                }
                index = end
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return bytes }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    static func plainText(_ inlines: [DocumentInline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text), .code(let text): return text
            case .emphasis(let inner), .strong(let inner), .link(_, let inner): return plainText(inner)
            case .softBreak, .lineBreak: return " "
            }
        }
        .joined()
    }
}
