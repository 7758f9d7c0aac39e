import Foundation
import Testing
import TongketTestSupport

@Suite("Dòng lệnh: consolidate và status")
struct ConsolidateCLITests {
    let fixture = Fixtures.root.appendingPathComponent("Tests/Fixtures/tong-hop").path

    @Test("consolidate ví dụ đi kèm: dự thảo .md và .html giống tệp mẫu, tóm tắt ra stderr")
    func example() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr.contains("Tính đến 20/06/2020: đã gửi 7/52 đơn vị (hợp lệ 7, có lỗi 0, gửi muộn 1); chưa gửi 45, trong đó quá hạn 45.")
        )
        let html = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.html"), encoding: .utf8)
        #expect(Golden.mismatch(html, "render/bao-cao-tong-hop.html") == nil)
        let markdown = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)
        #expect(Golden.mismatch(markdown, "render/bao-cao-tong-hop.md") == nil)
    }

    @Test("--cache: lần đầu, lần sau và sau khi một tệp đổi, dự thảo y hệt lần chạy không bộ nhớ đệm; mục hỏng được báo và dựng lại")
    func cache() throws {
        let dir = try Fixtures.temporaryDirectory()
        let inputs = dir.appendingPathComponent("bao-cao")
        try FileManager.default.copyItem(at: Fixtures.examples, to: inputs)
        let cache = dir.appendingPathComponent("dem").path
        func draft(_ name: String, cached: Bool) throws -> (CLI.Result, [String: Data]) {
            let out = dir.appendingPathComponent(name)
            let r = try CLI.run(
                ["consolidate", "--outline", Fixtures.outlinePath, inputs.path, "-o", out.path] + (cached ? ["--cache", cache] : []))
            #expect(r.status == 0, "\(r.stderr)")
            var files: [String: Data] = [:]
            for file in ["bao-cao-tong-hop.md", "bao-cao-tong-hop.html", "bao-cao-tong-hop.docx"] {
                files[file] = try Data(contentsOf: out.appendingPathComponent(file))
            }
            return (r, files)
        }
        let (_, plain) = try draft("khong-dem", cached: false)
        let (_, cold) = try draft("lan-dau", cached: true)
        let (warmRun, warm) = try draft("lan-sau", cached: true)
        #expect(cold == plain && warm == plain)
        #expect(!warmRun.stderr.contains("cảnh báo: mục bộ nhớ đệm"))
        let kept = FileManager.default.enumerator(atPath: cache + "/muc")?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        #expect(kept.count > 5)
        // One sentence added to one unit's report, and one kept section damaged.
        let file = inputs.appendingPathComponent("so-noi-vu.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "    Sở Nội vụ có chức năng", with: "    Câu mới thêm. Sở Nội vụ có chức năng").utf8)
            .write(to: file)
        let damaged = URL(fileURLWithPath: cache + "/muc/" + kept.sorted()[0])
        var bytes = try Data(contentsOf: damaged)
        bytes[bytes.count - 2] ^= 0x20
        try bytes.write(to: damaged)
        let (_, changedPlain) = try draft("doi-khong-dem", cached: false)
        let (changedRun, changed) = try draft("doi-co-dem", cached: true)
        #expect(changedPlain != plain)
        #expect(changed == changedPlain)
        #expect(changedRun.stderr.contains("tongket: cảnh báo: mục bộ nhớ đệm của phần muc:"))
        #expect(changedRun.stderr.contains("bị hỏng (sai mã kiểm tra); đã bỏ qua và dựng lại"))
    }

    @Test("một tệp hỏng giữa các tệp tốt: dự thảo vẫn được lập, lỗi có vị trí, phụ lục ghi rõ")
    func brokenAmongGood() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, fixture, "-o", dir.path, "--format", "md"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("Tests/Fixtures/tong-hop/so-cong-thuong.yaml:30:23: lỗi: năm '2010' nằm ngoài giai đoạn 2011–2020"))
        #expect(r.stderr.contains("so-cong-thuong.yaml: không đưa vào tổng hợp vì tệp có lỗi"))
        let markdown = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)
        #expect(markdown.contains("trên cơ sở báo cáo của 3/52 đơn vị (tính đến ngày 20/06/2020)"))
        #expect(
            markdown.contains(
                "| Sở Công Thương | 29/04/2020 (đúng hạn) |  | có 1 lỗi, không đưa vào tổng hợp: năm '2010' nằm ngoài giai đoạn"))
        // Totals by hand: 100 + 50 + 10 = 160 in 2011; 200 in 2016; 100 in 2017; 160, 300, 460 by phase.
        #expect(
            markdown.contains(
                "| 3 | Số hồ sơ thủ tục hành chính tiếp nhận | hồ sơ | 3 | 160 | - | - | - | - | 200 | 100 | - | - | - | 160 | 300 | 460 |")
        )
    }

    /// The templates are read beside the outline, before the reports: a broken template stops the
    /// run before a thousand reports are read for nothing.
    @Test("mẫu hỏng: mã 4, báo trước khi đọc các báo cáo, không có dự thảo")
    func brokenTemplates() throws {
        let dir = try Fixtures.temporaryDirectory()
        let (templates, file) = try RenderCLITests.brokenTemplates(in: dir)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, fixture, "-o", out.path, "--templates", templates.path])
        #expect(r.status == 4)
        #expect(r.stderr.hasPrefix("\(file.path):"))
        #expect(r.stderr.contains(": lỗi: mẫu Mustache sai: thiếu thẻ đóng {{/…}} của một khối"))
        #expect(!r.stderr.contains("so-cong-thuong.yaml"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("--strict: một tệp hỏng làm dừng, mã 1, không có dự thảo")
    func strict() throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, fixture, "-o", out.path, "--strict"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("không ghi dự thảo vì có --strict"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("status: bảng trong terminal và JSON, tính đến ngày cho trước")
    func status() throws {
        let r = try CLI.run(["status", "--outline", Fixtures.outlinePath, fixture, "--as-of", "10/05/2020"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // 25 provincial and central units come first; Nga Sơn is the 9th district alphabetically: row 34.
        // Warnings: tables 02, 05, 07 absent (3) + 5 in table 03 + 4 in 04 + 3 in 06 = 15.
        #expect(
            lines.contains {
                $0.hasPrefix("34  UBND huyện Nga Sơn") && $0.contains("28/04/2020 (đúng hạn)") && $0.hasSuffix("hợp lệ (15 cảnh báo)")
            })
        #expect(lines.contains { $0.contains("UBND thành phố Sầm Sơn") && $0.contains("03/05/2020 (muộn 3 ngày)") })
        // 10 days past 30/04/2020 for those who never sent; thematic deadline 20/05 not yet passed.
        #expect(lines.contains { $0.contains("Sở Tài chính") && $0.contains("chưa gửi (quá hạn 10 ngày)  chưa gửi") })
        #expect(
            r.stdout.hasSuffix(
                "Tính đến 10/05/2020: đã gửi 4/52 đơn vị (hợp lệ 3, có lỗi 1, gửi muộn 1); chưa gửi 48, trong đó quá hạn 48.\n"))
        let json = try CLI.run(["status", "--outline", Fixtures.outlinePath, fixture, "--as-of", "10/05/2020", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["tinh_den_ngay"] as? String == "10/05/2020")
        let units = try #require(object["don_vi"] as? [[String: Any]])
        let samSon = try #require(units.first { $0["ma"] as? String == "tp-sam-son" })
        #expect(samSon["so_ngay_muon"] as? Int == 3)
        #expect(samSon["trang_thai"] as? String == "hop-le")
        let trade = try #require(units.first { $0["ma"] as? String == "so-cong-thuong" })
        #expect(trade["trang_thai"] as? String == "co-loi")
        #expect(trade["so_loi"] as? Int == 1)
    }

    @Test("status --as-of sai dạng: mã 64")
    func badDate() throws {
        let r = try CLI.run(["status", "--outline", Fixtures.outlinePath, "--as-of", "31/02/2020"])
        #expect(r.status == 64)
        // The example is the outline's own deadline, not a fixed date.
        #expect(r.stderr.contains("--as-of phải là một ngày có thật, dạng ngày/tháng/năm như 20/06/2020, nhưng gặp '31/02/2020'"))
        let second = try CLI.run(["status", "--outline", "cchc-2021-2030-so-ket", "--as-of", "31/02/2025"])
        #expect(second.status == 64)
        #expect(second.stderr.contains("như 30/09/2025, nhưng gặp '31/02/2025'"), "\(second.stderr)")
    }
}
