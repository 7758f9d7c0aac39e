import Testing
import TongketKit

@testable import TongketCore
@testable import TongketDocument

/// Every expected figure here is worked out by hand in the comments.
@Suite("Tổng hợp chỉ tiêu theo giai đoạn")
struct AggregationTests {
    static let table = AppendixTable(
        id: "pl", number: "01", title: "Thử", ownerID: "x", filledBy: [],
        indicators: [
            Indicator(id: "nhan", name: "Nhận", measure: "hồ sơ", type: .count, aggregation: .sum, filledBy: []),
            Indicator(id: "dung-han", name: "Đúng hạn", measure: "hồ sơ", type: .count, aggregation: .sum, filledBy: []),
            Indicator(id: "hai-long", name: "Hài lòng", measure: "%", type: .percent, aggregation: .average, filledBy: []),
            Indicator(id: "phong", name: "Phòng", measure: "phòng", type: .count, aggregation: .latest, filledBy: []),
            Indicator(
                id: "ty-le", name: "Tỷ lệ", measure: "%", type: .percent,
                aggregation: .ratio(numerator: "dung-han", denominator: "nhan"), filledBy: []),
        ], rules: [])

    static let figures: [String: [Int: Double]] = [
        "nhan": [2011: 200, 2012: 300, 2016: 50],
        "dung-han": [2011: 150, 2012: 270, 2016: 50],
        "hai-long": [2011: 80, 2013: 90, 2020: 70],
        "phong": [2011: 7, 2014: 9],
    ]

    func value(_ id: String, _ years: ClosedRange<Int>) -> Double? {
        guard let indicator = Self.table.indicator(id) else { return nil }
        return Aggregation.value(of: indicator, in: Self.table, figures: Self.figures, years: years)
    }

    @Test("cộng: 200 + 300 = 500 ở giai đoạn đầu, 50 ở giai đoạn sau, 550 cả kỳ")
    func sum() {
        #expect(value("nhan", 2011...2015) == 500)
        #expect(value("nhan", 2016...2020) == 50)
        #expect(value("nhan", 2011...2020) == 550)
        #expect(value("nhan", 2013...2015) == nil)
    }

    @Test("bình quân các năm có số liệu: (80 + 90) / 2 = 85; (80 + 90 + 70) / 3 = 80")
    func average() {
        #expect(value("hai-long", 2011...2015) == 85)
        #expect(value("hai-long", 2016...2020) == 70)
        #expect(value("hai-long", 2011...2020) == 80)
    }

    @Test("cuối kỳ: năm cuối có số liệu (2014 → 9); giai đoạn sau không có")
    func latest() {
        #expect(value("phong", 2011...2015) == 9)
        #expect(value("phong", 2016...2020) == nil)
        #expect(value("phong", 2011...2020) == 9)
        #expect(value("phong", 2011...2011) == 7)
    }

    @Test("tỷ số tính lại từ tử số, mẫu số: 150/200 = 75%; (150 + 270)/(200 + 300) = 84%; 470/550")
    func ratio() throws {
        #expect(value("ty-le", 2011...2011) == 75)
        #expect(value("ty-le", 2011...2015) == 84)
        let whole = try #require(value("ty-le", 2011...2020))
        #expect(abs(whole - 100 * 470 / 550) < 1e-9)
        #expect(value("ty-le", 2013...2013) == nil)
    }

    @Test("gộp nhiều đơn vị trong một năm")
    func combine() {
        #expect(Aggregation.combine([1, 2, 3], by: .sum) == 6)
        #expect(Aggregation.combine([80, 90], by: .average) == 85)
        #expect(Aggregation.combine([10, 20], by: .latest) == 30)
        #expect(Aggregation.combine([], by: .sum) == nil)
        #expect(Aggregation.combine([1], by: .ratio(numerator: "a", denominator: "b")) == nil)
    }

    @Test("cộng dồn khi số đến (Running) cho đúng từng bit như cộng cả danh sách: 0,1 + 0,2 + 0,3; bình quân có trọng số")
    func running() {
        // Left to right as a list would be added: (0.1 + 0.2) + 0.3 = 0.6000000000000001, not 0.6.
        var sum = Aggregation.Running()
        for value in [0.1, 0.2, 0.3] { sum.add(value, weight: 1) }
        #expect(sum.combined(by: .sum) == 0.6000000000000001)
        #expect(sum.combined(by: .latest) == 0.6000000000000001)
        // Weighted mean: (80 × 3 + 90 × 1) / (3 + 1) = 330 / 4 = 82.5; the weight 4 is kept.
        var mean = Aggregation.Running()
        mean.add(80, weight: 3)
        mean.add(90, weight: 1)
        #expect(mean.combined(by: .average) == 82.5)
        #expect(mean.weight == 4)
        #expect(Aggregation.combine(weighted: [(80, 3), (90, 1)], by: .average) == 82.5)
        // Weights of zero: no reports behind the values, so no mean.
        var none = Aggregation.Running()
        none.add(50, weight: 0)
        #expect(none.combined(by: .average) == nil)
        #expect(none.combined(by: .sum) == 50)
        #expect(Aggregation.Running().combined(by: .sum) == nil)
        #expect(mean.combined(by: .ratio(numerator: "a", denominator: "b")) == nil)
    }
}
