import Testing

@testable import CmarkDoor

/// The markers read from an HTML literal's bytes are read as String's characters read them.
@Suite("Dấu chèn: đọc từ chữ của nút HTML")
struct MarkerLiteralTests {
    static let prefix = "<!-- tongket:"

    func read(_ literal: String, isBlock: Bool = true) -> MarkerLiteral {
        literal.withCString { MarkerLiteral.read($0, isBlock: isBlock, prefix: Self.prefix) }
    }

    @Test("dấu chèn: các từ giữa tiền tố và -->, bỏ khoảng trắng ở hai đầu và giữa các từ")
    func words() {
        #expect(read("<!-- tongket:chen muc:boi-canh -->\n") == .words(["chen", "muc:boi-canh"]))
        #expect(read(" \t<!-- tongket:khoi  dong-gop -->\r\n") == .words(["khoi", "dong-gop"]))
        #expect(read("<!-- tongket:het-khoi-->") == .words(["het-khoi"]))
        #expect(read("<!-- tongket:-->") == .words([]))
    }

    @Test("không phải dấu: HTML không có tiền tố")
    func none() {
        #expect(read("<div class=\"x\">\n") == .none)
        #expect(read("<!-- ghi chú -->") == .none)
    }

    @Test("dấu lạc: nằm trong dòng, thiếu --> ở cuối, hoặc có hai -->")
    func strays() {
        #expect(read("<!-- tongket:chen x -->", isBlock: false) == .stray("<!-- tongket:chen x -->"))
        #expect(read("  <!-- tongket:chen x\n") == .stray("<!-- tongket:chen x"))
        #expect(read("<!-- tongket:chen x --> <!-- tongket:chen y -->\n") == .stray("<!-- tongket:chen x --> <!-- tongket:chen y -->"))
        #expect(read("<p><!-- tongket:chen x --></p>") == .stray("<p><!-- tongket:chen x --></p>"))
    }

    @Test("chữ ngoài ASCII đọc theo ký tự: tiền tố kèm dấu kết hợp không phải dấu chèn")
    func beyondASCII() {
        #expect(read("<!-- tongket:chen mục -->\n") == .words(["chen", "mục"]))
        // ":" followed by a combining acute accent is one character, so the prefix is not there.
        #expect(read("<!-- tongket:\u{301}chen x -->") == .none)
        #expect(read("\u{A0}<!-- tongket:chen x -->\u{2003}") == .words(["chen", "x"]))
    }

    @Test("đọc theo byte và đọc theo ký tự cho cùng kết quả với chữ ASCII")
    func sameAsByCharacter() {
        let literals = [
            "<!-- tongket:chen x -->", "\n\n<!-- tongket:khoi a -->\n\n", "<!-- tongket:chen x", "tongket:chen -->",
            "<!-- tongket:a --> -->", "\t<!-- tongket:  a   b  -->\t", "<!--tongket:a-->", "<!-- tongket:->", "",
            "\r\n<!-- tongket:het-khoi -->\r\n", "x <!-- tongket:chen y --> z",
        ]
        for literal in literals {
            for isBlock in [true, false] {
                #expect(
                    read(literal, isBlock: isBlock) == MarkerLiteral.byCharacter(literal, isBlock: isBlock, prefix: Self.prefix),
                    "\(literal.debugDescription) \(isBlock)")
            }
        }
    }
}
