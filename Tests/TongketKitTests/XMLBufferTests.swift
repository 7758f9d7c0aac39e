import Testing

@testable import TongketDocument

/// `XMLBuffer.appendText` finds in one pass whether spaces must be preserved and whether anything
/// needs escaping: it must write what the plain two-pass way writes, for any text.
@Suite("Chữ trong <w:t>: một lượt qua byte, y như cách viết từng bước")
struct XMLBufferTests {
    /// The way it was written before, one step at a time: spaces looked at over the UTF-8 view,
    /// then every byte escaped or dropped.
    func reference(_ text: String) -> [UInt8] {
        var preserve = false
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if (byte == 0x20 || byte == 0x09) && (previous == 0x20 || previous == 0x09) { preserve = true }
            previous = byte
        }
        if previous == 0x20 || previous == 0x09 { preserve = true }
        var out = Array((preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>").utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case ..<0x20: continue
            default: out.append(byte)
            }
        }
        return out + Array("</w:t>".utf8)
    }

    @Test("5.000 chữ ngẫu nhiên có dấu cách, tab, xuống dòng, ký tự điều khiển, & < > \": y như cách cũ")
    func randomTexts() {
        let alphabet = ["a", "Đ", "ệ", " ", "  ", "\t", "\n", "\r", "\u{1}", "&", "<", ">", "\"", "'", "日", "😀", "e\u{0301}"]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<5_000 {
            let text = (0..<next(9)).map { _ in alphabet[next(alphabet.count)] }.joined()
            var buffer = XMLBuffer()
            buffer.appendText(text)
            #expect(buffer.bytes == reference(text), "lần \(round): \(text.debugDescription)")
        }
    }

    @Test("những chỗ dễ sai, viết tay")
    func handWritten() {
        let cases: [(String, String)] = [
            ("", "<w:t xml:space=\"preserve\"></w:t>"),
            ("Sở Tư pháp", "<w:t>Sở Tư pháp</w:t>"),
            (" đầu", "<w:t xml:space=\"preserve\"> đầu</w:t>"),
            ("cuối\t", "<w:t xml:space=\"preserve\">cuối\t</w:t>"),
            ("hai  cách", "<w:t xml:space=\"preserve\">hai  cách</w:t>"),
            ("a & <b> \"c\"\u{7}", "<w:t>a &amp; &lt;b&gt; &quot;c&quot;</w:t>"),
        ]
        for (text, expected) in cases {
            var buffer = XMLBuffer()
            buffer.appendText(text)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == expected, "\(text.debugDescription)")
        }
    }
}
