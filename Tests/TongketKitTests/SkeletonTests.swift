import Foundation
import Testing
import TongketKit
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument

@Suite("Tệp mẫu cho đơn vị và JSON Schema")
struct SkeletonTests {
    let outline: Outline

    init() throws { outline = try Fixtures.outline() }

    func skeleton(_ id: String) throws -> String {
        SkeletonWriter.yaml(for: try #require(outline.unit(id)), outline: outline)
    }

    @Test("tệp mẫu của một sở, một sở có chuyên đề và một huyện (tệp mẫu)", arguments: ["so-cong-thuong", "so-tu-phap", "h-nga-son"])
    func golden(id: String) throws {
        #expect(Golden.mismatch(try skeleton(id), "skeleton/\(id).yaml") == nil)
    }

    @Test("tệp mẫu khác nhau đúng chỗ đề cương quy định")
    func differences() throws {
        let department = try skeleton("so-cong-thuong")
        let thematic = try skeleton("so-tu-phap")
        let district = try skeleton("h-nga-son")
        // Only the thematic department has a thematic part, and only for its own sections.
        #expect(!department.contains("\nchuyen_de:"))
        #expect(thematic.contains("\nchuyen_de:\n"))
        #expect(thematic.contains("    cai-cach-the-che: |"))
        #expect(!district.contains("\nchuyen_de:"))
        // The survey section is required of districts and optional for departments.
        #expect(district.contains("# IV. Kết quả khảo sát, điều tra và các chỉ số đánh giá\n"))
        #expect(department.contains("# IV. Kết quả khảo sát, điều tra và các chỉ số đánh giá (không bắt buộc)\n"))
        // Appendix 02 is for Sở Tư pháp and districts; appendix 04 rows for communes only for districts.
        #expect(thematic.contains("  phu-luc-02:"))
        #expect(district.contains("  phu-luc-02:"))
        #expect(!department.contains("  phu-luc-02:"))
        #expect(district.contains("    don-vi-hanh-chinh-xa: {"))
        #expect(!thematic.contains("  phu-luc-04:"))
        // Computed ratios are never asked for.
        #expect(!district.contains("ty-le-dung-han:"))
        // Sections only thematic owners write are absent from ordinary reports.
        #expect(!department.contains("dich-vu-y-te:"))
    }

    @Test("tệp mẫu chưa điền thì không hợp lệ; điền đủ thì hợp lệ", arguments: ["so-cong-thuong", "so-tu-phap", "h-nga-son"])
    func filledSkeletonValidates(id: String) throws {
        let text = try skeleton(id)
        let empty = Fixtures.load(text, name: "\(id).yaml", outline: outline)
        #expect(empty.diagnostics.hasErrors())
        #expect(!empty.diagnostics.contains { $0.kind == .notYAML || $0.kind == .unknownSection || $0.kind == .unknownKey })
        let filled = fill(text)
        let diagnostics = Fixtures.load(filled, name: "\(id).yaml", outline: outline).diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    /// Fills a skeleton the way a user would: a number and date, a signer, a line under every
    /// `|`, a point under every `- `, and a figure for every year.
    func fill(_ skeleton: String) -> String {
        var out: [String] = []
        var figure = 1000
        for line in skeleton.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            var line = line
            if line.contains("so: \"\"  # Số, ký hiệu") {
                line = line.replacingOccurrences(of: "so: \"\"", with: "so: \"12/BC\"")
            }
            line = line.replacingOccurrences(of: "ngay: \"\"", with: "ngay: \"15/04/2020\"")
            line = line.replacingOccurrences(of: "chuc_vu: \"\"", with: "chuc_vu: \"GIÁM ĐỐC\"")
            line = line.replacingOccurrences(of: "ho_ten: \"\"", with: "ho_ten: \"Nguyễn Văn A\"")
            if line.hasSuffix(": {2011: , 2012: , 2013: , 2014: , 2015: , 2016: , 2017: , 2018: , 2019: , 2020: }") {
                // Decreasing from row to row, so that every "row ≤ an earlier row" rule holds.
                figure -= 10
                let values = (2011...2020).map { "\($0): \(figure)" }.joined(separator: ", ")
                line = line.replacingOccurrences(
                    of: "{2011: , 2012: , 2013: , 2014: , 2015: , 2016: , 2017: , 2018: , 2019: , 2020: }", with: "{\(values)}")
            }
            if line.trimmingCharacters(in: .whitespaces) == "-" { line += " Một ý." }
            if !line.isEmpty && line.allSatisfy({ $0 == " " }) { line += "Nội dung của mục." }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    @Test("JSON Schema trong kho khớp với đề cương (sinh lại bằng 'tongket schema')")
    func committedSchemaIsCurrent() throws {
        let generated = String(decoding: try SchemaGenerator.json(for: outline), as: UTF8.self)
        let url = Fixtures.root.appendingPathComponent("outline/cchc-2011-2020.schema.json")
        if Golden.isRecording { try Data(generated.utf8).write(to: url) }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "chạy: tongket schema -o outline/cchc-2011-2020.schema.json --force")
    }

    @Test("JSON Schema: mục bắt buộc theo loại đơn vị, kiểu số liệu")
    func schemaContent() throws {
        let schema = SchemaGenerator.schema(for: outline)
        let properties = try #require(schema["properties"] as? [String: Any])
        let units = try #require((properties["don_vi"] as? [String: Any])?["enum"] as? [String])
        // 52 units report to the province, 5 communes to UBND huyện Nga Sơn; one condition per kind.
        #expect(units.count == 52 + 5)
        let conditions = try #require(schema["allOf"] as? [[String: Any]])
        #expect(conditions.count == 4)
        let district = try #require(
            conditions.first { condition in
                let ids = ((condition["if"] as? [String: Any])?["properties"] as? [String: Any]).flatMap {
                    ($0["don_vi"] as? [String: Any])?["enum"] as? [String]
                }
                return ids?.contains("h-nga-son") == true
            })
        let then = try #require(district["then"] as? [String: Any])
        let required = try #require(((then["properties"] as? [String: Any])?["noi_dung"] as? [String: Any])?["required"] as? [String])
        #expect(required.count == 19)
        #expect(required.contains("khao-sat-chi-so"))
        let tables = try #require((properties["phu_luc"] as? [String: Any])?["properties"] as? [String: Any])
        let ks = try #require((tables["phu-luc-ks"] as? [String: Any])?["properties"] as? [String: Any])
        let satisfaction = try #require((ks["hai-long-y-te"] as? [String: Any])?["properties"] as? [String: Any])
        let y2020 = try #require(satisfaction["2020"] as? [String: Any])
        #expect(y2020["maximum"] as? Int == 100)
        let tthc = try #require((tables["phu-luc-03"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(tthc["ty-le-dung-han"] == nil)
    }
}
