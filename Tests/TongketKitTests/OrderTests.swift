import Foundation
import Testing
import TongketKit

@testable import TongketCore
@testable import TongketDocument

@Suite("Thứ tự chữ cái tiếng Việt")
struct OrderTests {
    @Test("Đ sau D, Ư sau U, Ơ sau Ô sau O, Ă Â sau A")
    func letters() {
        let names = ["Yên Định", "Đông Sơn", "Ưng Hòa", "Uông Bí", "Ơn", "Ông", "Ong", "Ân", "Ăn", "An", "Dương"]
        #expect(
            VietnameseOrder.sorted(names) { $0 } == [
                "An", "Ăn", "Ân", "Dương", "Đông Sơn", "Ong", "Ông", "Ơn", "Uông Bí", "Ưng Hòa", "Yên Định",
            ])
    }

    @Test("cùng tên (kể cả một tên viết NFC, một tên viết NFD) thì giữ thứ tự ban đầu")
    func sameNamesKeepTheirOrder() {
        let decomposed = "Ho\u{0302}\u{0300}ng"  // "Hồng", decomposed
        let items = [("Lam", 1), ("Hồng", 2), ("Lam", 3), (decomposed, 4), ("An", 5), ("Hồng", 6), ("Lam", 7)]
        // By hand: An; then the two spellings of Hồng (equal keys; equal as Swift strings too, so
        // in their first order); then Lam in its first order.
        #expect(VietnameseOrder.sorted(items) { $0.0 }.map(\.1) == [5, 2, 4, 6, 1, 3, 7])
    }

    @Test("dấu thanh xếp sau chữ: ngang, huyền, hỏi, ngã, sắc, nặng")
    func tones() {
        let words = ["má", "mạ", "mã", "mả", "mà", "ma"]
        #expect(VietnameseOrder.sorted(words) { $0 } == ["ma", "mà", "mả", "mã", "má", "mạ"])
        // Letters decide before tones: "mà" < "mac".
        #expect(VietnameseOrder.areInOrder("mà", "mac"))
    }

    @Test("khoảng trắng trước chữ; không phân biệt hoa thường ở bậc đầu")
    func spacesAndCase() {
        #expect(VietnameseOrder.areInOrder("Quan Sơn", "Quảng Xương"))
        #expect(VietnameseOrder.areInOrder("huyện Hà Trung", "Huyện Hậu Lộc"))
        #expect(VietnameseOrder.areInOrder("Sở Y tế", "Thanh tra tỉnh"))
    }

    @Test("NFD và NFC cho cùng thứ tự")
    func normalisation() {
        let nfd = "Đông Sơn".decomposedStringWithCanonicalMapping
        #expect(!VietnameseOrder.areInOrder(nfd, "Dương") && VietnameseOrder.areInOrder("Dương", nfd))
    }

    /// The key as it was computed before the table of Latin scalars: every character decomposed
    /// through Foundation. The table must change nothing.
    static func referenceKey(_ text: String) -> [UInt32] {
        var (primary, secondary, tertiary): ([UInt32], [UInt32], [UInt32]) = ([], [], [])
        for character in text {
            guard let weights = VietnameseOrder.weights(of: character) else { continue }
            primary.append(weights.letter)
            secondary.append(weights.tone)
            tertiary.append(weights.upper)
        }
        return primary + [0] + secondary + [0] + tertiary
    }

    @Test("bảng các chữ Latinh cho đúng khóa như tách dấu từng chữ (mọi chữ của bảng, chữ tổ hợp, 5.000 chuỗi ngẫu nhiên)")
    func tableMatchesDecomposition() {
        var samples = (Array(0..<0x250) + Array(0x1E00..<0x1F00)).compactMap { Unicode.Scalar(UInt32($0)).map { String(Character($0)) } }
        samples += ["A\u{0306}\u{0301}", "e\u{0302}\u{0323}", "u\u{031B}\u{0300}", "Đ", "D\u{0335}", "\r\n", "🇻🇳", "Ω", "ｱ", "Å"]
        let pool = Array(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ 0123456789-,.()Ωé\u{0301}\u{0323}"
        )
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            samples.append(
                String((0..<Int.random(in: 0...24, using: &generator)).map { _ in pool.randomElement(using: &generator) ?? "a" }))
        }
        for sample in samples {
            #expect(
                VietnameseOrder.key(sample) == Self.referenceKey(sample), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
