import Foundation
import Testing
import TongketKit
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Đề cương CCHC 2011–2020 dưới dạng dữ liệu")
struct OutlineTests {
    let outline: Outline

    init() throws { outline = try Fixtures.outline() }

    @Test("danh mục đơn vị: 27 đơn vị cấp huyện, 20 sở ngành, 5 cơ quan Trung ương")
    func unitRegistry() {
        #expect(outline.units.filter { $0.kind == "huyen" }.count == 27)
        #expect(outline.units.filter { $0.kind == "so-nganh" }.count == 20)
        #expect(outline.units.filter { $0.kind == "trung-uong" }.count == 5)
        #expect(Set(outline.units.map(\.id)).count == outline.units.count)
        let ngaSon = outline.unit("h-nga-son")
        #expect(ngaSon?.name == "UBND huyện Nga Sơn")
        #expect(ngaSon?.bodyLines == ["ỦY BAN NHÂN DÂN", "HUYỆN NGA SƠN"])
        #expect(outline.unit("so-tu-phap")?.parentBody == "UBND TỈNH THANH HÓA")
    }

    @Test("mười chuyên đề của Kế hoạch 34, với phụ lục 02–07")
    func thematicAssignments() {
        #expect(outline.thematics.map(\.number) == Array(1...10))
        let owners = outline.thematics.map(\.unitID)
        #expect(
            owners == [
                "so-tu-phap", "van-phong-ubnd", "so-noi-vu", "so-tai-chinh", "so-thong-tin-truyen-thong",
                "so-khoa-hoc-cong-nghe", "so-ke-hoach-dau-tu", "so-y-te", "so-giao-duc", "so-van-hoa",
            ])
        #expect(outline.thematic(for: "so-noi-vu")?.appendixIDs == ["phu-luc-04", "phu-luc-05"])
        #expect(outline.thematic(for: "so-y-te")?.appendixIDs == [])
        #expect(outline.thematic(for: "h-nga-son") == nil)
    }

    @Test("thời hạn 30/4, 20/5 và 20/6/2020")
    func deadlines() {
        #expect(outline.programme.unitDeadline == SimpleDate(year: 2020, month: 4, day: 30))
        #expect(outline.programme.thematicDeadline == SimpleDate(year: 2020, month: 5, day: 20))
        #expect(outline.programme.consolidatedDeadline == SimpleDate(year: 2020, month: 6, day: 20))
        #expect(outline.programme.phases.map(\.name) == ["Giai đoạn 2011 - 2015", "Giai đoạn 2016 - 2020"])
        #expect(outline.programme.years == 2011...2020)
    }

    @Test("phụ lục: chỉ tiêu, cách tổng hợp và ràng buộc")
    func appendices() throws {
        #expect(outline.appendices.map(\.number) == ["02", "03", "04", "05", "06", "07", "08"])
        let tthc = try #require(outline.appendix("phu-luc-03"))
        #expect(tthc.indicator("ho-so-tiep-nhan")?.aggregation == .sum)
        #expect(tthc.indicator("tthc-tham-quyen")?.aggregation == .latest)
        #expect(tthc.indicator("ty-le-dung-han")?.aggregation == .ratio(numerator: "ho-so-dung-han", denominator: "ho-so-tiep-nhan"))
        #expect(tthc.indicator("ty-le-dung-han")?.isEntered == false)
        #expect(tthc.rules.map { "\($0.indicatorID)≤\($0.limitID)" } == ["ho-so-dung-han≤ho-so-tiep-nhan"])
        #expect(outline.appendix("phu-luc-06")?.indicator("thu-nhap-tang-them")?.aggregation == .average)
    }

    @Test("mục tiêu của Nghị quyết 30c gắn với chỉ tiêu: trên 80% vào năm 2020")
    func targets() {
        #expect(outline.targets.count == 3)
        for target in outline.targets {
            #expect(target.value == 80)
            #expect(target.comparison == .greater)
            #expect(target.year == 2020)
            #expect(outline.appendix(target.appendixID)?.indicator(target.indicatorID) != nil)
        }
        #expect(Target.Comparison.greater.holds(80.01, against: 80))
        #expect(!Target.Comparison.greater.holds(80, against: 80))
        #expect(Target.Comparison.atLeast.holds(80, against: 80))
    }

    @Test("đánh số theo độ sâu: Phần I / I. / 1. / a)")
    func numberingOfTheTree() {
        let labels = Dictionary(uniqueKeysWithValues: outline.flattened.map { ($0.section.key, $0.label) })
        #expect(labels["ket-qua"] == "Phần I")
        #expect(labels["phuong-huong"] == "Phần II")
        #expect(labels["kien-nghi-de-xuat"] == "Phần III")
        #expect(labels["boi-canh"] == "I.")
        #expect(labels["noi-dung-cchc"] == "III.")
        #expect(labels["cai-cach-tthc"] == "2.")
        #expect(labels["ung-dung-cntt"] == "a)")
        #expect(labels["ap-dung-iso"] == "b)")
        #expect(labels["nguyen-nhan-chu-quan"] == "b)")
        #expect(labels["danh-gia-chung"] == "VI.")
    }

    @Test("ai phải viết mục nào")
    func requirements() throws {
        let survey = try #require(outline.section("khao-sat-chi-so"))
        #expect(survey.requirement(for: "huyen") == .required)
        #expect(survey.requirement(for: "so-nganh") == .optional)
        let health = try #require(outline.section("dich-vu-y-te"))
        #expect(health.requirement(for: "so-nganh") == .notApplicable)
        // Children inherit the parent's list unless they set their own.
        #expect(outline.section("bai-hoc")?.requirement(for: "trung-uong") == .required)
        #expect(outline.section("kinh-phi-cchc")?.requirement(for: "huyen") == .optional)
    }

    @Test("mọi văn bản của đề cương ở dạng NFC")
    func textIsNFC() throws {
        for section in outline.flattened.map(\.section) {
            #expect(section.title == section.title.precomposedStringWithCanonicalMapping)
            #expect(Array(section.title.utf8) == Array(section.title.precomposedStringWithCanonicalMapping.utf8))
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: Fixtures.outlineDirectory.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == 12)
        for file in files {
            let data = try Data(contentsOf: Fixtures.outlineDirectory.appendingPathComponent(file))
            let text = String(decoding: data, as: UTF8.self)
            #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(data), "\(file) không ở dạng NFC")
        }
    }

    @Test("lệnh outline in cây đề cương (tệp mẫu)")
    func printedTree() {
        #expect(Golden.mismatch(OutlinePrinter.tree(outline), "outline/tree.txt") == nil)
        #expect(Golden.mismatch(OutlinePrinter.units(outline), "outline/units.txt") == nil)
        #expect(Golden.mismatch(OutlinePrinter.appendices(outline), "outline/appendices.txt") == nil)
    }
}

@Suite("Đề cương là dữ liệu: thêm mục thì số tự đổi")
struct OutlineEditTests {
    @Test("thêm một mục vào đầu Phần I: các mục sau lùi một số")
    func insertingASectionRenumbers() throws {
        let copy = try Fixtures.temporaryDirectory().appendingPathComponent("de-cuong")
        try FileManager.default.copyItem(at: Fixtures.outlineDirectory, to: copy)
        let file = copy.appendingPathComponent("de-cuong.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let added = """
                  - ma: muc-moi
                    tieu_de: Mục mới thêm
                    kieu: van-ban
                    huong_dan: Thử thêm mục.
                  - ma: boi-canh

            """
        try Data(text.replacingOccurrences(of: "      - ma: boi-canh\n", with: added).utf8).write(to: file)
        let outline = try OutlineLoader.load(from: copy)
        let labels = Dictionary(uniqueKeysWithValues: outline.flattened.map { ($0.section.key, $0.label) })
        #expect(labels["muc-moi"] == "I.")
        #expect(labels["boi-canh"] == "II.")
        #expect(labels["chi-dao-dieu-hanh"] == "III.")
        #expect(labels["danh-gia-chung"] == "VII.")
        // A district must now write the new section too (it inherits Part I's list).
        #expect(outline.section("muc-moi")?.requirement(for: "huyen") == .required)
    }

    @Test("outline --appendices, --units: mã dài hơn cột vẫn in đủ, không bị cắt")
    func longCodesPrintedWhole() throws {
        let outline = try Fixtures.outline()
        let long = "so-van-ban-quy-pham-phap-luat-ban-hanh-theo-tham-quyen"
        var units = outline.units
        units[0].id = "so-noi-vu-va-lao-dong-thuong-binh-xa-hoi"
        var tables = outline.appendices
        let table = try #require(tables.firstIndex { $0.id == "phu-luc-02" })
        tables[table].indicators[0].id = long
        let changed = Outline(
            programme: outline.programme, sections: outline.sections, units: units, thematics: outline.thematics,
            appendices: tables, targets: outline.targets)
        let appendices = OutlinePrinter.appendices(changed)
        #expect(appendices.contains("  \(long) \(changed.appendices[table].indicators[0].name) ("))
        #expect(OutlinePrinter.units(changed).contains("  so-noi-vu-va-lao-dong-thuong-binh-xa-hoi \(changed.units[0].name)"))
        // Short codes keep their column.
        #expect(OutlinePrinter.column("ab", 5) == "ab   ")
    }

    @Test("thap_phan: đọc được từ đề cương; ngoài 0–4 là lỗi có vị trí")
    func declaredDecimals() throws {
        let outline = try Fixtures.outline()
        #expect(outline.appendix("phu-luc-06")?.indicator("thu-nhap-tang-them")?.decimals == 2)
        #expect(outline.appendix("phu-luc-06")?.indicator("kinh-phi-tiet-kiem")?.decimals == 1)
        #expect(outline.appendix("phu-luc-02")?.indicators.first?.decimals == nil)
        #expect(outline.appendix("phu-luc-06")?.indicator("thu-nhap-tang-them")?.format(0.7) == "0,70")
        let broken = try Fixtures.outlineCopy(editing: [
            "phu-luc/06.yaml": { $0.replacingOccurrences(of: "    thap_phan: 1\n", with: "    thap_phan: 7\n") }
        ])
        let checked = OutlineLoader.check(broken)
        #expect(checked.outline == nil)
        // phu-luc/06.yaml: "thap_phan: 1" of kinh-phi-tiet-kiem is on line 20, its value at column 16.
        #expect(
            checked.diagnostics.map(\.description).contains(
                "\(broken.path)/phu-luc/06.yaml:20:16: lỗi: 'thap_phan' là số chữ số thập phân, từ 0 đến 4, nhưng gặp 7"))
    }
}
