import Testing

@testable import CmarkDoor

/// The Word writer takes a deferred insertion as values made without cmark's nodes where the
/// text is plain prose (`MarkdownTree.blocks(of:)`): they must be the values cmark's nodes give.
@Suite("Giá trị khối của chữ thường làm thẳng: y hệt qua cmark")
struct InsertionBlocksTests {
    typealias Seeded = PlainProseTests.Seeded

    /// The values read back from the insertion placed in a tree by cmark's nodes.
    func throughCmark(_ insertion: Insertion) throws -> [DocumentBlock] {
        let tree = try MarkdownTree(markers: .test, markdown: "<!-- tongket:chen x -->\n")
        try tree.resolve(["x": insertion])
        return tree.blocks
    }

    func direct(_ insertion: Insertion) throws -> [DocumentBlock] {
        try MarkdownTree(markers: .test, markdown: "").blocks(of: insertion)
    }

    /// Units' pieces, most plain, some with markup that must go through cmark.
    func piece(_ random: inout Seeded, point: Bool) -> Sourced {
        let plain = PlainProseTests()
        let marked = ["Có *nhấn* mạnh", "- ý một\n- ý hai", "# Tiêu đề", "Dòng cuối có dấu cách ", "> trích", "1. một\n2. hai"]
        let text: String
        switch random.next(5) {
        case 0: text = marked[random.next(marked.count)]
        default: text = point ? plain.line(&random) : plain.text(&random)
        }
        let source = random.next(8) == 0 ? "Sở *A*" : plain.line(&random)
        return Sourced(source: source, text: text)
    }

    @Test("chữ, ý ngẫu nhiên (phần lớn chữ thường, có chỗ có cú pháp), nối nhau: y hệt qua cmark")
    func randomInsertions() throws {
        var random = Seeded(state: 53)
        for round in 0..<400 {
            var parts: [Insertion] = []
            for _ in 0...random.next(3) {
                switch random.next(5) {
                case 0: parts.append(.sourcedList((0..<random.next(5)).map { _ in piece(&random, point: true) }, belowHeadingLevel: 2))
                case 1: parts.append(.native(id: "bang-\(random.next(9))"))
                case 2: parts.append(.fragment(PlainProseTests().text(&random) + "\n\n## Mục con", belowHeadingLevel: 2))
                default:
                    parts.append(.sourcedFragments((0..<random.next(5)).map { _ in piece(&random, point: false) }, belowHeadingLevel: 2))
                }
            }
            let insertion = parts.count == 1 ? parts[0] : .sequence(parts)
            #expect(try direct(insertion) == (try throughCmark(insertion)), "lần \(round): \(insertion)")
        }
    }

    /// By hand: what Word is given for two plain units' texts and a plain point.
    @Test("hai đơn vị, đoạn nhiều dòng, một ý: đúng các khối như người viết thấy")
    func handWritten() throws {
        let texts = Insertion.sourcedFragments(
            [Sourced(source: "Sở Tư pháp", text: "Dòng một\ndòng hai.\n\nĐoạn hai.")], belowHeadingLevel: 2)
        let expected: [DocumentBlock] = [
            .container(
                className: MarkerSyntax.test.sourceClass,
                [
                    .paragraph([.emphasis([.text("Sở Tư pháp:")])]),
                    .paragraph([.text("Dòng một"), .softBreak, .text("dòng hai.")]),
                    .paragraph([.text("Đoạn hai.")]),
                ])
        ]
        #expect(try direct(texts) == expected)
        #expect(try throughCmark(texts) == expected)
        let point = Insertion.sourcedList([Sourced(source: "Sở Y tế", text: "Một cửa: 100%.")], belowHeadingLevel: 2)
        let listed: [DocumentBlock] = [
            .list(
                DocumentList(
                    ordered: false, start: 0, tight: true,
                    items: [[.paragraph([.text("Một cửa: 100%."), .text(" "), .emphasis([.text("(Sở Y tế)")])])]]))
        ]
        #expect(try direct(point) == listed)
        #expect(try throughCmark(point) == listed)
    }
}
