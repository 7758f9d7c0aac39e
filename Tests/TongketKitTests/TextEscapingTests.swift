import Foundation
import Testing

@testable import TongketCore
@testable import TongketDocument

/// Escaping goes by UTF-8 byte where it had gone by Character: compared here with the
/// Character-by-Character and scalar-by-scalar ways on random texts that hold every special
/// character, line breaks of both kinds, combining marks and Vietnamese letters.
@Suite("Thoát ký tự Markdown và HTML theo byte")
struct TextEscapingTests {
    /// The Markdown cell escaping as it was written before, a Character at a time.
    static func cellByCharacter(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\n" {
                out += " "
                continue
            }
            if MarkdownText.special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// HTML escaping a Unicode scalar at a time: what a browser's parser sees.
    static func htmlByScalar(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// U+1FEF is canonically a backtick; U+200D joins, U+0600 is a prepended mark: each makes one
    /// Character with a special character next to it.
    static let pieces: [String] = [
        "a", "Sở", "Tư pháp", " ", "12", "ệ", "\u{301}", "\u{323}", "\u{1FEF}", "\u{200D}", "\u{600}", "\n", "\r", "\r\n", "\t", "🇻🇳",
        "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "!", "{", "}", "\"", "'", "-", "=", "+", ".", ")",
    ]

    /// `count` texts made from `pieces` by a seeded generator, so that a failure can be replayed.
    static func randomTexts(_ count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(random.next() % 13)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test("ô bảng Markdown: giống cách thoát từng ký tự trên 5.000 chuỗi ngẫu nhiên")
    func markdownCells() {
        var differing: [String] = []
        for text in Self.randomTexts(5_000, seed: 1_207) where MarkdownText.escapeCell(text) != Self.cellByCharacter(text) {
            differing.append(text)
        }
        #expect(differing.isEmpty, "khác ở \(differing.prefix(3).map { $0.debugDescription })")
        // A text with nothing to escape comes back as it is.
        #expect(MarkdownText.escapeCell("Sở Tư pháp 12,5") == "Sở Tư pháp 12,5")
        #expect(MarkdownText.escapeCell("a|b\nc") == "a\\|b c")
        // Swift takes U+1FEF for a backtick, and so escaped it a Character at a time.
        #expect(MarkdownText.escapeCell("x\u{1FEF}y") == Self.cellByCharacter("x\u{1FEF}y"))
    }

    @Test("HTML: thoát theo từng scalar, cả dấu ngoặc kép đứng trước dấu kết hợp")
    func html() {
        var differing: [String] = []
        for text in Self.randomTexts(5_000, seed: 2_017) where HTMLText.escape(text) != Self.htmlByScalar(text) {
            differing.append(text)
        }
        #expect(differing.isEmpty, "khác ở \(differing.prefix(3).map { $0.debugDescription })")
        // `"` and U+0301 make one Character; escaped a Character at a time, the quotation mark
        // stayed bare and would have closed an attribute's value.
        #expect(HTMLText.escape("a\"\u{301} onclick=\"x") == "a&quot;\u{301} onclick=&quot;x")
        #expect(HTMLText.escape("<b>&\u{301}") == "&lt;b&gt;&amp;\u{301}")
        // So are the others hidden in a Character: after a joiner, or behind a prepended mark.
        #expect(HTMLText.escape("&\u{200D}x") == "&amp;\u{200D}x")
        #expect(HTMLText.escape("\u{600}\"") == "\u{600}&quot;")
        #expect(HTMLText.escape("Sở Tư pháp") == "Sở Tư pháp")
    }
}
