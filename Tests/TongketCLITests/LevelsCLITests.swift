import Foundation
import Testing
import TongketTestSupport

/// Consolidation by level from the command line, on the bundled example: UBND huyện Nga Sơn
/// consolidates its communes (examples/thanh-hoa-2020/h-nga-son/) and its roll-up feeds the
/// province's draft.
@Suite("Dòng lệnh: tổng hợp theo cấp (--for)")
struct LevelsCLITests {
    static let district = Fixtures.examples.appendingPathComponent("h-nga-son")

    /// A copy of the example folder (with the district's folder of communes) to change freely.
    static func exampleCopy() throws -> URL {
        let copy = try Fixtures.temporaryDirectory().appendingPathComponent("bao-cao")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.examples.path)
        where name.hasSuffix(".yaml") || name == "h-nga-son" {
            try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        return copy
    }

    @Test("huyện tổng hợp các xã: báo cáo của huyện giống tệp mẫu; tệp gửi tỉnh đúng bằng tệp trong ví dụ")
    func districtRollUp() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Self.district.path, "--for", "h-nga-son", "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("đã ghi \(dir.path)/h-nga-son.yaml (báo cáo của UBND huyện Nga Sơn gửi cấp trên)"))
        // Five communes are listed under the district; x-nga-yen has not reported.
        #expect(
            r.stderr.contains("Tính đến 30/04/2020: đã gửi 4/5 đơn vị (hợp lệ 4, có lỗi 0, gửi muộn 0); chưa gửi 1, trong đó quá hạn 0."))
        let markdown = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)
        #expect(Golden.mismatch(markdown, "render/h-nga-son.tong-hop.md") == nil)
        let html = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.html"), encoding: .utf8)
        #expect(Golden.mismatch(html, "render/h-nga-son.tong-hop.html") == nil)
        // Issued by the district, at its place, signed as its own report is.
        #expect(markdown.contains("**ỦY BAN NHÂN DÂN**\n\n**HUYỆN NGA SƠN**\n\nSố: …/BC-UBND"))
        #expect(markdown.contains("*Nga Sơn, ngày … tháng … năm 2020*"))
        #expect(markdown.contains("**Mai Xuân Giang**"))
        // Its appendices 02–07 have figures, the survey appendix (08) none: the annex of who
        // reported takes 08, the next number, not 09; the file's title is the district's.
        #expect(markdown.contains("**Phụ lục 07**") && markdown.contains("**Phụ lục 08**\n\n**TÌNH HÌNH GỬI BÁO CÁO"))
        #expect(!markdown.contains("**Phụ lục 09**"))
        #expect(html.contains("<title>Dự thảo báo cáo tổng kết – UBND huyện Nga Sơn</title>"))
        // The example's roll-up is the one tongket makes now: run scripts/example (or this
        // command with -o examples/thanh-hoa-2020) after changing the district's or a commune's file.
        let made = try Data(contentsOf: dir.appendingPathComponent("h-nga-son.yaml"))
        #expect(made == (try Data(contentsOf: Fixtures.examples.appendingPathComponent("h-nga-son.yaml"))))
        // Again into the same folder: the earlier roll-up is tongket's and is replaced.
        let again = try CLI.run([
            "consolidate", "--outline", Fixtures.outlinePath, Self.district.path, "--for", "h-nga-son", "-o", dir.path,
        ])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test("tệp gửi cấp trên không ghi đè báo cáo người viết: mã 3, tệp giữ nguyên")
    func rollUpNeverReplacesAPersonsFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        let own = Self.district.appendingPathComponent("h-nga-son.yaml")
        try FileManager.default.copyItem(at: own, to: dir.appendingPathComponent("h-nga-son.yaml"))
        let r = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Self.district.path, "--for", "h-nga-son", "-o", dir.path])
        #expect(r.status == 3)
        #expect(
            r.stderr.contains(
                "h-nga-son.yaml: lỗi: tệp đã có và không do tongket tạo ra; không ghi đè (thêm --force nếu thật sự muốn thay)"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("h-nga-son.yaml")) == Data(contentsOf: own))
        // Checked before anything was written: no report without its roll-up.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["h-nga-son.yaml"])
    }

    @Test("--for sai: mã không có (gợi ý), đơn vị không có cấp dưới, thiếu báo cáo của chính đơn vị; không ghi gì")
    func badScope() throws {
        let dir = try Fixtures.temporaryDirectory()
        let unknown = try CLI.run([
            "consolidate", "--outline", Fixtures.outlinePath, Self.district.path, "--for", "h-nga-sn", "-o", dir.path,
        ])
        #expect(unknown.status == 64)
        #expect(
            unknown.stderr.contains(
                "--for h-nga-sn: không có đơn vị này trong danh mục (xem 'tongket outline --units'); có phải là 'h-nga-son'?"))
        let leaf = try CLI.run([
            "consolidate", "--outline", Fixtures.outlinePath, Self.district.path, "--for", "so-tu-phap", "-o", dir.path,
        ])
        #expect(leaf.status == 64)
        #expect(leaf.stderr.contains("--for so-tu-phap: không đơn vị nào báo cáo Sở Tư pháp ('cap_tren' trong don-vi.yaml)"))
        let communes = try Fixtures.temporaryDirectory()
        for name in ["x-nga-an.yaml", "x-nga-thach.yaml"] {
            try FileManager.default.copyItem(at: Self.district.appendingPathComponent(name), to: communes.appendingPathComponent(name))
        }
        let alone = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, communes.path, "--for", "h-nga-son", "-o", dir.path])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("chưa có báo cáo hợp lệ của chính UBND huyện Nga Sơn (don_vi: h-nga-son)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("báo cáo của xã gửi thẳng lên tỉnh: được báo, không tổng hợp; dự thảo y hệt khi không có tệp ấy")
    func communeAtTheProvince() throws {
        let folder = try Self.exampleCopy()
        let before = try Fixtures.temporaryDirectory()
        let plain = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, folder.path, "--format", "md", "-o", before.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        try FileManager.default.copyItem(
            at: Self.district.appendingPathComponent("x-nga-an.yaml"), to: folder.appendingPathComponent("x-nga-an.yaml"))
        let after = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, folder.path, "--format", "md", "-o", after.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "\(folder.path)/x-nga-an.yaml:1:1: cảnh báo: UBND xã Nga An báo cáo UBND huyện Nga Sơn ('cap_tren' trong don-vi.yaml), không báo cáo UBND tỉnh Thanh Hóa: tệp không được tổng hợp ở đây để số liệu không bị tính hai lần"
            ))
        let draft = "bao-cao-tong-hop.md"
        #expect(try Data(contentsOf: after.appendingPathComponent(draft)) == Data(contentsOf: before.appendingPathComponent(draft)))
        // --strict counts it as a problem.
        let strict = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, folder.path, "--strict", "-o", after.path])
        #expect(strict.status == 1)
    }

    @Test("xã sửa tệp hay xã mới gửi sau khi huyện tổng hợp: status và dự thảo của tỉnh báo cần tổng hợp lại")
    func staleRollUp() throws {
        let folder = try Self.exampleCopy()
        let current = try CLI.run(["status", "--outline", Fixtures.outlinePath, folder.path, "--as-of", "20/06/2020", "--json"])
        #expect(current.status == 0, "\(current.stderr)")
        #expect(
            current.stdout.contains(
                "\"cap_duoi\" : {\n        \"da_gui\" : 4,\n        \"da_tong_hop\" : true,\n        \"phai_gui\" : 5,\n        \"so_don_vi_da_tong_hop\" : 4\n      }"
            ))
        #expect(!current.stdout.contains("can_tong_hop_lai"))

        let commune = folder.appendingPathComponent("h-nga-son/tt-nga-son.yaml")
        let text = try String(contentsOf: commune, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "dân số khoảng 11,5 nghìn", with: "dân số khoảng 11,6 nghìn").utf8).write(to: commune)
        let late = try String(contentsOf: folder.appendingPathComponent("h-nga-son/x-nga-an.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "don_vi: x-nga-an", with: "don_vi: x-nga-yen")
        try Data(late.utf8).write(to: folder.appendingPathComponent("h-nga-son/x-nga-yen.yaml"))

        let stale = try CLI.run(["status", "--outline", Fixtures.outlinePath, folder.path, "--as-of", "20/06/2020", "--json"])
        #expect(stale.status == 0, "\(stale.stderr)")
        #expect(
            stale.stdout.contains(
                """
                "can_tong_hop_lai" : [
                          "báo cáo của UBND thị trấn Nga Sơn đã thay đổi sau khi tổng hợp",
                          "UBND xã Nga Yên gửi báo cáo sau khi tổng hợp"
                        ]
                """))
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, folder.path, "--format", "md", "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("h-nga-son.yaml: tổng hợp từ 4/5 đơn vị cấp dưới; CẦN TỔNG HỢP LẠI:"))
        let draft = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)
        #expect(
            draft.contains(
                "| UBND huyện Nga Sơn | 29/04/2020 (đúng hạn) |  | hợp lệ; tổng hợp từ 4/5 đơn vị cấp dưới; CẦN TỔNG HỢP LẠI: báo cáo của UBND thị trấn Nga Sơn đã thay đổi sau khi tổng hợp; UBND xã Nga Yên gửi báo cáo sau khi tổng hợp |"
            ))
    }

    @Test("status --for: từ thư mục của tỉnh xem các xã của huyện")
    func statusDrillDown() throws {
        let r = try CLI.run([
            "status", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "--for", "h-nga-son", "--as-of", "30/04/2020",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("5   UBND xã Nga Yên") && $0.contains("chưa gửi") })
        #expect(lines.contains { $0.contains("UBND xã Nga Điền") && $0.contains("hợp lệ (2 cảnh báo)") })
        #expect(lines.last == "Tính đến 30/04/2020: đã gửi 4/5 đơn vị (hợp lệ 4, có lỗi 0, gửi muộn 0); chưa gửi 1, trong đó quá hạn 0.")
    }

    @Test("validate: nguồn gốc tong_hop_tu sai dạng, đơn vị không phải cấp dưới: lỗi có vị trí")
    func provenanceForm() throws {
        let dir = try Fixtures.temporaryDirectory()
        var text = try String(contentsOf: Fixtures.examples.appendingPathComponent("h-nga-son.yaml"), encoding: .utf8)
        let start = try #require(text.range(of: "tong_hop_tu:")).lowerBound
        text =
            String(text[..<start])
                + """
                tong_hop_tu:
                  de_cuong: "abc"
                  bao_cao:
                    - don_vi: x-nga-an
                      sha256: "\(String(repeating: "0", count: 64))"
                    - don_vi: so-tu-phap
                      sha256: "\(String(repeating: "1", count: 64))"
                    - don_vi: x-nga-thach
                      sha256: "XYZ"

                """
        try Data(text.utf8).write(to: dir.appendingPathComponent("h-nga-son.yaml"))
        let line = text[..<start].split(separator: "\n", omittingEmptySubsequences: false).count
        let r = try CLI.run(["validate", "--outline", Fixtures.outlinePath, "h-nga-son.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "h-nga-son.yaml:\(line + 1):13: lỗi: 'de_cuong' phải là mã SHA-256 của đề cương (64 chữ số hệ 16, chữ thường)"))
        #expect(
            r.stderr.contains(
                "h-nga-son.yaml:\(line + 5):15: lỗi: Sở Tư pháp không báo cáo UBND huyện Nga Sơn ('cap_tren' trong don-vi.yaml), nên không thể có trong báo cáo tổng hợp của đơn vị này"
            ))
        #expect(r.stderr.contains("h-nga-son.yaml:\(line + 8):15: lỗi: 'sha256' phải có 64 chữ số hệ 16, chữ thường"))
    }

    @Test("đề cương: cấp trên không có, cấp trên cùng cấp, loại đơn vị chưa thuộc cấp nào: lỗi có vị trí, mã 2")
    func outlineLevelErrors() throws {
        let copy = try Fixtures.outlineCopy(editing: [
            "don-vi.yaml": {
                $0.replacingOccurrences(
                    of: "    cap_tren: h-nga-son\n    dia_danh: \"Nga An\"", with: "    cap_tren: x-nga-thach\n    dia_danh: \"Nga An\""
                )
                .replacingOccurrences(
                    of: "    cap_tren: h-nga-son\n    dia_danh: \"Nga Yên\"", with: "    cap_tren: h-nga-sonn\n    dia_danh: \"Nga Yên\"")
            },
            "chuong-trinh.yaml": {
                $0.replacingOccurrences(of: "    loai_don_vi: [so-nganh, trung-uong]\n", with: "    loai_don_vi: [so-nganh]\n")
            },
        ])
        let units = try String(contentsOf: copy.appendingPathComponent("don-vi.yaml"), encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let same = try #require(units.firstIndex { $0 == "    cap_tren: x-nga-thach" }) + 1
        let unknown = try #require(units.firstIndex { $0 == "    cap_tren: h-nga-sonn" }) + 1
        let r = try CLI.run(["outline", "--check", copy.path])
        #expect(r.status == 2)
        #expect(
            r.stderr.contains(
                "don-vi.yaml:\(same):15: lỗi: cấp trên của 'x-nga-an' (cấp xã) phải là đơn vị ở cấp cao hơn; 'x-nga-thach' thuộc cấp xã"))
        #expect(
            r.stderr.contains(
                "don-vi.yaml:\(unknown):15: lỗi: đơn vị cấp trên 'h-nga-sonn' không có trong don-vi.yaml; có phải là 'h-nga-son'?"))
        #expect(
            r.stderr.contains(
                "chuong-trinh.yaml:1:1: lỗi: loại đơn vị 'trung-uong' chưa thuộc cấp nào: ghi vào 'loai_don_vi' của một mục trong 'cap'"))
    }

    @Test("tệp mẫu của xã: nơi nhận là huyện của xã, không phải UBND tỉnh")
    func communeSkeleton() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "x-nga-an", "-o", dir.path, "--format", "md"])
        #expect(r.status == 0, "\(r.stderr)")
        let yaml = try String(contentsOf: dir.appendingPathComponent("x-nga-an.yaml"), encoding: .utf8)
        #expect(yaml.contains("noi_nhan:\n  - \"UBND huyện Nga Sơn (để b/c);\"\n  - \"Lưu: VT.\"\n"))
        #expect(!yaml.contains("Sở Nội vụ (để tổng hợp)"))
    }

    @Test("--levels: huyện được tổng hợp trước trong cùng lượt; tệp gửi lên thay bản tổng hợp cũ; dự thảo y hệt tệp mẫu")
    func everyLevelInOneRun() throws {
        let folder = try Self.exampleCopy()
        let out = try Fixtures.temporaryDirectory()
        let r = try CLI.run([
            "consolidate", "--outline", Fixtures.outlinePath, folder.path, "--levels", "-o", out.path, "--format", "md,html",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("đã ghi \(folder.path)/h-nga-son.yaml (báo cáo của UBND huyện Nga Sơn gửi cấp trên)"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("h-nga-son/bao-cao-tong-hop.html").path))
        #expect(
            try Data(contentsOf: folder.appendingPathComponent("h-nga-son.yaml"))
                == Data(contentsOf: Fixtures.examples.appendingPathComponent("h-nga-son.yaml")))
        let draft = try String(contentsOf: out.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)
        #expect(Golden.mismatch(draft, "render/bao-cao-tong-hop.md") == nil)
        // A district's own report in the place of the roll-up is a person's file: refused, exit 3.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("h-nga-son.yaml"))
        try FileManager.default.copyItem(
            at: Self.district.appendingPathComponent("h-nga-son.yaml"), to: folder.appendingPathComponent("h-nga-son.yaml"))
        let refused = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, folder.path, "--levels", "-o", out.path])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("h-nga-son.yaml: lỗi: tệp đã có và không do tongket tạo ra"))
    }
}
