import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

/// The small fixture in Tests/Fixtures/tong-hop has figures chosen to be added up by hand; every
/// expected value below is worked out in its comment, never read back from the code.
@Suite("Tổng hợp báo cáo của các đơn vị")
struct ConsolidationTests {
    let outline: Outline
    let consolidation: Consolidation
    let consolidator: Consolidator

    static let folder = Fixtures.root.appendingPathComponent("Tests/Fixtures/tong-hop")

    init() throws {
        outline = try Fixtures.outline()
        consolidator = SubmissionFolder.consolidator(paths: [Self.folder.path], outline: outline, strict: false)
        consolidation = consolidator.consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20))
    }

    func totals(_ table: String) throws -> AppendixTotals {
        try #require(consolidation.appendices.first { $0.table.id == table })
    }

    func value(_ table: String, _ indicator: String, _ years: ClosedRange<Int>) throws -> Double? {
        let t = try totals(table)
        return Aggregation.value(of: try #require(t.table.indicator(indicator)), in: t.table, figures: t.figures, years: years)
    }

    @Test("cộng theo năm, giai đoạn và cả kỳ: hồ sơ tiếp nhận 100 + 50 + 10 = 160 năm 2011")
    func sums() throws {
        #expect(try totals("phu-luc-03").figures["ho-so-tiep-nhan"] == [2011: 160, 2016: 200, 2017: 100])
        #expect(try value("phu-luc-03", "ho-so-tiep-nhan", 2011...2015) == 160)
        #expect(try value("phu-luc-03", "ho-so-tiep-nhan", 2016...2020) == 300)
        #expect(try value("phu-luc-03", "ho-so-tiep-nhan", 2011...2020) == 460)
        // Sở Công Thương's file has an error: its 999 is not counted anywhere.
        #expect(try totals("phu-luc-03").reporters["ho-so-tiep-nhan"] == 3)
    }

    @Test("tỷ lệ tính lại từ tổng: 150/160 = 93,75%; 270/300 = 90%; 420/460")
    func ratios() throws {
        #expect(try value("phu-luc-03", "ty-le-dung-han", 2011...2011) == 93.75)
        #expect(try value("phu-luc-03", "ty-le-dung-han", 2011...2015) == 93.75)
        #expect(try value("phu-luc-03", "ty-le-dung-han", 2016...2020) == 90)
        let whole = try #require(try value("phu-luc-03", "ty-le-dung-han", 2011...2020))
        #expect(abs(whole - 42000.0 / 460.0) < 1e-9)
    }

    @Test("bình quân: năm 2011 (1 + 3) / 2 = 2; năm 2012 chỉ Nga Sơn = 4; giai đoạn (2 + 4) / 2 = 3")
    func averages() throws {
        #expect(try totals("phu-luc-06").figures["thu-nhap-tang-them"] == [2011: 2, 2012: 4])
        #expect(try value("phu-luc-06", "thu-nhap-tang-them", 2011...2015) == 3)
        #expect(try totals("phu-luc-06").reporters["thu-nhap-tang-them"] == 2)
    }

    @Test("số cuối kỳ cộng các đơn vị: 27 + 11 = 38 (2011), 22 + 11 = 33 (2020); cả kỳ lấy 2020")
    func stocks() throws {
        #expect(try totals("phu-luc-04").figures["don-vi-hanh-chinh-xa"] == [2011: 38, 2020: 33])
        #expect(try value("phu-luc-04", "don-vi-hanh-chinh-xa", 2011...2015) == 38)
        #expect(try value("phu-luc-04", "don-vi-hanh-chinh-xa", 2016...2020) == 33)
        #expect(try value("phu-luc-04", "don-vi-hanh-chinh-xa", 2011...2020) == 33)
    }

    @Test("mục tiêu: hài lòng 79,5 không đạt mức trên 80, thấp hơn 0,5; y tế chưa có số liệu")
    func targets() throws {
        let administration = try #require(consolidation.targets.first { $0.target.id == "hai-long-hanh-chinh-2020" })
        #expect(administration.value == 79.5)
        #expect(administration.met == false)
        #expect(administration.difference == -0.5)
        let health = try #require(consolidation.targets.first { $0.target.id == "hai-long-y-te-2020" })
        #expect(health.value == nil && health.met == nil)
        let table = TableBuilder.targets(consolidation.targets)
        #expect(table.rows[0].suffix(4) == ["79,5", "> 80 (năm 2020)", "Không đạt", "thấp hơn 0,5"])
        #expect(table.rows[1].suffix(4) == ["chưa có số liệu", "> 80 (năm 2020)", "chưa đánh giá được", "-"])
    }

    @Test("nội dung mỗi mục: báo cáo chuyên đề trước, rồi các đơn vị theo thứ tự chữ cái")
    func contributionOrder() throws {
        let apparatus = try #require(consolidation.contributions["cai-cach-bo-may"])
        #expect(apparatus.map(\.unitName) == ["Sở Nội vụ", "Sở Nội vụ", "UBND huyện Nga Sơn", "UBND thành phố Sầm Sơn"])
        #expect(apparatus.map(\.isThematic) == [true, false, false, false])
        #expect(apparatus[0].content == .text("Bộ máy toàn tỉnh."))
        // Only districts write the survey section here.
        #expect(try #require(consolidation.contributions["khao-sat-chi-so"]).map(\.unitID) == ["h-nga-son", "tp-sam-son"])
    }

    @Test("phụ lục tình hình gửi: thiếu, đúng hạn, muộn, có lỗi")
    func annex() throws {
        #expect(consolidation.annex.count == 52)
        #expect(consolidation.includedCount == 3)
        let byID = Dictionary(uniqueKeysWithValues: consolidation.annex.map { ($0.unit.id, $0) })
        let asOf = consolidation.asOf
        // Sầm Sơn sent on 03/05/2020, three days after 30/04/2020.
        #expect(byID["tp-sam-son"]?.daysLate(asOf: asOf) == 3)
        #expect(byID["h-nga-son"]?.daysLate(asOf: asOf) == -2)
        // Sở Nội vụ's thematic report came on 21/05/2020, a day after 20/05/2020.
        #expect(byID["so-noi-vu"]?.thematicDaysLate(asOf: asOf) == 1)
        // Units that never sent: 51 days from 30/04 to 20/06/2020 (0 + 31 + 20).
        #expect(byID["h-quan-hoa"]?.state == .missing)
        #expect(byID["h-quan-hoa"]?.daysLate(asOf: asOf) == 51)
        guard case .invalid(let errors, let first)? = byID["so-cong-thuong"]?.state else {
            Issue.record("Sở Công Thương phải bị đánh dấu có lỗi")
            return
        }
        #expect(errors == 1)
        #expect(first.hasPrefix("năm '2010' nằm ngoài giai đoạn"))
        let rows = TableBuilder.annex(consolidation.annex, asOf: asOf, reportTitle: "Báo cáo tổng kết").rows
        let samSon = try #require(rows.first { $0[1] == "UBND thành phố Sầm Sơn" })
        #expect(samSon[2] == "03/05/2020 (muộn 3 ngày)")
        // Missing figures are warnings: tables 02, 05, 07 absent (3); in 03 five indicators short (5),
        // in 04 four (4), in 06 three (3): 15.
        #expect(samSon[4] == "hợp lệ (15 cảnh báo)")
    }

    @Test("đề xuất khen thưởng gom về một bảng có tên đơn vị đề nghị")
    func commendations() {
        #expect(consolidation.commendations.map(\.unit) == ["UBND huyện Nga Sơn"])
        let table = TableBuilder.commendations(consolidation.commendations.map { ($0.unit, $0.commendation) })
        #expect(table.rows == [["1", "UBND huyện Nga Sơn", "Cá nhân", "Bà A", "Giấy khen", "Tốt"]])
    }

    @Test("hai tệp cho cùng một đơn vị: lỗi nêu cả hai tệp, đơn vị không được tổng hợp")
    func duplicates() throws {
        let dir = try Fixtures.temporaryDirectory()
        for name in ["h-nga-son.yaml", "tp-sam-son.yaml"] {
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(
            at: Self.folder.appendingPathComponent("h-nga-son.yaml"), to: dir.appendingPathComponent("ban-sao.yaml"))
        let c = SubmissionFolder.consolidator(paths: [dir.path], outline: outline, strict: false)
        let duplicate = try #require(c.duplicates.first)
        #expect(duplicate.message.contains("có 2 tệp cho cùng đơn vị 'h-nga-son'"))
        #expect(duplicate.message.contains("ban-sao.yaml") && duplicate.message.contains("h-nga-son.yaml"))
        let result = c.consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20))
        #expect(result.includedCount == 1)
        #expect(try #require(result.appendices.first { $0.table.id == "phu-luc-03" }).figures["ho-so-tiep-nhan"] == [2011: 50, 2017: 100])
    }

    @Test("số ngày giữa hai ngày, không phụ thuộc múi giờ")
    func days() {
        #expect(SimpleDate(year: 2020, month: 4, day: 30).days(until: SimpleDate(year: 2020, month: 6, day: 20)) == 51)
        #expect(SimpleDate(year: 2020, month: 2, day: 28).days(until: SimpleDate(year: 2020, month: 3, day: 1)) == 2)
        #expect(SimpleDate(year: 2019, month: 12, day: 31).days(until: SimpleDate(year: 2021, month: 1, day: 1)) == 367)
        #expect(SimpleDate(year: 1970, month: 1, day: 1).dayNumber == 0)
    }

    @Test("báo cáo hoàn thiện (--final): phụ lục chỉ kể đơn vị đã gửi và ngày báo cáo, không có theo dõi muộn, lỗi")
    func finalReportListsWhoReported() throws {
        let renderer = try Reports.renderer()
        let c = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: renderer.outline, strict: false)
        let consolidation = c.consolidate(asOf: renderer.outline.programme.consolidatedDeadline)
        let final = try renderer.consolidatedReport(consolidation, draftMark: nil).markdown
        #expect(!final.contains("DỰ THẢO"))
        #expect(final.contains("DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ ĐÃ GỬI BÁO CÁO"))
        #expect(!final.contains("TÌNH HÌNH GỬI BÁO CÁO"))
        // The units' own prose may say "quá hạn" (a commune's "hồ sơ quá hạn"): the list of
        // who reported, from its heading on, is what must not.
        let list = try #require(final.range(of: "DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ ĐÃ GỬI BÁO CÁO")).lowerBound
        for tracking in ["quá hạn", "muộn", "chưa gửi", "Kết quả kiểm tra", "cảnh báo", "cấp dưới"] {
            #expect(!final[list...].contains(tracking), "\(tracking)")
        }
        // so-tu-phap.yaml: bao_cao.ngay 24/04/2020, chuyen_de.bao_cao.ngay 18/05/2020.
        #expect(final.contains("| Sở Tư pháp | ngày 24/04/2020 | ngày 18/05/2020 |"))
        let rows = final.split(separator: "\n").drop { !$0.contains("DANH SÁCH CÁC CƠ QUAN") }
            .filter { $0.hasPrefix("| ") && $0.dropFirst(2).first?.isNumber == true }
        #expect(rows.count == 7)
        // The draft keeps the tracking.
        let draft = try renderer.consolidatedReport(consolidation).markdown
        #expect(draft.contains("TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ (ĐẾN NGÀY 20/06/2020)"))
        #expect(draft.contains("quá hạn"))
    }

    @Test("dự thảo tổng hợp của ví dụ đi kèm (tệp mẫu .md và .html)")
    func exampleDraft() throws {
        let renderer = try Reports.renderer()
        let c = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: renderer.outline, strict: false)
        var consolidation = c.consolidate(asOf: renderer.outline.programme.consolidatedDeadline)
        // As the command does: the district's roll-up checked against its communes' folder.
        SubmissionFolder.checkRollUps(&consolidation.annex, consolidator: c)
        let draft = try renderer.consolidatedReport(consolidation)
        #expect(Golden.mismatch(draft.markdown, "render/bao-cao-tong-hop.md") == nil)
        #expect(Golden.mismatch(draft.html, "render/bao-cao-tong-hop.html") == nil)
        // No version recorded yet: the first draft.
        #expect(draft.html.contains("<p><strong>DỰ THẢO LẦN 1</strong></p>"))
        #expect(draft.html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!draft.html.contains("<script"))
    }

    @Test("dự thảo sơ kết 2021 - 2025 của ví dụ thứ hai, có ghi chú dưới bảng về xã thành lập năm 2025 (tệp mẫu .md và .html)")
    func secondExampleDraft() throws {
        let outline = try OutlineLoader.load(from: Fixtures.root.appendingPathComponent("outline/cchc-2021-2030-so-ket"))
        let renderer = ReportRenderer(outline: outline, templates: try TemplateSet.load(from: Reports.templatesDirectory))
        let folder = Fixtures.root.appendingPathComponent("examples/thanh-hoa-2025-so-ket")
        let c = SubmissionFolder.consolidator(paths: [folder.path], outline: outline, strict: false)
        let draft = try renderer.consolidatedReport(c.consolidate(asOf: outline.programme.consolidatedDeadline))
        #expect(Golden.mismatch(draft.markdown, "render/so-ket-2025/bao-cao-tong-hop.md") == nil)
        #expect(Golden.mismatch(draft.html, "render/so-ket-2025/bao-cao-tong-hop.html") == nil)
        let note =
            "Ghi chú: Từ ngày 01/7/2025, xã Yên Định được thành lập trên cơ sở xã Định Liên, xã Định Long, xã Định Tăng (Nghị quyết số …/NQ-UBTVQH15 năm 2025 của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính cấp xã của tỉnh Thanh Hóa); số liệu các năm trước năm 2025 là của các đơn vị cũ."
        // Phụ lục 01 to 06 hold the communes' figures; 07 (filled by departments) has no note.
        #expect(draft.markdown.components(separatedBy: "*\(note)*").count - 1 == 6)
        #expect(draft.html.components(separatedBy: "<p class=\"ghi-chu-bang\"><em>\(note)</em></p>").count - 1 == 6)
    }
}
