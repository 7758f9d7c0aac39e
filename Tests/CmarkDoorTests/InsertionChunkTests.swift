import CmarkDoor
import Testing

/// A large section is rendered in chunks (its nodes never all built at once); the output must be
/// byte for byte what rendering it whole gives, in both formats, wherever the cuts fall.
@Suite("Mục lớn dựng từng phần: y hệt dựng một lần")
struct InsertionChunkTests {
    static let template = "# Phần\n\n## Mục\n\n<!-- tongket:chen x -->\n\n## Mục sau\n\nChữ cuối.\n"

    /// Units' texts and points of every shape the outline lets units write: headings, lists
    /// (nested, ordered), code, quotes, several paragraphs, text that looks like Markdown.
    static let texts = [
        "Đoạn một của đơn vị.", "# Tiêu đề\n\nChữ dưới tiêu đề.", "- ý a\n- ý b\n  - ý con", "1. thứ nhất\n2. thứ hai",
        "```\nmã nguồn\n```", "> trích dẫn\n> dòng hai", "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.", "1986. năm đổi mới", "# ", "- ",
        "*nghiêng* và **đậm** và `mã`", "Dòng một  \nxuống dòng cứng", "    mã thụt lề", "---", "<b>thô</b>", "Chữ cuối có dấu \\",
        "- danh sách\n\n  đoạn trong ý", "Kết thúc bằng danh sách:\n\n- một\n- hai",
    ]

    func sourced(_ count: Int, seed: Int) -> [Sourced] {
        (0..<count).map { index in
            Sourced(source: "Đơn vị \(index)", text: Self.texts[(index * 7 + seed) % Self.texts.count])
        }
    }

    /// The section in each shape the draft gives it: the units' texts, the units' points, and
    /// the province's text with figures before the units' material.
    var insertions: [Insertion] {
        [
            .sourcedFragments(sourced(60, seed: 1), belowHeadingLevel: 2),
            .sourcedList(sourced(60, seed: 2), belowHeadingLevel: 2),
            .sequence([
                .fragment("Câu số liệu: 12 đơn vị.", belowHeadingLevel: 2), .fragment("Lời của tỉnh.\n\n- ý tỉnh", belowHeadingLevel: 2),
                .fragment("**Tổng hợp:**", belowHeadingLevel: 2), .sourcedList(sourced(40, seed: 3), belowHeadingLevel: 2),
            ]),
            .sequence([
                .fragment("Lời của tỉnh kết thúc bằng danh sách:\n\n- một", belowHeadingLevel: 2),
                .sourcedFragments(sourced(40, seed: 4), belowHeadingLevel: 2), .list(["một", "hai"], belowHeadingLevel: 2),
            ]),
        ]
    }

    /// The whole page rendered at once, and streamed with the section deferred and cut every
    /// `size` bytes.
    func both(_ insertion: Insertion, size: Int, _ format: TreeFormat) throws -> (whole: String, streamed: String) {
        let whole = try MarkdownTree(markers: .test, markdown: Self.template)
        try whole.resolve(["x": insertion])
        let tree = try MarkdownTree(markers: .test, markdown: Self.template)
        tree.chunkSize = size
        try tree.resolve([:], deferring: ["x": insertion])
        var streamed: [UInt8] = []
        try tree.stream([format], native: [:], deferred: ["x": insertion]) { _, bytes in streamed += bytes }
        return (whole.render(format, native: [:]), String(decoding: streamed, as: UTF8.self))
    }

    @Test("mọi cỡ cắt, mọi dạng mục, HTML và Markdown", arguments: [1, 40, 200, 1_000, 1 << 20])
    func chunkedIsWhole(size: Int) throws {
        for (index, insertion) in insertions.enumerated() {
            for format in [TreeFormat.html, .commonMark] {
                let (whole, streamed) = try both(insertion, size: size, format)
                #expect(streamed == whole, "mục \(index), \(format), cắt mỗi \(size) byte")
            }
        }
    }
}
