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
}
