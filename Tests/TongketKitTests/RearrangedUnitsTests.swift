import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

/// Two communes, x-a and x-b, ended on 30/06/2024 and formed x-moi on 01/07/2024; x-khac did not
/// change. The period is 2021–2025 (the second bundled programme), so the years before the merger
/// are 2021, 2022 and 2023: x-a and x-b exist on 31/12/2023 but not on 31/12/2024. Every figure
/// below is small and chosen to be combined by hand.
@Suite("Đơn vị thay đổi trong giai đoạn: số liệu các đơn vị cũ tính một lần")
struct RearrangedUnitsTests {
    let outline: Outline

    /// One indicator per aggregation rule the outline supports, and a ratio of two sums.
    static let table = AppendixTable(
        id: "phu-luc-thu", number: "T", title: "Bảng thử", ownerID: "so-noi-vu", filledBy: ["xa-phuong"],
        indicators: [
            Indicator(id: "tong", name: "Cộng", measure: "hồ sơ", type: .count, aggregation: .sum, filledBy: []),
            Indicator(id: "bq", name: "Bình quân", measure: "triệu đồng", type: .amount, aggregation: .average, filledBy: []),
            Indicator(id: "ton", name: "Cuối kỳ", measure: "thôn", type: .count, aggregation: .latest, filledBy: []),
            Indicator(id: "tu", name: "Tử số", measure: "hồ sơ", type: .count, aggregation: .sum, filledBy: []),
            Indicator(id: "mau", name: "Mẫu số", measure: "hồ sơ", type: .count, aggregation: .sum, filledBy: []),
            Indicator(
                id: "ty", name: "Tỷ lệ", measure: "%", type: .percent, aggregation: .ratio(numerator: "tu", denominator: "mau"),
                filledBy: []),
        ], rules: [])

    static let act = "Nghị quyết số 99/NQ-UBTVQH15 ngày 01/6/2024 (thử)"

    static func commune(_ id: String, _ name: String, formed: SimpleDate? = nil, ended: SimpleDate? = nil, from: [String] = [])
        -> ReportingUnit
    {
        ReportingUnit(
            id: id, name: name, kind: "xa-phuong", code: "UBND", parentBody: nil, bodyLines: [name.uppercased()], formed: formed,
            ended: ended, predecessorIDs: from, rearrangement: from.isEmpty ? nil : act)
    }

    static let endOfJune = SimpleDate(year: 2024, month: 6, day: 30)
    static let firstOfJuly = SimpleDate(year: 2024, month: 7, day: 1)

    init() throws {
        let shipped = try OutlineLoader.load(from: Fixtures.root.appendingPathComponent("outline/cchc-2021-2030-so-ket"))
        let units = [
            Self.commune("x-a", "UBND xã An", ended: Self.endOfJune),
            Self.commune("x-b", "UBND xã Bình", ended: Self.endOfJune),
            Self.commune("x-moi", "UBND xã Mới", formed: Self.firstOfJuly, from: ["x-a", "x-b"]),
            Self.commune("x-khac", "UBND xã Khác"),
        ]
        outline = Outline(
            programme: shipped.programme, sections: shipped.sections, units: shipped.units.filter { $0.kind != "xa-phuong" } + units,
            thematics: [], appendices: [Self.table], targets: [])
    }

    // The predecessors' figures for 2021, 2022, 2023.
    static let figuresA: [String: [Int: Double]] = [
        "tong": [2021: 10, 2022: 20, 2023: 30], "bq": [2021: 2, 2022: 4, 2023: 6], "ton": [2021: 5, 2022: 6, 2023: 7],
        "tu": [2021: 8, 2022: 9, 2023: 10], "mau": [2021: 10, 2022: 10, 2023: 10],
    ]
    static let figuresB: [String: [Int: Double]] = [
        "tong": [2021: 1, 2022: 2, 2023: 3], "bq": [2021: 4, 2022: 8, 2023: 12], "ton": [2021: 1, 2022: 1, 2023: 1],
        "tu": [2021: 1, 2022: 2, 2023: 3], "mau": [2021: 5, 2022: 5, 2023: 5],
    ]
    static let figuresOther: [String: [Int: Double]] = [
        "tong": every(100), "bq": every(3), "ton": every(50), "tu": every(40), "mau": every(50),
    ]
    static let figuresNew: [String: [Int: Double]] = [
        "tong": [2024: 40, 2025: 50], "bq": [2024: 9, 2025: 10], "ton": [2024: 9, 2025: 10], "tu": [2024: 14, 2025: 15],
        "mau": [2024: 16, 2025: 16],
    ]

    static func every(_ value: Double) -> [Int: Double] { Dictionary(uniqueKeysWithValues: (2021...2025).map { ($0, value) }) }

    static func submission(
        _ unitID: String, figures: [String: [Int: Double]], predecessors: [String: [String: [Int: Double]]] = [:],
        date: SimpleDate = SimpleDate(year: 2025, month: 8, day: 20)
    ) -> LoadedSubmission {
        let file = "\(unitID).yaml"
        let submission = Submission(
            file: file, unitID: unitID, report: ReportInfo(number: "1/BC-UBND", date: date, summary: nil),
            signer: Signer(authority: nil, title: "CHỦ TỊCH", name: "Thử"), recipients: [], sections: [:], thematic: nil,
            figures: ["phu-luc-thu": figures], commendations: [],
            predecessorFigures: predecessors.mapValues { ["phu-luc-thu": $0] },
            predecessorPlaces: predecessors.mapValues { _ in SourceLocation(file: file, line: 40, column: 3) })
        return LoadedSubmission(submission: submission, diagnostics: [])
    }

    func consolidate(_ submissions: [LoadedSubmission]) -> Consolidation {
        var consolidator = Consolidator(outline: outline)
        for loaded in submissions { consolidator.add(loaded, file: loaded.submission?.file ?? "") }
        return consolidator.consolidate(asOf: outline.programme.consolidatedDeadline)
    }

    /// The predecessors' own (archived) reports, as they sent them while they existed.
    var fromArchives: Consolidation {
        consolidate([
            Self.submission("x-a", figures: Self.figuresA, date: SimpleDate(year: 2024, month: 1, day: 15)),
            Self.submission("x-b", figures: Self.figuresB, date: SimpleDate(year: 2024, month: 1, day: 16)),
            Self.submission("x-khac", figures: Self.figuresOther), Self.submission("x-moi", figures: Self.figuresNew),
        ])
    }

    /// The successor reporting each predecessor's figures under `so_lieu_don_vi_cu`.
    var fromSuccessor: Consolidation {
        consolidate([
            Self.submission("x-khac", figures: Self.figuresOther),
            Self.submission("x-moi", figures: Self.figuresNew, predecessors: ["x-a": Self.figuresA, "x-b": Self.figuresB]),
        ])
    }

    static func value(_ consolidation: Consolidation, _ indicator: String, _ years: ClosedRange<Int>) -> Double? {
        guard let totals = consolidation.appendices.first(where: { $0.table.id == "phu-luc-thu" }),
            let row = totals.table.indicator(indicator)
        else { return nil }
        return Aggregation.value(of: row, in: totals.table, figures: totals.figures, years: years)
    }

    @Test("năm một đơn vị báo cáo: còn tồn tại ngày 31/12 của năm đó")
    func reportingYears() {
        let old = Self.commune("x-a", "UBND xã An", ended: SimpleDate(year: 2025, month: 6, day: 30))
        let new = Self.commune("x-moi", "UBND xã Mới", formed: SimpleDate(year: 2025, month: 7, day: 1), from: ["x-a"])
        #expect(old.reportsYear(2024))
        #expect(!old.reportsYear(2025))
        #expect(!new.reportsYear(2024))
        #expect(new.reportsYear(2025))
        #expect(old.reportedYears(in: 2021...2025) == [2021, 2022, 2023, 2024])
        #expect(new.reportedYears(in: 2021...2025) == [2025])
        // Ended on the last day of a year: it still counts that year.
        #expect(Self.commune("x", "x", ended: SimpleDate(year: 2024, month: 12, day: 31)).reportsYear(2024))
        #expect(Self.commune("x", "x", formed: SimpleDate(year: 2024, month: 12, day: 31)).reportsYear(2024))
        #expect(Self.commune("x", "x").reportsYear(2021))
        #expect(old.exists(on: SimpleDate(year: 2025, month: 6, day: 30)))
        #expect(!old.exists(on: SimpleDate(year: 2025, month: 7, day: 1)))
        #expect(outline.predecessors(of: "x-moi").map(\.id) == ["x-a", "x-b"])
        #expect(outline.predecessors(of: "x-khac").isEmpty)
    }

    @Test(
        "trước khi sáp nhập, số liệu toàn tỉnh như nhau dù dùng báo cáo lưu trữ của xã cũ hay số liệu xã mới ghi thay, với mọi cách tổng hợp",
        arguments: ["tong", "bq", "ton", "tu", "mau", "ty"])
    func sameTotalsEitherWay(indicator: String) {
        let archives = fromArchives
        let successor = fromSuccessor
        for year in 2021...2023 {
            #expect(Self.value(archives, indicator, year...year) != nil)
            #expect(Self.value(archives, indicator, year...year) == Self.value(successor, indicator, year...year), "năm \(year)")
        }
        for years in [2021...2023, 2021...2025, 2024...2025] {
            #expect(Self.value(archives, indicator, years) == Self.value(successor, indicator, years), "\(years)")
        }
        #expect(archives.appendices[0].reporters[indicator] == successor.appendices[0].reporters[indicator])
    }

    @Test("các số toàn tỉnh tính tay: mỗi xã cũ là một đơn vị")
    func handComputedTotals() {
        let c = fromSuccessor
        // 2021: sum 10 + 1 + 100 = 111; mean (2 + 4 + 3) / 3 = 3; stock 5 + 1 + 50 = 56.
        #expect(Self.value(c, "tong", 2021...2021) == 111)
        #expect(Self.value(c, "bq", 2021...2021) == 3)
        #expect(Self.value(c, "ton", 2021...2021) == 56)
        // 2023: mean (6 + 12 + 3) / 3 = 7 — the mean of three communes, not of two (with the old
        // communes added into one row it would be (18 + 3) / 2 = 10,5).
        #expect(Self.value(c, "bq", 2023...2023) == 7)
        // 2022: ratio 100 × (9 + 2 + 40) / (10 + 5 + 50) = 100 × 51 / 65.
        #expect(Self.value(c, "ty", 2022...2022) == 100.0 * 51 / 65)
        // 2024: x-moi and x-khac only: 40 + 100 = 140; the stock 9 + 50 = 59.
        #expect(Self.value(c, "tong", 2024...2024) == 140)
        #expect(Self.value(c, "ton", 2024...2024) == 59)
        // The whole period's stock is the last year's: 10 + 50 = 60.
        #expect(Self.value(c, "ton", 2021...2025) == 60)
        // Four communes gave figures: x-a, x-b (through x-moi), x-moi, x-khac.
        #expect(c.appendices[0].reporters["tong"] == 4)
        #expect(c.appendices[0].contributors == ["x-a", "x-b", "x-moi", "x-khac"])
    }

    @Test("có cả báo cáo lưu trữ của xã cũ và số liệu xã mới ghi thay: dùng báo cáo của xã cũ, cảnh báo, không tính hai lần")
    func overlapCountsOnce() {
        let both = consolidate([
            Self.submission("x-a", figures: Self.figuresA, date: SimpleDate(year: 2024, month: 1, day: 15)),
            Self.submission("x-khac", figures: Self.figuresOther),
            // x-moi reports x-a with different figures: they must not be used.
            Self.submission(
                "x-moi", figures: Self.figuresNew,
                predecessors: ["x-a": Self.figuresA.mapValues { $0.mapValues { $0 * 100 } }, "x-b": Self.figuresB]),
        ])
        let archives = fromArchives
        for indicator in ["tong", "bq", "ton", "ty"] {
            for year in 2021...2023 {
                #expect(Self.value(both, indicator, year...year) == Self.value(archives, indicator, year...year), "\(indicator) \(year)")
            }
        }
        #expect(both.notices.count == 1)
        let notice = both.notices[0]
        #expect(notice.severity == .warning)
        #expect(notice.location == SourceLocation(file: "x-moi.yaml", line: 40, column: 3))
        #expect(notice.message.contains("UBND xã An"))
        #expect(notice.message.contains("x-a.yaml"))
        #expect(notice.message.contains("không tính hai lần"))
    }

    @Test("bảng tình hình gửi: xã đã kết thúc không thuộc diện phải gửi; báo cáo lưu trữ được ghi rõ, không là lỗi")
    func statusAnnex() {
        let successor = fromSuccessor
        #expect(!successor.annex.contains { ["x-a", "x-b"].contains($0.unit.id) })
        #expect(successor.expectedCount == successor.annex.count)
        let archives = fromArchives
        let old = archives.annex.filter { ["x-a", "x-b"].contains($0.unit.id) }
        #expect(old.count == 2)
        #expect(old.allSatisfy { !$0.isExpected && $0.isIncluded && $0.daysLate(asOf: archives.asOf) == nil })
        #expect(archives.expectedCount == successor.expectedCount)
        let table = TableBuilder.annex(archives.annex, asOf: archives.asOf, reportTitle: "Báo cáo sơ kết")
        let row = table.rows.first { $0[1] == "UBND xã An" }
        #expect(row?[2] == "15/01/2024, báo cáo lưu trữ (đơn vị kết thúc ngày 30/06/2024, không thuộc diện phải gửi)")
        // Nobody here owes a thematic report: no column for one, the verdict last.
        #expect(table.columns.map(\.title) == ["TT", "Đơn vị", "Báo cáo sơ kết", "Kết quả kiểm tra"])
        #expect(row?.last == "hợp lệ")
        // Expected units: the departments of the shipped outline and the two communes that exist.
        let summary = StatusReport.summary(archives.annex, asOf: archives.asOf)
        #expect(summary.hasSuffix("; báo cáo lưu trữ của 2 đơn vị đã kết thúc."))
        #expect(summary.contains("đã gửi 2/\(successor.expectedCount) đơn vị"))
    }

    @Test("ghi chú dưới bảng phụ lục: ngày, đơn vị mới, các đơn vị cũ, nghị quyết")
    func noteUnderTheTable() throws {
        let totals = try #require(fromSuccessor.appendices.first)
        #expect(
            RearrangementNote.notes(for: totals, outline: outline) == [
                "Ghi chú: Từ ngày 01/7/2024, xã Mới được thành lập trên cơ sở xã An, xã Bình (Nghị quyết số 99/NQ-UBTVQH15 ngày 01/6/2024 (thử)); số liệu các năm trước năm 2024 là của các đơn vị cũ."
            ])
        // A table nobody in the chain reported has no note.
        var untouched = totals
        untouched.contributors = ["x-khac"]
        #expect(RearrangementNote.notes(for: untouched, outline: outline).isEmpty)
    }
}
