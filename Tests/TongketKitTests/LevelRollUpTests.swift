import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// The invariant of consolidation by level: the top's figures, taken through every intermediate
/// roll-up, equal the figures taken at once from every leaf report (communes, plus every
/// intermediate body's own figures), for every aggregation rule, in a two-tier and a three-tier
/// shape built from one outline text by the same code. The expected figures are computed here,
/// by hand, from the generated leaf values; none is read from tongket's output.
@Suite("Tổng hợp theo cấp: số liệu qua các cấp bằng số liệu tính thẳng từ báo cáo gốc")
struct LevelRollUpTests {
    /// A small outline with one appendix holding every rule: a sum, a stock, an average and a
    /// ratio of two sums. `districts` 0 gives the two-tier shape (communes report to the top);
    /// `provinces` > 0 a national one, where provinces (with their departments and districts)
    /// report to the top and each level is rolled up in turn.
    static func outlineFolder(districts: Int, communes: Int, departments: Int, provinces: Int = 0) throws -> URL {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("de-cuong")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("phu-luc"), withIntermediateDirectories: true)
        var programme = try String(contentsOf: Fixtures.outlineDirectory.appendingPathComponent("chuong-trinh.yaml"), encoding: .utf8)
        let start = try #require(programme.range(of: "loai_don_vi:"))
        let end = try #require(programme.range(of: "noi_nhan_mac_dinh:"))
        let levels =
            provinces > 0
            ? """
            loai_don_vi:
              so-nganh: Sở, ngành
              huyen: UBND huyện
              xa: UBND xã
              tinh: UBND tỉnh
            cap:
              - {ma: cap-xa, ten: Cấp xã, loai_don_vi: [xa]}
              - {ma: cap-huyen, ten: Cấp huyện, loai_don_vi: [huyen, so-nganh]}
              - {ma: cap-tinh, ten: Cấp tỉnh, loai_don_vi: [tinh]}

            """
            : districts > 0
                ? """
                loai_don_vi:
                  so-nganh: Sở, ngành
                  huyen: UBND huyện
                  xa: UBND xã
                cap:
                  - {ma: cap-xa, ten: Cấp xã, loai_don_vi: [xa]}
                  - {ma: cap-huyen, ten: Cấp huyện, loai_don_vi: [huyen]}
                  - {ma: cap-tinh, ten: Cấp tỉnh, loai_don_vi: [so-nganh]}

                """
                : """
                loai_don_vi:
                  so-nganh: Sở, ngành
                  xa: UBND xã
                cap:
                  - {ma: cap-xa, ten: Cấp xã, loai_don_vi: [xa]}
                  - {ma: cap-tinh, ten: Cấp tỉnh, loai_don_vi: [so-nganh]}

                """
        programme.replaceSubrange(start.lowerBound..<end.lowerBound, with: levels)
        var units = ["don_vi:", "  - {ma: so-noi-vu, ten: Sở Nội vụ, loai: so-nganh, ky_hieu: SNV}"]
        for d in 1..<max(departments, 1) { units.append("  - {ma: so-\(d), ten: Sở thứ \(d), loai: so-nganh, ky_hieu: S\(d)}") }
        if provinces > 0 {
            for t in 1...provinces {
                units.append("  - {ma: t-\(t), ten: UBND tỉnh \(t), loai: tinh, ky_hieu: UBND, dia_danh: Tỉnh \(t)}")
                for d in 1...max(departments, 1) {
                    units.append("  - {ma: t-\(t)-s-\(d), ten: Sở \(t)-\(d), loai: so-nganh, cap_tren: t-\(t), ky_hieu: S}")
                }
                for h in 1...max(districts, 1) {
                    units.append("  - {ma: t-\(t)-h-\(h), ten: UBND huyện \(t)-\(h), loai: huyen, cap_tren: t-\(t), ky_hieu: UBND}")
                    for x in 1...communes {
                        units.append(
                            "  - {ma: t-\(t)-h-\(h)-x-\(x), ten: UBND xã \(t)-\(h)-\(x), loai: xa, cap_tren: t-\(t)-h-\(h), ky_hieu: UBND}")
                    }
                }
            }
        } else if districts > 0 {
            for h in 1...districts {
                units.append("  - {ma: h-\(h), ten: UBND huyện \(h), loai: huyen, ky_hieu: UBND, dia_danh: Huyện \(h)}")
                for x in 1...communes {
                    units.append("  - {ma: x-\(h)-\(x), ten: UBND xã \(h)-\(x), loai: xa, cap_tren: h-\(h), ky_hieu: UBND}")
                }
            }
        } else {
            for x in 1...communes { units.append("  - {ma: x-\(x), ten: UBND xã \(x), loai: xa, ky_hieu: UBND}") }
        }
        let kinds = provinces > 0 ? "[so-nganh, huyen, xa, tinh]" : districts > 0 ? "[so-nganh, huyen, xa]" : "[so-nganh, xa]"
        let files: [String: String] = [
            "chuong-trinh.yaml": programme,
            "don-vi.yaml": units.joined(separator: "\n") + "\n",
            "chuyen-de.yaml": "chuyen_de: []\n",
            "muc-tieu.yaml": "muc_tieu: []\n",
            "de-cuong.yaml": """
            muc:
              - {ma: ket-qua, tieu_de: Kết quả, kieu: van-ban, huong_dan: Nêu kết quả., bat_buoc: \(kinds)}
              - {ma: han-che, tieu_de: Hạn chế, kieu: danh-sach, huong_dan: Mỗi ý một hạn chế., bat_buoc: \(kinds)}

            """,
            "phu-luc/01.yaml": """
            ma: phu-luc-01
            so: "01"
            ten: Bảng thử mọi cách cộng
            chu_tri: so-noi-vu
            don_vi_dien: \(kinds)
            chi_tieu:
              - {ma: tong, ten: Số cộng dồn, don_vi_tinh: hồ sơ, kieu: so-luong, tong_hop: cong}
              - {ma: mau, ten: Mẫu số, don_vi_tinh: hồ sơ, kieu: so-luong, tong_hop: cong}
              - {ma: ton, ten: Số cuối kỳ, don_vi_tinh: đơn vị, kieu: so-luong, tong_hop: cuoi-ky}
              - {ma: bq, ten: Điểm bình quân, don_vi_tinh: điểm, kieu: diem, tong_hop: trung-binh}
              - {ma: bq-sl, ten: Số bình quân, don_vi_tinh: người, kieu: so-luong, tong_hop: trung-binh}
              - {ma: tl, ten: Tỷ lệ, don_vi_tinh: "%", kieu: ty-le, tong_hop: ty-so, tu_so: tong, mau_so: mau}

            """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static let indicators = ["tong", "mau", "ton", "bq", "bq-sl"]

    /// Random figures for one report: some years missing, `tong` ≤ `mau`; nil for a unit left
    /// out altogether.
    static func figures(_ random: inout SplitMix64, years: ClosedRange<Int>) -> [String: [Int: Double]] {
        var result: [String: [Int: Double]] = [:]
        for year in years where random.next() % 5 != 0 {
            let denominator = Double(random.next() % 900 + 100)
            result["mau", default: [:]][year] = denominator
            result["tong", default: [:]][year] = Double(random.next() % UInt64(denominator + 1))
        }
        for id in ["ton", "bq-sl"] {
            for year in years where random.next() % 4 != 0 { result[id, default: [:]][year] = Double(random.next() % 50) }
        }
        for year in years where random.next() % 4 != 0 { result["bq", default: [:]][year] = Double(random.next() % 1000) / 10 }
        return result
    }

    static func submission(_ unitID: String, figures: [String: [Int: Double]], text: String) -> String {
        var lines = [
            "don_vi: \(unitID)", "bao_cao: {so: \"1/BC\", ngay: \"10/04/2020\"}", "nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn A}",
            "noi_dung:", "  ket-qua: \(YAMLText.quoted(text))", "  han-che:", "    - \(YAMLText.quoted("Hạn chế chung của các đơn vị."))",
            "    - \(YAMLText.quoted("Hạn chế riêng của \(unitID)."))", "phu_luc:", "  phu-luc-01:",
        ]
        for id in indicators {
            guard let series = figures[id], !series.isEmpty else { continue }
            lines.append("    \(id): " + RollUpWriter.flow(series))
        }
        if figures.values.allSatisfy(\.isEmpty) { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes every leaf report and rolls every unit with children up through `RollUpWriter`,
    /// deepest first, reading each roll-up back as that unit's report for its parent, then
    /// consolidates at the top. Returns the top's table and the leaf figures it should equal.
    static func run(districts: Int, communes: Int, departments: Int, provinces: Int = 0, seed: UInt64) throws -> (
        totals: AppendixTotals, leaves: [[String: [Int: Double]]], outline: Outline
    ) {
        let outline = try OutlineLoader.load(
            from: outlineFolder(districts: districts, communes: communes, departments: departments, provinces: provinces))
        var random = SplitMix64(seed: seed)
        let years = outline.programme.years
        var leaves: [[String: [Int: Double]]] = []
        func load(_ text: String, _ name: String) throws -> LoadedSubmission {
            let loaded = SubmissionLoader.load(Data(text.utf8), file: name, outline: outline)
            #expect(!loaded.diagnostics.hasErrors(), "\(name): \(loaded.diagnostics.map(\.description))")
            return loaded
        }
        /// The report `unit` sends up, or nil when it sends none: its own, rolled up with its
        /// children's when it has any.
        func report(of unit: ReportingUnit) throws -> LoadedSubmission? {
            // About one unit in seven sends nothing at all.
            if random.next() % 7 == 0 && unit.id != "so-noi-vu" { return nil }
            let own = figures(&random, years: years)
            leaves.append(own)
            let ownText = submission(unit.id, figures: own, text: "Phần của \(unit.name).")
            guard outline.hasChildren(unit.id) else { return try load(ownText, "\(unit.id).yaml") }
            var scoped = Consolidator(outline: outline, scope: unit.id)
            scoped.add(try load(ownText, "\(unit.id)/\(unit.id).yaml"), file: "\(unit.id)/\(unit.id).yaml")
            for child in outline.children(of: unit.id) {
                if let sent = try report(of: child) { scoped.add(sent, file: "\(unit.id)/\(child.id).yaml") }
            }
            let consolidation = scoped.consolidate(asOf: outline.programme.unitDeadline)
            let ownReport = try #require(scoped.ownSubmission)
            let digests = ([unit.id] + scoped.usedFiles.keys.filter { $0 != unit.id }.sorted()).map {
                (unitID: $0, sha256: String(repeating: "a", count: 64))
            }
            let rolled = RollUpWriter(outline: outline, unit: unit, own: ownReport, consolidation: consolidation, digests: digests).yaml()
            let loaded = try load(rolled, "\(unit.id).yaml")
            #expect(loaded.submission?.rollUp?.sources.count == digests.count)
            return loaded
        }
        var top = Consolidator(outline: outline)
        for unit in outline.children(of: nil) {
            if let sent = try report(of: unit) { top.add(sent, file: "\(unit.id).yaml") }
        }
        let consolidation = top.consolidate(asOf: outline.programme.consolidatedDeadline)
        return (try #require(consolidation.appendices.first { $0.table.id == "phu-luc-01" }), leaves, outline)
    }

    /// By hand: each year, sums and stocks added over the leaves that have the year, averages
    /// the plain mean of those leaves; then over a range, the rule of the indicator.
    static func expected(_ id: String, leaves: [[String: [Int: Double]]], years: ClosedRange<Int>) -> Double? {
        func year(_ id: String, _ y: Int) -> Double? {
            let values = leaves.compactMap { $0[id]?[y] }
            guard !values.isEmpty else { return nil }
            let total = values.reduce(0, +)
            return id.hasPrefix("bq") ? total / Double(values.count) : total
        }
        switch id {
        case "tl":
            guard let top = expected("tong", leaves: leaves, years: years), let bottom = expected("mau", leaves: leaves, years: years),
                bottom != 0
            else { return nil }
            return 100 * top / bottom
        case "ton": return years.reversed().lazy.compactMap { year(id, $0) }.first
        default:
            let values = years.compactMap { year(id, $0) }
            guard !values.isEmpty else { return nil }
            return id.hasPrefix("bq") ? values.reduce(0, +) / Double(values.count) : values.reduce(0, +)
        }
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        // A roll-up writes figures to six decimal places, as a submission takes them.
        case (let a?, let b?): return abs(a - b) <= 1e-6 * max(1, abs(b))
        default: return false
        }
    }

    @Test(
        "mọi chỉ tiêu, mọi năm, mọi giai đoạn: qua các cấp bằng tính thẳng (hai cấp, ba cấp, toàn quốc; dữ liệu ngẫu nhiên thiếu năm, thiếu đơn vị)",
        arguments: [
            (0, 3, 4, 2, UInt64(1)), (0, 5, 3, 3, 2), (0, 2, 7, 1, 3), (0, 0, 9, 2, 4), (0, 0, 15, 3, 5), (0, 4, 1, 1, 6),
            (3, 2, 3, 2, 7), (2, 3, 2, 1, 8),
        ])
    func invariant(provinces: Int, districts: Int, communes: Int, departments: Int, seed: UInt64) throws {
        let (totals, leaves, outline) = try Self.run(
            districts: districts, communes: communes, departments: departments, provinces: provinces, seed: seed)
        let programme = outline.programme
        var ranges = programme.years.map { $0...$0 }
        ranges += programme.phases.map { $0.firstYear...$0.lastYear }
        ranges.append(programme.years)
        for indicator in totals.table.indicators {
            for years in ranges {
                let actual = Aggregation.value(of: indicator, in: totals.table, figures: totals.figures, years: years)
                let wanted = Self.expected(indicator.id, leaves: leaves, years: years)
                #expect(
                    Self.close(actual, wanted), "\(indicator.id) \(years): \(String(describing: actual)) ≠ \(String(describing: wanted))")
            }
        }
    }

    @Test("báo cáo gửi cấp trên giữ phần của huyện, rồi phần của các xã; ý trùng gộp một lần kèm mọi xã")
    func rolledUpText() throws {
        let outline = try OutlineLoader.load(from: Self.outlineFolder(districts: 1, communes: 2, departments: 1))
        var district = Consolidator(outline: outline, scope: "h-1")
        for id in ["h-1", "x-1-1", "x-1-2"] {
            let text = Self.submission(id, figures: [:], text: "Phần của \(id).")
            district.add(SubmissionLoader.load(Data(text.utf8), file: "\(id).yaml", outline: outline), file: "\(id).yaml")
        }
        let consolidation = district.consolidate(asOf: outline.programme.unitDeadline)
        let writer = RollUpWriter(
            outline: outline, unit: try #require(outline.unit("h-1")), own: try #require(district.ownSubmission),
            consolidation: consolidation, digests: [("h-1", String(repeating: "b", count: 64))])
        let yaml = writer.yaml()
        #expect(
            yaml.contains(
                """
                  ket-qua: |
                    Phần của h-1.

                    **Tổng hợp từ báo cáo của các đơn vị cấp dưới:**

                    *UBND xã 1-1:*

                    Phần của x-1-1.

                    *UBND xã 1-2:*

                    Phần của x-1-2.
                  han-che:
                    - "Hạn chế chung của các đơn vị."
                    - "Hạn chế riêng của h-1."
                    - "Hạn chế chung của các đơn vị. *(UBND xã 1-1, UBND xã 1-2)*"
                    - "Hạn chế riêng của x-1-1. *(UBND xã 1-1)*"
                    - "Hạn chế riêng của x-1-2. *(UBND xã 1-2)*"
                """))
        #expect(yaml.contains("tong_hop_tu:\n  de_cuong: \"\(outline.sourceDigest ?? "")\"\n  bao_cao:\n    - don_vi: h-1\n"))
        // A final report keeps its children's material in its own annex: what goes up is the
        // district's own text, where it wrote one.
        let final = RollUpWriter(
            outline: outline, unit: try #require(outline.unit("h-1")), own: try #require(district.ownSubmission),
            consolidation: consolidation, digests: [("h-1", String(repeating: "b", count: 64))], placement: .annex
        ).yaml()
        #expect(
            final.contains(
                "  ket-qua: |\n    Phần của h-1.\n  han-che:\n    - \"Hạn chế chung của các đơn vị.\"\n    - \"Hạn chế riêng của h-1.\"\n"))
        #expect(!final.contains("x-1-1"))
    }
}
