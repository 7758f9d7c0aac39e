import Testing
import TongketKit

@testable import TongketCore
@testable import TongketDocument

@Suite("Số và ngày theo cách viết của văn bản Việt Nam")
struct FormatTests {
    @Test(
        "số: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân",
        arguments: [
            (1_234_567.0, "1.234.567"), (85.48, "85,48"), (84.6, "84,6"), (1000, "1.000"), (999.999, "1.000"),
            (12.3456, "12,35"), (-3, "-3"), (0, "0"), (-0.001, "0"), (100, "100"), (1_000_000_000_000, "1.000.000.000.000"),
            (0.5, "0,5"), (64_622.0, "64.622"),
        ])
    func numbers(value: Double, expected: String) {
        #expect(VietnameseFormat.number(value) == expected)
    }

    @Test("tỷ lệ phần trăm")
    func percent() {
        #expect(VietnameseFormat.percent(85.48) == "85,48%")
        #expect(VietnameseFormat.percent(80) == "80%")
    }

    @Test(
        "ngày theo Nghị định 30: ngày dưới 10 và tháng 1, 2 có số 0 đứng trước",
        arguments: [
            (SimpleDate(year: 2020, month: 3, day: 7), "ngày 07 tháng 3 năm 2020"),
            (SimpleDate(year: 2020, month: 2, day: 5), "ngày 05 tháng 02 năm 2020"),
            (SimpleDate(year: 2020, month: 4, day: 24), "ngày 24 tháng 4 năm 2020"),
            (SimpleDate(year: 2021, month: 1, day: 10), "ngày 10 tháng 01 năm 2021"),
            (SimpleDate(year: 2020, month: 12, day: 1), "ngày 01 tháng 12 năm 2020"),
            (SimpleDate(year: 2020, month: 10, day: 31), "ngày 31 tháng 10 năm 2020"),
        ])
    func longDates(date: SimpleDate, expected: String) {
        #expect(VietnameseFormat.longDate(date) == expected)
    }

    @Test("địa danh, ngày tháng")
    func placeAndDate() {
        #expect(
            VietnameseFormat.placeAndDate("Thanh Hóa", SimpleDate(year: 2020, month: 3, day: 7)) == "Thanh Hóa, ngày 07 tháng 3 năm 2020")
        #expect(SimpleDate(year: 2020, month: 4, day: 3).description == "03/04/2020")
    }
}

@Suite("Đọc số liệu như người dùng gõ")
struct FigureTextTests {
    @Test(
        "số nguyên, thập phân dấu chấm hoặc dấu phẩy, cho đúng giá trị Double gần nhất",
        arguments: [
            ("1234", 1234.0), ("85,48", 85.48), ("85.48", 85.48), (" 7 ", 7.0), ("-3", -3.0), ("+2,5", 2.5), ("0,1", 0.1),
            ("123456789012345", 123_456_789_012_345.0), ("99,999999", 99.999999), ("12345678901234,5", 12_345_678_901_234.5),
        ])
    func accepted(text: String, expected: Double) {
        #expect(FigureText.parse(text) == expected)
    }

    @Test(
        "bị từ chối",
        arguments: ["", ".", "5.", ".5", "1.2.3", "1,234.5", "12a", "1e5", "0x10", "nan", "1234567890123456", "1,1234567", "--1"])
    func refused(text: String) {
        #expect(FigureText.parse(text) == nil)
    }

    @Test(
        "số với số chữ số thập phân cố định của chỉ tiêu: giữ số 0 ở cuối, làm tròn, nhóm hàng nghìn",
        arguments: [
            (0.7, 2, "0,70"), (8479.0, 1, "8.479,0"), (98.538_4, 1, "98,5"), (88.9, 2, "88,90"), (12.0, 0, "12"),
            (1_234.565_1, 2, "1.234,57"), (-3.5, 2, "-3,50"), (0.004, 2, "0,00"),
        ])
    func fixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(VietnameseFormat.number(value, decimals: decimals) == expected)
    }
}
