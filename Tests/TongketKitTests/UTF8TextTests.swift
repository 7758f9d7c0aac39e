import Testing
import TongketCore

/// `UTF8Text` must accept exactly what the standard library's own check accepts (an independent
/// implementation): every sequence of one and two bytes, every three-byte sequence, four-byte
/// sequences around every boundary of the ranges, and text cut in the middle of a letter.
@Suite("Kiểm tra UTF-8 nhanh: nhận đúng những gì thư viện chuẩn nhận")
struct UTF8TextTests {
    func agrees(_ bytes: [UInt8]) -> Bool {
        let expected = String(validating: bytes, as: UTF8.self)
        let made = bytes.withUnsafeBufferPointer { UTF8Text.string($0) }
        // Compared by bytes: String's == is canonical equivalence, not sameness.
        return made.map { Array($0.utf8) } == expected.map { Array($0.utf8) }
            && bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) } == (expected != nil)
    }

    @Test("mọi dãy một, hai và ba byte")
    func shortSequences() {
        var wrong: [[UInt8]] = []
        for first in 0...255 {
            if !agrees([UInt8(first)]) { wrong.append([UInt8(first)]) }
            for second in 0...255 {
                let pair = [UInt8(first), UInt8(second)]
                if !agrees(pair) { wrong.append(pair) }
                // Three bytes: every lead that begins one, every second and third byte.
                guard (0xE0...0xEF).contains(first) else { continue }
                for third in 0...255 where !agrees(pair + [UInt8(third)]) { wrong.append(pair + [UInt8(third)]) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("dãy bốn byte quanh mọi ranh giới")
    func fourBytes() {
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var wrong: [[UInt8]] = []
        for first in 0xF0...0xFF {
            for second in edges {
                for third in edges {
                    for fourth in edges where !agrees([UInt8(first), second, third, fourth]) {
                        wrong.append([UInt8(first), second, third, fourth])
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        // The largest and smallest of each length, and the first past them.
        #expect(agrees(Array("\u{10FFFF}".utf8)) && agrees(Array("\u{10000}".utf8)) && agrees([0xF4, 0x90, 0x80, 0x80]))
    }

    @Test("chữ Việt, chữ cắt giữa, tệp rỗng")
    func vietnameseText() {
        let text = Array("Ủy ban nhân dân tỉnh Thanh Hóa: cải cách hành chính giai đoạn 2011–2020 🇻🇳".utf8)
        #expect(text.withUnsafeBufferPointer { UTF8Text.string($0) }.map { Array($0.utf8) } == text)
        for end in 0...text.count { #expect(agrees(Array(text[..<end])), "cắt ở byte \(end)") }
        #expect(UTF8Text.string(text[3..<7]).map { Array($0.utf8) } == Array(text[3..<7]))
        #expect([UInt8]().withUnsafeBufferPointer { UTF8Text.string($0) } == "")
    }

    @Test("đoạn văn gọn lại: bỏ khoảng trắng cuối dòng và dòng trống hai đầu, chữ giữ nguyên từng byte")
    func tidiedText() {
        // Written by hand: a block scalar's final newline, trailing spaces and tabs, a line of
        // spaces inside, a combining mark after a space (not a space: kept), a carriage return
        // (not a space: kept), blank lines before.
        let text = "\n\nỦy ban  \t\nnhân dân\n   \nxã Nga\u{0301} \u{0301}\ntỉnh\r\nThanh Hóa 🇻🇳 \n\n"
        let tidied = SubmissionChecker.tidy(text)
        #expect(Array(tidied.utf8) == Array("Ủy ban\nnhân dân\n\nxã Nga\u{0301} \u{0301}\ntỉnh\r\nThanh Hóa 🇻🇳".utf8))
        #expect(SubmissionChecker.tidy("") == "")
        #expect(SubmissionChecker.tidy(" \n\t\n") == "")
        #expect(Array(SubmissionChecker.tidy("Một dòng.").utf8) == Array("Một dòng.".utf8))
    }

    /// Tidying as its documentation states it, written independently over lines: each line's
    /// trailing spaces and tabs dropped, then the blank lines at either end.
    static func tidiedByLines(_ text: String) -> [UInt8] {
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            Array(line.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return Array(lines.joined(separator: [0x0A]))
    }

    @Test("đoạn văn gọn lại: 5.000 đoạn ngẫu nhiên, như bỏ khoảng trắng cuối từng dòng rồi dòng trống hai đầu")
    func tidiedRandomText() {
        let pieces = [" ", "\t", "\n", "\n\n", "a", "ệ", "\r", "\u{0301}", "Ủy ban", "  "]
        var state: UInt64 = 2026
        var wrong: [String] = []
        for _ in 0..<5_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            if Array(SubmissionChecker.tidy(text).utf8) != Self.tidiedByLines(text) { wrong.append(text) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map(\.debugDescription))")
    }
}
