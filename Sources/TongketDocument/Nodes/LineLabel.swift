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
    static func isLabel(html content: some BidirectionalCollection<UInt8>) -> Bool {
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
        Array(html.utf8).withUnsafeBufferPointer { marked($0) }.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    /// The same over the page's bytes, as the streamed draft writes them.
    public static func marked(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { marked($0) } ?? bytes
    }

    private static let divOpen = Array("<div".utf8)
    private static let divClass = Array("<div class=\"".utf8)
    private static let divClose = Array("</div>".utf8)
    private static let paragraphOpen = Array("<p><".utf8)
    private static let paragraphClose = Array("</p>".utf8)
    private static let labelOpen = Array("<p class=\"nhan\">".utf8)

    /// The marked page, or nil when it has no label. The page is megabytes of HTML read again
    /// from the cache on every draft: the scan jumps from one `<` to the next with `memchr` and
    /// compares each tag's few bytes, and a paragraph is judged on its bytes (`isLabel(html:)` looks at
    /// ASCII bytes only, which no UTF-8 repair changes), never copied into a String.
    private static func marked(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        // Byte by byte: the words are a few bytes long, most fail at the second, and a call to
        // memcmp for each of the page's tags cost more than the comparison.
        func at(_ index: Int, _ word: [UInt8]) -> Bool {
            guard index + word.count <= count else { return false }
            for offset in word.indices where base[index + offset] != word[offset] { return false }
            return true
        }
        func next(_ byte: UInt8, from index: Int) -> Int { ByteSearch.next(byte, in: bytes, from: index) }
        var out: [UInt8] = []
        var copied = 0
        var divs: [String] = []
        var index = next(UInt8(ascii: "<"), from: 0)
        while index < count {
            if at(index, divOpen) {
                // `<div class="NAME">` or a plain `<div>`.
                var name = ""
                if at(index, divClass) {
                    let start = index + divClass.count
                    name = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[start..<next(UInt8(ascii: "\""), from: start)]), as: UTF8.self)
                }
                divs.append(name)
                index += divOpen.count
            } else if at(index, divClose) {
                _ = divs.popLast()
                index += divClose.count
            } else if at(index, paragraphOpen), divs.last.map({ runningTextClasses.contains($0) }) ?? true {
                let content = index + 3
                var end = next(UInt8(ascii: "<"), from: content)
                while end < count, !at(end, paragraphClose) { end = next(UInt8(ascii: "<"), from: end + 1) }
                if isLabel(html: UnsafeBufferPointer(rebasing: bytes[content..<end])) {
                    if out.isEmpty { out.reserveCapacity(count + 256) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    out.append(contentsOf: labelOpen)
                    copied = content
                }
                index = end
            } else {
                index += 1
            }
            index = next(UInt8(ascii: "<"), from: index)
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
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
