import Testing
import TongketKit

@testable import TongketCore
@testable import TongketDocument

@Suite("Đánh số kiểu hành chính Việt Nam")
struct NumberingTests {
    @Test("số La Mã", arguments: [(0, "I."), (3, "IV."), (8, "IX."), (13, "XIV."), (39, "XL.")])
    func roman(index: Int, expected: String) {
        #expect(NumberingScheme.label(.roman, index: index) == expected)
    }

    @Test("chữ cái theo bảng chữ tiếng Việt: a b c d đ e g h …, không có f, j, w, z")
    func letters() {
        let first = (0..<12).map { NumberingScheme.label(.letter, index: $0) }
        #expect(first == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "i)", "k)", "l)", "m)"])
        #expect(NumberingScheme.label(.letter, index: 22) == "y)")
        #expect(NumberingScheme.label(.letter, index: 23) == "aa)")
    }

    @Test("phần, số, gạch đầu dòng")
    func otherStyles() {
        #expect(NumberingScheme.label(.part, index: 1) == "Phần II")
        #expect(NumberingScheme.label(.arabic, index: 9) == "10.")
        #expect(NumberingScheme.label(.dash, index: 4) == "-")
    }

    @Test("độ sâu vượt số kiểu đã khai báo dùng kiểu cuối cùng")
    func deeperThanDeclared() {
        let scheme = NumberingScheme(styles: [.roman, .arabic])
        #expect(scheme.label(depth: 1, index: 1) == "II.")
        #expect(scheme.label(depth: 2, index: 1) == "2.")
        #expect(scheme.label(depth: 5, index: 2) == "3.")
    }
}
