import Testing

@testable import CmarkDoor

/// A unit's text is a fragment: whatever it holds, the rest of the document is exactly as without it.
@Suite("Cây tài liệu: ghép nội dung của đơn vị")
struct MarkdownTreeTests {
    /// A section at level 2 with text after it and a link that uses the template's own reference.
    static let template = """
        # Phần

        ## Mục

        <!-- tongket:chen x -->

        ## Mục sau

        Xem [tài liệu][ref].

        [ref]: https://example.org/tl
        """

    static let head = "<h1>Phần</h1>\n<h2>Mục</h2>\n"
    static let tail = "<h2>Mục sau</h2>\n<p>Xem <a href=\"https://example.org/tl\">tài liệu</a>.</p>\n"

    func html(_ fragment: String) throws -> String {
        let tree = try MarkdownTree(markers: .test, markdown: Self.template)
        try tree.resolve(["x": .fragment(fragment, belowHeadingLevel: 2)])
        return tree.render(.html, native: [:])
    }

    /// The part of the page that came from the fragment, after checking the rest is untouched.
    func middle(_ fragment: String) throws -> String {
        let page = try html(fragment)
        #expect(page.hasPrefix(Self.head), "đầu trang bị đổi: \(page)")
        #expect(page.hasSuffix(Self.tail), "cuối trang bị đổi: \(page)")
        guard page.count >= Self.head.count + Self.tail.count else { return "" }
        return String(page.dropFirst(Self.head.count).dropLast(Self.tail.count))
    }

    @Test("nội dung bình thường nằm giữa, không đổi gì bên ngoài")
    func benign() throws {
        #expect(try middle("Nội dung **đậm**.") == "<p>Nội dung <strong>đậm</strong>.</p>\n")
        #expect(try middle("") == "")
    }

    @Test(
        "nội dung nguy hiểm không thoát ra ngoài",
        arguments: [
            "```\nkhối mã chưa đóng\n## không phải tiêu đề",
            "# Tiêu đề cấp 1 của đơn vị",
            "Tiêu đề kiểu setext\n===",
            "Đoạn\n\n---\n\nsau gạch ngang",
            "[ref]: https://ke-xau.example\n\n[ref]",
            "<div>\nkhối HTML chưa đóng",
            "<!-- tongket:chen x -->",
            "<!-- chú thích chưa đóng",
            "{{ten}} {{{khong_thoat}}} {{> phan}}",
            "    khối thụt lề",
            "> trích dẫn\n> - danh sách",
            "1. một\n2. hai\n\n   tiếp",
        ])
    func hostile(fragment: String) throws {
        let inside = try middle(fragment)
        // Headings from the fragment sit below the section (level 2), never at 1 or 2.
        #expect(!inside.contains("<h1>") && !inside.contains("<h2>"))
        // The template's reference still points where the template said.
        #expect(!inside.contains("ke-xau") || fragment.contains("ke-xau"))
    }

    @Test("tiêu đề của đơn vị được hạ cấp; quá cấp 6 thành đoạn in đậm")
    func headingShift() throws {
        #expect(try middle("# Một\n\n### Ba") == "<h3>Một</h3>\n<h5>Ba</h5>\n")
        #expect(try middle("##### Năm") == "<p><strong>Năm</strong></p>\n")
        let tree = try MarkdownTree(markers: .test, markdown: Self.template)
        try tree.resolve(["x": .fragment("Setext\n---", belowHeadingLevel: 2)])
        #expect(tree.headings.map(\.level) == [1, 2, 4, 2])
    }

    @Test("HTML thô và liên kết javascript: bị loại")
    func unsafeContent() throws {
        let scripts = try middle(
            "<script>alert(1)</script>\n\nChữ <b onclick=\"x()\">đậm</b> [bấm](javascript:alert(1)) ![ảnh](javascript:x)")
        #expect(!scripts.contains("<script"))
        #expect(!scripts.contains("onclick"))
        #expect(!scripts.contains("javascript:"))
        #expect(scripts.contains("<!-- raw HTML omitted -->"))
        #expect(scripts.contains("<a href=\"\">bấm</a>"))
    }

    @Test("đầu ra Markdown đọc lại cho cùng cây tiêu đề")
    func markdownRoundTrip() throws {
        let tree = try MarkdownTree(markers: .test, markdown: Self.template)
        try tree.resolve(["x": .fragment("```\nchưa đóng\n# không phải tiêu đề", belowHeadingLevel: 2)])
        let markdown = tree.render(.commonMark, native: [:])
        let again = try MarkdownTree(markers: .test, markdown: markdown)
        #expect(again.headings.map(\.text) == ["Phần", "Mục", "Mục sau"])
    }

    @Test("danh sách: mỗi ý một mục, mỗi ý phân tích riêng")
    func list() throws {
        let tree = try MarkdownTree(markers: .test, markdown: "## Hạn chế\n\n<!-- tongket:chen x -->\n\nSau.\n")
        try tree.resolve(["x": .list(["Ý **một**", "```\nhai", "# ba"], belowHeadingLevel: 2)])
        let page = tree.render(.html, native: [:])
        #expect(
            page
                == "<h2>Hạn chế</h2>\n<ul>\n<li>Ý <strong>một</strong></li>\n<li>\n<pre><code>hai\n</code></pre>\n</li>\n<li>\n<h3>ba</h3>\n</li>\n</ul>\n<p>Sau.</p>\n"
        )
    }

    @Test("khối bao và khối riêng theo định dạng")
    func containersAndNative() throws {
        let tree = try MarkdownTree(
            markers: .test,
            markdown: "<!-- tongket:khoi tieu-de -->\n\nA\n\nB\n\n<!-- tongket:het-khoi -->\n\n<!-- tongket:chen bang -->\n\nC\n")
        try tree.resolve(["bang": .native(id: "b1")])
        #expect(
            tree.render(.html, native: ["b1": "<table></table>"])
                == "<div class=\"tieu-de\">\n<p>A</p>\n<p>B</p>\n</div>\n<table></table>\n<p>C</p>\n")
        #expect(tree.render(.commonMark, native: ["b1": "| a |\n| - |"]) == "A\n\nB\n\n| a |\n| - |\n\nC\n")
    }

    @Test("dấu đánh dấu sai trong mẫu: lỗi có dòng")
    func markerErrors() throws {
        func error(_ markdown: String, _ insertions: [String: Insertion] = [:]) throws -> MarkdownTreeError? {
            let tree = try MarkdownTree(markers: .test, markdown: markdown)
            do {
                try tree.resolve(insertions)
                return nil
            } catch {
                return error
            }
        }
        #expect(try error("a\n\n<!-- tongket:chen thieu -->\n") == MarkdownTreeError(line: 3, .missingInsertion(key: "thieu")))
        #expect(try error("<!-- tongket:khoi a -->\n\nx\n") == MarkdownTreeError(line: 1, .unclosed(className: "a")))
        #expect(try error("x\n\n<!-- tongket:het-khoi -->\n") == MarkdownTreeError(line: 3, .closeWithoutOpen))
        #expect(
            try error("chữ <!-- tongket:chen x --> chữ\n", ["x": .native(id: "y")])
                == MarkdownTreeError(line: 1, .strayMarker(text: "<!-- tongket:chen x -->")))
        #expect(try error("x\n", ["du": .native(id: "y")]) == MarkdownTreeError(line: 1, .unusedInsertion(key: "du")))
        #expect(try error("<!-- tongket:lam-gi -->\n") == MarkdownTreeError(line: 1, .unknownMarker(words: "lam-gi")))
    }

    @Test("tìm dấu theo byte cho văn bản ASCII: cùng kết quả như so từng ký tự")
    func markerSearchByBytes() {
        // Characters and bytes differ only off ASCII: "e" + U+0301 is one character, "K" (U+212A,
        // Kelvin) equals "K"; those go to the comparison by characters.
        let cases: [(String, String, Bool)] = [
            ("<!-- tongket:chen x -->", "<!-- tongket:", true), ("<!-- tongket", "<!-- tongket:", false),
            ("x <!<!-- tongket:", "<!-- tongket:", true), ("a --> b", "-->", true), ("a -- > b", "-->", false),
            ("", "-->", false), ("-->", "-->", true), ("<!-- tongket:e\u{301}", "<!-- tongket:e", false),
            ("\u{212A}", "K", true), ("chữ <!-- tongket:chen", "<!-- tongket:", true), ("a\r\n-->", "-->", true),
        ]
        for (text, part, expected) in cases {
            #expect(MarkdownTree.holds(text, part) == expected, "\(text) / \(part)")
            #expect(MarkdownTree.holds(text, part) == text.contains(part), "\(text) / \(part)")
            #expect(MarkdownTree.holds(text.dropFirst(0), part) == expected, "\(text) / \(part)")
        }
    }

    @Test("dấu đánh dấu là cấu hình: cửa cmark không biết từ nào của tongket")
    func markersAreConfiguration() throws {
        let other = MarkerSyntax(prefix: "<!-- x:", open: "open", close: "close", insert: "put", sourceClass: "src")
        let tree = try MarkdownTree(markers: other, markdown: "<!-- x:open box -->\n\nA\n\n<!-- x:close -->\n\n<!-- x:put k -->\n")
        try tree.resolve(["k": .sourcedFragments([Sourced(source: "S", text: "t")], belowHeadingLevel: 1)])
        #expect(
            tree.render(.html, native: [:])
                == "<div class=\"box\">\n<p>A</p>\n</div>\n<div class=\"src\">\n<p><em>S:</em></p>\n<p>t</p>\n</div>\n")
        // The words of another syntax are only HTML comments, left out as cmark leaves raw HTML out.
        let plain = try MarkdownTree(markers: other, markdown: "<!-- tongket:khoi a -->\n\nA\n")
        try plain.resolve([:])
        #expect(plain.render(.html, native: [:]) == "<!-- raw HTML omitted -->\n<p>A</p>\n")
        #expect(other.spelled("open") == "x:open")
    }
}

@Suite("Cây tài liệu: gom nội dung nhiều đơn vị")
struct SourcedInsertionTests {
    @Test("danh sách gom: mỗi ý kèm nguồn; nguồn là chữ, không phải Markdown")
    func sourcedList() throws {
        let tree = try MarkdownTree(markers: .test, markdown: "## Hạn chế\n\n<!-- tongket:chen x -->\n")
        try tree.resolve([
            "x": .sourcedList(
                [Sourced(source: "Sở *A*", text: "Ý một"), Sourced(source: "Huyện B", text: "```\nmã")], belowHeadingLevel: 2)
        ])
        #expect(
            tree.render(.html, native: [:])
                == "<h2>Hạn chế</h2>\n<ul>\n<li>Ý một <em>(Sở *A*)</em></li>\n<li>\n<pre><code>mã\n</code></pre>\n<em>(Huyện B)</em></li>\n</ul>\n"
        )
    }

    @Test("đoạn văn gom: mỗi đơn vị một khối, mở đầu bằng tên in nghiêng")
    func sourcedFragments() throws {
        let tree = try MarkdownTree(markers: .test, markdown: "## Mục\n\n<!-- tongket:chen x -->\n\n## Sau\n")
        try tree.resolve([
            "x": .sourcedFragments(
                [Sourced(source: "Sở A", text: "# Tiêu đề\n\nChữ."), Sourced(source: "Huyện B", text: "Khác.")], belowHeadingLevel: 2)
        ])
        #expect(
            tree.render(.html, native: [:])
                == "<h2>Mục</h2>\n<div class=\"dong-gop\">\n<p><em>Sở A:</em></p>\n<h3>Tiêu đề</h3>\n<p>Chữ.</p>\n</div>\n<div class=\"dong-gop\">\n<p><em>Huyện B:</em></p>\n<p>Khác.</p>\n</div>\n<h2>Sau</h2>\n"
        )
        #expect(tree.render(.commonMark, native: [:]) == "## Mục\n\n*Sở A:*\n\n### Tiêu đề\n\nChữ.\n\n*Huyện B:*\n\nKhác.\n\n## Sau\n")
    }

    @Test("chuỗi chèn: đoạn, bảng, đoạn")
    func sequence() throws {
        let tree = try MarkdownTree(markers: .test, markdown: "<!-- tongket:chen x -->\n")
        try tree.resolve(["x": .sequence([.fragment("A", belowHeadingLevel: 1), .native(id: "t"), .fragment("B", belowHeadingLevel: 1)])])
        #expect(tree.render(.html, native: ["t": "<table></table>"]) == "<p>A</p>\n<table></table>\n<p>B</p>\n")
    }
}

extension MarkerSyntax {
    /// The markers tongket's templates use, spelled out here because the door has none of its own.
    static let test = MarkerSyntax(prefix: "<!-- tongket:", open: "khoi", close: "het-khoi", insert: "chen", sourceClass: "dong-gop")
}
