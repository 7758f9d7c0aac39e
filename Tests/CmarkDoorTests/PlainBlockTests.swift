import Testing

@testable import CmarkDoor

/// Units' plain texts and points resolved into a template go in as plain blocks written by
/// `PlainProse` (`MarkdownTree.placePlain`): every format must be byte for byte what their nodes
/// give, wherever the template puts them, and where cmark would write them otherwise (below a list
/// or a quotation, a list beside a list or before code) they go in as nodes.
@Suite("Chữ thường của đơn vị ghép vào mẫu: khối viết thẳng, y hệt nút của cmark")
struct PlainBlockTests {
    typealias Seeded = PlainProseTests.Seeded

    static let points = Insertion.sourcedList(
        [Sourced(source: "Sở Tư pháp", text: "Rà soát 120 văn bản."), Sourced(source: "Sở Y tế", text: "Một cửa: 100%.")],
        belowHeadingLevel: 2)
    static let texts = Insertion.sourcedFragments(
        [
            Sourced(source: "Sở Nội vụ", text: "Đoạn một.\n\nĐoạn hai\ndòng hai."),
            Sourced(source: "UBND huyện Nga Sơn", text: "Chữ \"trích\"."),
        ],
        belowHeadingLevel: 2)
    /// Not plain: goes in as nodes whatever the flag.
    static let marked = Insertion.sourcedList([Sourced(source: "Sở *A*", text: "Ý có **đậm**.")], belowHeadingLevel: 2)
    static let insertions: [Insertion] = [
        points, texts, marked, .sequence([.fragment("**Đề xuất với UBND tỉnh**", belowHeadingLevel: 1), points]),
        .sequence([points, points]), .sequence([texts, points, texts]),
        .sequence([points, .fragment("- ý của tỉnh", belowHeadingLevel: 1)]),
        .sequence([.fragment("```\nmã\n```", belowHeadingLevel: 1), points, .fragment("```\nmã\n```", belowHeadingLevel: 1)]),
    ]
    /// Template blocks around the markers: text, a list, code, a quotation, a list item and a
    /// quotation holding a marker, a block of a class holding one.
    static let around = [
        "Đoạn của mẫu.", "- ý của mẫu", "```\nmã của mẫu\n```", "> trích của mẫu", "- <!-- tongket:chen MARK -->",
        "> <!-- tongket:chen MARK -->", "<!-- tongket:khoi phu-luc -->\n\n<!-- tongket:chen MARK -->\n\n<!-- tongket:het-khoi -->",
        "<!-- tongket:chen MARK -->",
    ]

    /// The template's two renderings and its Word values, with plain blocks or with nodes.
    func outputs(_ markdown: String, _ insertions: [String: Insertion], plain: Bool) throws -> (String, String, [DocumentBlock], Int) {
        func tree() throws -> MarkdownTree {
            let tree = try MarkdownTree(markers: .test, markdown: markdown)
            tree.placesPlainBlocks = plain
            try tree.resolve(insertions)
            return tree
        }
        let counted = try tree()
        return (
            try tree().render(.commonMark, native: [:]), try tree().render(.html, native: [:]), try tree().blocks,
            counted.plainBlockCount
        )
    }

    @Test("mẫu ngẫu nhiên quanh chữ, ý của đơn vị: ba định dạng y hệt khi ghép bằng nút")
    func randomTemplates() throws {
        var random = Seeded(state: 71)
        var placedPlain = 0
        for round in 0..<300 {
            var blocks: [String] = []
            var insertions: [String: Insertion] = [:]
            for index in 0..<(1 + random.next(5)) {
                let block = Self.around[random.next(Self.around.count)]
                if block.contains("MARK") {
                    insertions["k\(index)"] = Self.insertions[random.next(Self.insertions.count)]
                    blocks.append(block.replacingOccurrences(of: "MARK", with: "k\(index)"))
                } else {
                    blocks.append(block)
                }
            }
            let markdown = blocks.joined(separator: "\n\n") + "\n"
            let direct = try outputs(markdown, insertions, plain: true)
            let nodes = try outputs(markdown, insertions, plain: false)
            #expect(direct.0 == nodes.0, "lần \(round), CommonMark:\n\(markdown)")
            #expect(direct.1 == nodes.1, "lần \(round), HTML:\n\(markdown)")
            #expect(direct.2 == nodes.2, "lần \(round), Word:\n\(markdown)")
            #expect(nodes.3 == 0)
            placedPlain += direct.3
        }
        // Plain blocks were placed, not always put back as nodes.
        #expect(placedPlain > 100)
    }

    @Test("chỗ cmark viết khác: khối thường trả lại thành nút")
    func misplacedGoBackToNodes() throws {
        let cases: [(String, Insertion, Int)] = [
            ("Đoạn.\n\n<!-- tongket:chen a -->\n\nĐoạn.\n", Self.points, 1),
            ("- ý\n\n<!-- tongket:chen a -->\n", Self.points, 0),
            ("<!-- tongket:chen a -->\n\n```\nmã\n```\n", Self.points, 0),
            ("<!-- tongket:chen a -->\n\n- ý\n", Self.points, 0),
            ("- ý\n\n<!-- tongket:chen a -->\n", Self.texts, 1),
            ("<!-- tongket:chen a -->\n", Self.points, 0),
            ("> <!-- tongket:chen a -->\n", Self.texts, 0),
            ("- <!-- tongket:chen a -->\n", Self.points, 0),
            ("<!-- tongket:chen a -->\n", .sequence([Self.points, Self.points]), 0),
            ("<!-- tongket:chen a -->\n", .sequence([Self.points, Self.texts, Self.points]), 2),
        ]
        for (markdown, insertion, count) in cases {
            let direct = try outputs(markdown, ["a": insertion], plain: true)
            #expect(direct.3 == count, "\(markdown)")
            let nodes = try outputs(markdown, ["a": insertion], plain: false)
            #expect(direct.0 == nodes.0 && direct.1 == nodes.1 && direct.2 == nodes.2, "\(markdown)")
        }
    }
}
