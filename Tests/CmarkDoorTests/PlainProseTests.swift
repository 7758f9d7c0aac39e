import Testing

@testable import CmarkDoor

/// Units' plain texts are written as CommonMark and HTML without cmark (`PlainProse`): what is
/// written must be byte for byte what cmark's writers give, and anything cmark might change must
/// be left to cmark.
@Suite("Chữ thường của đơn vị viết thẳng ra Markdown, HTML: y hệt cmark")
struct PlainProseTests {
    /// What cmark gives for the insertion alone in a document; CommonMark's final newlines cut
    /// as the chunks' are.
    func cmark(_ insertion: Insertion, _ format: TreeFormat = .commonMark) throws -> [UInt8] {
        let tree = try MarkdownTree(markers: .test, markdown: "<!-- tongket:chen x -->\n")
        try tree.resolve(["x": insertion])
        var bytes = Array(tree.render(format, native: [:]).utf8)
        while format == .commonMark && bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }

    func direct(_ insertion: Insertion, _ format: TreeFormat = .commonMark) -> [UInt8]? {
        PlainProse.rendered(insertion, format, sourceClass: MarkerSyntax.test.sourceClass)
    }

    /// A small generator that is the same on every run (a linear congruential one).
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Letters (Vietnamese precomposed and with combining marks, other scripts), digits, spaces
    /// (two in a row too) and every punctuation mark the plain alphabet allows, at every place.
    static let starts = ["Đ", "a", "Z", "ư", "ệ", "\u{00A0}", "—", "日", "e\u{0301}", "Ω"]
    static let middles = starts + ["0", "9", " ", "  ", ".", ",", ";", ":", "(", ")", "%", "/", "'", "\"", "?", "-", "+", "=", "1.", "2)"]

    func line(_ random: inout Seeded) -> String {
        var line = Self.starts[random.next(Self.starts.count)]
        for _ in 0..<random.next(12) { line += Self.middles[random.next(Self.middles.count)] }
        line += Self.starts[random.next(Self.starts.count)]
        return line
    }

    func text(_ random: inout Seeded) -> String {
        (0...random.next(3)).map { _ in (0...random.next(2)).map { _ in line(&random) }.joined(separator: "\n") }
            .joined(separator: "\n\n")
    }

    /// 400 insertions `make` draws, each written directly and by cmark in both formats.
    func expectSameAsCmark(seed: UInt64, _ make: (inout Seeded) -> Insertion) throws {
        var random = Seeded(state: seed)
        for round in 0..<400 {
            let insertion = make(&random)
            for format in [TreeFormat.commonMark, .html] {
                let written = try #require(direct(insertion, format), "lần \(round), \(format): \(insertion)")
                #expect(written == (try cmark(insertion, format)), "lần \(round), \(format): \(insertion)")
            }
        }
    }

    @Test("chữ ngẫu nhiên của bảng chữ cho phép: viết thẳng, y hệt cmark")
    func randomPlainIsCmark() throws {
        try expectSameAsCmark(seed: 17) { random in
            let pieces = (0...random.next(4)).map { _ in Sourced(source: line(&random), text: text(&random)) }
            return .sourcedFragments(pieces, belowHeadingLevel: 2)
        }
    }

    @Test("ý ngẫu nhiên của bảng chữ cho phép, danh sách: viết thẳng, y hệt cmark")
    func randomPlainPointsAreCmark() throws {
        try expectSameAsCmark(seed: 29) { random in
            let pieces = (0...random.next(6)).map { _ in Sourced(source: line(&random), text: line(&random)) }
            return .sourcedList(pieces, belowHeadingLevel: 2)
        }
    }

    /// A section that opens with the province's own sentence: its text, then units' texts or
    /// points, in any order, any number of each, never two lists in a row.
    @Test("đoạn của tỉnh rồi chữ, ý của đơn vị, nối nhau: viết thẳng, y hệt cmark")
    func randomSequencesAreCmark() throws {
        try expectSameAsCmark(seed: 53) { random in
            var parts: [Insertion] = []
            for _ in 0...random.next(4) {
                let listAllowed: Bool
                if case .sourcedList = parts.last { listAllowed = false } else { listAllowed = true }
                switch random.next(listAllowed ? 3 : 2) {
                case 0:
                    parts.append(.fragment(text(&random), belowHeadingLevel: 2))
                case 1:
                    let pieces = (0...random.next(3)).map { _ in Sourced(source: line(&random), text: text(&random)) }
                    parts.append(.sourcedFragments(pieces, belowHeadingLevel: 2))
                default:
                    let pieces = (0...random.next(3)).map { _ in Sourced(source: line(&random), text: line(&random)) }
                    parts.append(.sourcedList(pieces, belowHeadingLevel: 2))
                }
            }
            return parts.count == 1 ? parts[0] : .sequence(parts)
        }
    }

    @Test("chữ ngẫu nhiên của bảng chữ cho phép: cắt thành đoạn không qua cmark, y hệt cmark")
    func randomPlainParagraphsAreCmarks() {
        var random = Seeded(state: 41)
        for round in 0..<400 {
            let text = text(&random)
            var copy = text
            copy.withUTF8 { bytes in
                #expect(PlainProse.isPlainText(bytes), "lần \(round): \(text)")
                let direct = MarkdownBlocks.paragraphs(text, bytes: bytes)
                #expect(direct == MarkdownBlocks.split(text, bytes: bytes), "lần \(round): \(text)")
                #expect(direct.joined(separator: "\n\n") == text)
            }
        }
    }

    /// The check reads plain bytes eight at a time: a byte that is not plain must stop it at
    /// every place of a line, in the first line and in the second, with a line break on either
    /// side of a step.
    @Test("một byte không thuộc chữ thường ở mọi chỗ của dòng một và dòng hai: không phải chữ thường")
    func stopsAtEveryPlace() {
        let line = Array("Rà soát 120 văn bản quy phạm pháp luật của tỉnh năm 2020 (đạt 100%).".utf8)
        // Insertions only between scalars, so that the text stays UTF-8.
        let places = (1..<line.count).filter { line[$0] & 0xC0 != 0x80 }
        func plain(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { PlainProse.isPlainText($0) } }
        for lead in 0..<9 {
            var first = Array(line.prefix(places[lead + 3]))
            while first.last == 0x20 { first.removeLast() }  // a line ending in a space is not plain
            for text in [line, first + [0x0A] + line, first + [0x0A, 0x0A] + line] {
                #expect(plain(text), "\(String(decoding: text, as: UTF8.self))")
                for mark in Array("*_[]#<>!&\\`~|\t\r".utf8) + [0x7F, 0x00] {
                    for place in (1..<text.count) where text[place] & 0xC0 != 0x80 {
                        var marked = text
                        marked.insert(mark, at: place)
                        #expect(!plain(marked), "\(mark) ở byte \(place): \(String(decoding: marked, as: UTF8.self))")
                    }
                }
            }
        }
    }

    /// Each of these could be markup, be escaped, lose a space or a mark, or is not units' texts:
    /// none may be written without cmark. The characters cmark escapes or reads as markup are
    /// tried at the start, in the middle and at the end of a line.
    @Test("chữ có thể là cú pháp Markdown: để cmark viết")
    func markupIsLeftToCmark() {
        var texts = [
            "", "\n", "Đoạn một.\n", "\nĐoạn một.", "Đoạn một.\n\n\nĐoạn hai.", "Dòng có dấu cách cuối ", "Dòng một  \nxuống dòng cứng",
            " thụt một", "1986. năm", "- ý", "+ ý", "= đề", "Chữ\n- ý", "Chữ\n===", "Chữ\n1. một", "\u{FEFF}Đầu có BOM", "Có\ttab",
            "Có\r\nCRLF", "Có\u{0}nul",
        ]
        for mark in ["*", "_", "[", "]", "#", "<", ">", "!", "&", "\\", "`", "~", "|", "\u{7F}"] {
            texts += ["Chữ \(mark) giữa", "Chữ cuối\(mark)", "\(mark)Chữ đầu"]
        }
        for text in texts {
            let insertion = Insertion.sourcedFragments([Sourced(source: "Sở Tư pháp", text: text)], belowHeadingLevel: 2)
            #expect(direct(insertion) == nil && direct(insertion, .html) == nil, "\(text.debugDescription)")
        }
        for source in ["", "Sở *Tư* pháp", " Sở", "Sở ", "1. Sở", "Sở [a]"] {
            let insertion = Insertion.sourcedFragments([Sourced(source: source, text: "Đoạn.")], belowHeadingLevel: 2)
            #expect(direct(insertion) == nil && direct(insertion, .html) == nil, "\(source.debugDescription)")
        }
        for point in texts + ["Ý một\nÝ hai", "Ý một.\n\nĐoạn hai."] {
            let insertion = Insertion.sourcedList([Sourced(source: "Sở Tư pháp", text: point)], belowHeadingLevel: 2)
            #expect(direct(insertion) == nil && direct(insertion, .html) == nil, "ý \(point.debugDescription)")
        }
        let points = Insertion.sourcedList([Sourced(source: "Sở", text: "Ý.")], belowHeadingLevel: 2)
        let paragraph = Insertion.fragment("Đoạn của tỉnh.", belowHeadingLevel: 2)
        for other in [
            Insertion.list(["Ý."], belowHeadingLevel: 2), .native(id: "bang"),
            .sourcedFragments([], belowHeadingLevel: 2), .sourcedList([], belowHeadingLevel: 2),
            // A sequence is written directly only when every part is, and no list follows a list.
            .sequence([]), .sequence([paragraph, .native(id: "bang")]), .sequence([paragraph, .list(["Ý."], belowHeadingLevel: 2)]),
            .sequence([points, points]), .sequence([paragraph, .sourcedFragments([], belowHeadingLevel: 2)]),
        ] {
            #expect(direct(other) == nil && direct(other, .html) == nil, "\(other)")
        }
        for text in texts {
            for insertion in [Insertion.fragment(text, belowHeadingLevel: 2), .sequence([.fragment(text, belowHeadingLevel: 2), points])] {
                #expect(direct(insertion) == nil && direct(insertion, .html) == nil, "\(insertion)")
            }
        }
    }

    /// The example by hand: what a reader of the draft sees in its Markdown.
    @Test("hai đơn vị, đoạn nhiều dòng: viết như người đọc thấy")
    func handWritten() throws {
        let insertion = Insertion.sourcedFragments(
            [
                Sourced(source: "Sở Tư pháp", text: "Đã rà soát 120 văn bản (95%).\n\nCòn 6 văn bản."),
                Sourced(source: "UBND huyện Nga Sơn", text: "Dòng một\ndòng hai."),
            ], belowHeadingLevel: 2)
        let expected = "*Sở Tư pháp:*\n\nĐã rà soát 120 văn bản (95%).\n\nCòn 6 văn bản.\n\n*UBND huyện Nga Sơn:*\n\nDòng một\ndòng hai."
        #expect(direct(insertion) == Array(expected.utf8))
        #expect(try cmark(insertion) == Array(expected.utf8))
        let points = Insertion.sourcedList(
            [Sourced(source: "Sở Tư pháp", text: "Rà soát 120 văn bản."), Sourced(source: "Sở Y tế", text: "Một cửa: 100%.")],
            belowHeadingLevel: 2)
        let listed = "  - Rà soát 120 văn bản. *(Sở Tư pháp)*\n  - Một cửa: 100%. *(Sở Y tế)*"
        #expect(direct(points) == Array(listed.utf8))
        #expect(try cmark(points) == Array(listed.utf8))
        let page =
            "<div class=\"dong-gop\">\n<p><em>Sở Tư pháp:</em></p>\n<p>Đã rà soát 120 văn bản (95%).</p>\n<p>Còn 6 văn bản.</p>\n</div>\n"
            + "<div class=\"dong-gop\">\n<p><em>UBND huyện Nga Sơn:</em></p>\n<p>Dòng một\ndòng hai.</p>\n</div>\n"
        #expect(direct(insertion, .html) == Array(page.utf8))
        #expect(try cmark(insertion, .html) == Array(page.utf8))
        let quoted = Insertion.sourcedList([Sourced(source: "Sở \"A\"", text: "Đề án \"B\".")], belowHeadingLevel: 2)
        let listedPage = "<ul>\n<li>Đề án &quot;B&quot;. <em>(Sở &quot;A&quot;)</em></li>\n</ul>\n"
        #expect(direct(quoted, .html) == Array(listedPage.utf8))
        #expect(try cmark(quoted, .html) == Array(listedPage.utf8))
        // The province's sentence, then a unit's point.
        let opened = Insertion.sequence([.fragment("Cả giai đoạn đạt 84,46% (năm 2020: 90%).", belowHeadingLevel: 2), points])
        let openedText = "Cả giai đoạn đạt 84,46% (năm 2020: 90%).\n\n" + listed
        #expect(direct(opened) == Array(openedText.utf8))
        #expect(try cmark(opened) == Array(openedText.utf8))
        let openedPage =
            "<p>Cả giai đoạn đạt 84,46% (năm 2020: 90%).</p>\n<ul>\n<li>Rà soát 120 văn bản. <em>(Sở Tư pháp)</em></li>\n"
            + "<li>Một cửa: 100%. <em>(Sở Y tế)</em></li>\n</ul>\n"
        #expect(direct(opened, .html) == Array(openedPage.utf8))
        #expect(try cmark(opened, .html) == Array(openedPage.utf8))
    }
}
