import CmarkDoor
import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// Points several units wrote, merged so that the draft says each once. The variants below are
/// the ones units really send: a model text passed round and retyped, with the sender's own name,
/// its own punctuation and its own way of writing a number.
@Suite("Gộp các ý trùng nhau của nhiều đơn vị")
struct PointMergerTests {
    typealias Point = (source: String, unitName: String, text: String)

    func point(_ unit: String, _ text: String) -> Point { (unit, unit, text) }

    @Test("cùng chữ sau khi bỏ hoa/thường, dấu câu, khoảng trắng: một ý, đủ các đơn vị theo thứ tự")
    func sameWords() {
        let merged = PointMerger.merge([
            point("Sở Tư pháp", "Nhận thức của cán bộ, công chức về cải cách hành chính được nâng lên rõ rệt."),
            point("Sở Y tế", "nhận thức của cán bộ công chức về cải cách hành chính được nâng lên rõ rệt"),
            point("UBND huyện Nga Sơn", "Nhận thức của cán bộ,  công chức về cải cách hành chính được nâng lên  rõ rệt;"),
            point("Sở Y tế", "Tỷ lệ hồ sơ nộp trực tuyến còn thấp."),
        ])
        #expect(merged.count == 2)
        #expect(merged[0].text == "Nhận thức của cán bộ, công chức về cải cách hành chính được nâng lên rõ rệt.")
        #expect(merged[0].sources == ["Sở Tư pháp", "Sở Y tế", "UBND huyện Nga Sơn"])
        #expect(merged[1].sources == ["Sở Y tế"])
    }

    @Test("tên của chính đơn vị được bỏ: hai ý gộp, câu chung không mang tên một đơn vị")
    func ownName() {
        let merged = PointMerger.merge([
            point("Sở Tư pháp", "Sở Tư pháp đã ban hành kế hoạch cải cách hành chính hằng năm."),
            point("Sở Y tế", "Sở Y tế đã ban hành kế hoạch cải cách hành chính hằng năm."),
        ])
        #expect(merged.count == 1)
        #expect(merged[0].text == "Đã ban hành kế hoạch cải cách hành chính hằng năm.")
        #expect(merged[0].sources == ["Sở Tư pháp", "Sở Y tế"])
        let inside = PointMerger.merge([
            point("Sở Tư pháp", "Kinh phí của Sở Tư pháp được bố trí đủ."),
            point("Sở Y tế", "Kinh phí của Sở Y tế được bố trí đủ."),
        ])
        #expect(inside.map(\.text) == ["Kinh phí của các đơn vị được bố trí đủ."])
        // One unit alone keeps its sentence as written.
        let alone = PointMerger.merge([point("Sở Tư pháp", "Sở Tư pháp đã ban hành kế hoạch.")])
        #expect(alone.map(\.text) == ["Sở Tư pháp đã ban hành kế hoạch."])
    }

    @Test("số đọc theo giá trị: 1.126 = 1126, 85,5 = 85,50; số khác nhau thì không gộp")
    func numbers() {
        #expect(PointMerger.canonicalNumber("1.126") == "1126")
        #expect(PointMerger.canonicalNumber("1126") == "1126")
        #expect(PointMerger.canonicalNumber("85,50") == "85.5")
        #expect(PointMerger.canonicalNumber("1.234,5") == "1234.5")
        #expect(PointMerger.canonicalNumber("98.5") == "98.5")
        #expect(PointMerger.canonicalNumber("007") == "7")
        let merged = PointMerger.merge([
            point("Sở Tư pháp", "Thẩm định 1.126 dự thảo văn bản, đạt 85,5%."),
            point("Sở Y tế", "Thẩm định 1126 dự thảo văn bản, đạt 85,50 %."),
            point("Sở Nội vụ", "Thẩm định 1.127 dự thảo văn bản, đạt 85,5%."),
        ])
        #expect(merged.map(\.sources) == [["Sở Tư pháp", "Sở Y tế"], ["Sở Nội vụ"]])
        // "3, 4" (two numbers) is not "3,4" (a decimal): the space keeps them apart.
        #expect(PointMerger.normalised("mức độ 3, 4", unitName: "") != PointMerger.normalised("mức độ 3,4", unitName: ""))
    }

    @Test("không mất ý nào: mỗi ý của mỗi đơn vị nằm trong đúng một ý đã gộp, có đơn vị ấy")
    func nothingLost() throws {
        let outline = try Fixtures.outline()
        let consolidation = SubmissionFolder.consolidator(
            paths: [Fixtures.root.appendingPathComponent("examples/thanh-hoa-2020").path], outline: outline, strict: false
        ).consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20))
        var before = 0
        var after = 0
        for (key, contributions) in consolidation.contributions where outline.section(key)?.kind == .list {
            let merged = ReportRenderer.mergedPoints(contributions)
            for contribution in contributions {
                guard case .list(let items) = contribution.content else { continue }
                for item in items {
                    before += 1
                    let key = PointMerger.normalised(item, unitName: contribution.unitName)
                    let holders = merged.filter {
                        $0.sources.contains(ReportRenderer.source(contribution))
                            && PointMerger.normalised($0.text, unitName: contribution.unitName) == key
                    }
                    #expect(holders.count == 1, "\(contribution.unitName): \(item)")
                }
            }
            after += merged.reduce(0) { $0 + $1.sources.count }
        }
        // The example's list points, counted by hand in its files: 7 units × 17 points in the
        // sections every unit writes, and 2 districts × 2 points of "Quan điểm"; none lost, each
        // counted once among the merged points' sources. UBND huyện Nga Sơn's report is rolled up
        // from its four communes (examples/thanh-hoa-2020/h-nga-son/): their 14 + 14 + 13 + 12 = 53
        // points, of which five repeat another commune's (one shared by three, three by two), stand
        // in it as 48 points after its own.
        #expect(before == 7 * 17 + 48 + 2 * 2)
        #expect(after == before)
    }

    @Test("quá năm đơn vị: ba đơn vị đầu và số còn lại")
    func label() {
        #expect(PointMerger.sourceLabel(["A", "B", "C", "D", "E"]) == "A, B, C, D, E")
        #expect(PointMerger.sourceLabel(["A", "B", "C", "D", "E", "F", "G"]) == "A, B, C và 4 đơn vị khác")
    }

    @Test("dự thảo của ví dụ: không ý nào, đoạn nào lặp lại nguyên văn")
    func exampleDraftSaysEachPointOnce() throws {
        let outline = try Fixtures.outline()
        let renderer = ReportRenderer(outline: outline, templates: try TemplateSet.load(from: Reports.templatesDirectory))
        let consolidation = SubmissionFolder.consolidator(
            paths: [Fixtures.root.appendingPathComponent("examples/thanh-hoa-2020").path], outline: outline, strict: false
        ).consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20))
        let markdown = try renderer.consolidatedReport(consolidation).markdown ?? ""
        // Bullets and body paragraphs; table rows (the annex repeats points on purpose), the
        // italic leads naming units and appendices' references, and the short lines of headers
        // and signatures are left out.
        let lines = markdown.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("|") && !$0.hasPrefix("*") && $0.count > 60 }
        var seen: [String: Int] = [:]
        for line in lines { seen[line, default: 0] += 1 }
        #expect(seen.filter { $0.value > 1 }.keys.sorted() == [])
        #expect(markdown.contains("(Sở Công Thương, Sở Nội vụ, Sở Tư pháp và 4 đơn vị khác)"))
        #expect(markdown.contains("CÁC CƠ QUAN, ĐƠN VỊ NÊU TỪNG NỘI DUNG"))
    }

    @Test("đoạn văn chung của nhiều đơn vị nói một lần; đoạn riêng giữ dưới tên từng đơn vị")
    func sharedParagraphs() {
        let shared = "Giai đoạn 2011 - 2020, việc cải cách hành chính được gắn với thi đua."
        let merged = TextMerger.merge([
            ("Sở Tư pháp", "Sở Tư pháp", "Sở Tư pháp có 12 phòng.\n\n" + shared),
            ("Sở Y tế", "Sở Y tế", "Sở Y tế có 9 phòng.\n\n" + shared + "\n\n- Ý một\n- Ý hai"),
            ("Sở Nội vụ", "Sở Nội vụ", shared.uppercased()),
        ])
        #expect(merged.map(\.sources) == [["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"], ["Sở Tư pháp"], ["Sở Y tế"]])
        #expect(merged[0].text == shared)
        #expect(merged[1].text == "Sở Tư pháp có 12 phòng.")
        #expect(merged[2].text == "Sở Y tế có 9 phòng.\n\n- Ý một\n- Ý hai")
        // A unit whose text is all its own keeps it exactly as written.
        let alone = TextMerger.merge([("Sở Tư pháp", "Sở Tư pháp", "Một.\n\n\nHai.")])
        #expect(alone == [MergedPoint(text: "Một.\n\n\nHai.", sources: ["Sở Tư pháp"])])
    }

    @Test("mỗi đơn vị đứng sau một ý đúng một lần, theo thứ tự viết, dù ý có nhiều đơn vị hay một đơn vị viết hai lần")
    func eachSourceOnce() {
        // Twelve units write one point; the third writes it twice, and the first and the tenth
        // write it again at the end, past the point where the sources are kept in a set.
        let units = (1...12).map { "Sở số \($0)" }
        var points = units.map { point($0, "Niêm yết công khai thủ tục hành chính.") }
        points.insert(point(units[2], "niêm yết công khai thủ tục hành chính"), at: 3)
        points.append(point(units[0], "Niêm yết công khai thủ tục hành chính!"))
        points.append(point(units[9], "Niêm yết công khai thủ tục hành chính."))
        points.append(point(units[4], "Một ý riêng."))
        let merged = PointMerger.merge(points)
        #expect(merged.map(\.sources) == [units, [units[4]]])
        #expect(merged.map(\.text) == ["Niêm yết công khai thủ tục hành chính.", "Một ý riêng."])
        // Two points under one source (a unit's main and repeated file) are counted once too.
        let twice = PointMerger.merge([point("Sở A", "Ý chung."), point("Sở B", "Ý chung."), point("Sở A", "Ý chung.")])
        #expect(twice.map(\.sources) == [["Sở A", "Sở B"]])
    }

    @Test("đoạn chung nhóm theo đúng tập đơn vị viết nó; một đơn vị viết một đoạn hai lần, hai văn bản một nguồn")
    func sharedParagraphGroups() {
        let merged = TextMerger.merge([
            ("Sở A", "Sở A", "Đoạn X.\n\nĐoạn Y.\n\nĐoạn Z."),
            ("Sở B", "Sở B", "Đoạn X.\n\nĐoạn Y."),
            ("Sở C", "Sở C", "Đoạn Z.\n\nĐoạn W.\n\nĐoạn W."),
        ])
        // X and Y share their writers (A, B) and go together; Z (A, C) apart; W is C's own,
        // though C wrote it twice, and stays as C wrote it.
        #expect(merged.map(\.sources) == [["Sở A", "Sở B"], ["Sở A", "Sở C"], ["Sở C"]])
        #expect(merged.map(\.text) == ["Đoạn X.\n\nĐoạn Y.", "Đoạn Z.", "Đoạn W.\n\nĐoạn W."])
        // Two texts under one source: that source stands once after the shared paragraph.
        let repeated = TextMerger.merge([
            ("Sở A", "Sở A", "Đoạn X.\n\nRiêng một."), ("Sở B", "Sở B", "Đoạn X."), ("Sở A", "Sở A", "Đoạn X.\n\nRiêng hai."),
        ])
        #expect(repeated.map(\.sources) == [["Sở A", "Sở B"], ["Sở A"], ["Sở A"]])
        #expect(repeated.map(\.text) == ["Đoạn X.", "Riêng một.", "Riêng hai."])
    }

    @Test("cắt văn bản thành các khối: đoạn, danh sách; có định nghĩa liên kết thì giữ nguyên")
    func blocks() {
        #expect(MarkdownBlocks.split("Một\ndòng hai.\n\n- a\n- b\n\n> trích") == ["Một\ndòng hai.", "- a\n- b", "> trích"])
        let withReference = "Xem [cổng][1].\n\nĐoạn hai.\n\n[1]: https://dichvucong.gov.vn"
        #expect(MarkdownBlocks.split(withReference) == [withReference])
        // Lines are cut on bytes: a combining mark after a line break, blank lines with spaces
        // after a list, and a reference definition indented three spaces (not four).
        #expect(
            MarkdownBlocks.split("Đoạn một\n\u{301}tiếp.\n\n- ý một\n- ý hai\n   \n\nĐoạn ba.") == [
                "Đoạn một\n\u{301}tiếp.", "- ý một\n- ý hai", "Đoạn ba.",
            ])
        #expect(MarkdownBlocks.split("Xem [a].\n\n   [a]: https://x.vn") == ["Xem [a].\n\n   [a]: https://x.vn"])
        #expect(MarkdownBlocks.split("Mã:\n\n    [a]: không phải định nghĩa") == ["Mã:", "    [a]: không phải định nghĩa"])
    }

    @Test(
        "ý do cấp dưới chuyển lên: tên người viết trong ngoặc cuối ý được nhận ra (mọi tên là đơn vị của đề cương), nêu trước đơn vị chuyển lên"
    )
    func passedUpPoints() {
        let units: Set<String> = ["UBND xã Nga An", "UBND xã Nga Điền", "UBND huyện Nga Sơn", "UBND tỉnh Thanh Hóa"]
        let passed = PointMerger.passedUp("Một cửa hiện đại. *(UBND xã Nga An, UBND xã Nga Điền)*", unitNames: units)
        #expect(passed?.text == "Một cửa hiện đại.")
        #expect(passed?.writers == "UBND xã Nga An, UBND xã Nga Điền")
        // A unit's own italic aside is not a list of writers.
        #expect(PointMerger.passedUp("Số liệu tăng. *(xem Phụ lục 03)*", unitNames: units) == nil)
        #expect(PointMerger.passedUp("Số liệu tăng.", unitNames: units) == nil)
        #expect(PointMerger.passedUp("*(UBND xã Nga An)*", unitNames: units) == nil)
        // Rendered: writers first, then who passed the point up; two levels chain.
        let point = MergedPoint(text: "Một cửa hiện đại. *(UBND xã Nga An)* *(UBND huyện Nga Sơn)*", sources: ["UBND tỉnh Thanh Hóa"])
        guard case .sourcedList(let items, _) = ReportRenderer.sourcedList([point], unitNames: units) else {
            Issue.record("không phải danh sách")
            return
        }
        #expect(items.map(\.text) == ["Một cửa hiện đại."])
        #expect(items.map(\.source) == ["UBND xã Nga An, qua UBND huyện Nga Sơn, qua UBND tỉnh Thanh Hóa"])
        // Without the outline's units, nothing is taken off.
        guard case .sourcedList(let plain, _) = ReportRenderer.sourcedList([point]) else { return }
        #expect(plain.map(\.text) == [point.text])
    }
}
