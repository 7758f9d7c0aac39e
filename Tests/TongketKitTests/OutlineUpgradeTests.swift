import Foundation
import Testing
import TongketKit
import TongketTestSupport

@testable import TongketCore

/// `tongket outline --upgrade`, in the library: a format-1 outline becomes the current format by
/// inserted lines only, loads to the same outline, and a second upgrade changes nothing.
@Suite("Nâng đề cương lên định dạng mới nhất")
struct OutlineUpgradeTests {
    /// The diff the upgrade of Tests/Fixtures/outline-format-1 shows.
    static let fixtureDiff = """
        --- a/chuong-trinh.yaml
        +++ b/chuong-trinh.yaml
        @@ -2,6 +2,8 @@
         # Tệp này cùng các tệp bên cạnh tạo thành "đề cương" dưới dạng dữ liệu.
         # Một tỉnh khác hay một chương trình khác (ví dụ sơ kết 2025) là một thư mục mới
         # theo cùng định dạng (xem docs/de-cuong.md), không cần sửa mã nguồn.
        +# Định dạng của thư mục đề cương (docs/de-cuong.md): tongket outline --upgrade nâng đề cương cũ lên.
        +dinh_dang: 2
         ma: cchc-2011-2020
         ten: Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020
         trich_yeu: Tổng kết thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020

        """

    /// The `.yaml` files of a folder, by path inside it.
    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path.hasSuffix(".yaml") {
            result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return result
    }

    @Test(
        "đề cương định dạng 1: thêm dinh_dang, thành đúng từng byte các tệp đi kèm (trừ dòng schema), đọc ra cùng đề cương; lần hai không đổi gì"
    )
    func fixtureBecomesTheBundledOutline() throws {
        let folder = try Fixtures.outlineCopy(of: Fixtures.formatOneOutline)
        let plan = try OutlineUpgrade.plan(for: folder)
        #expect(plan.format == 1)
        #expect(plan.changes.map(\.name) == ["chuong-trinh.yaml"])
        #expect(plan.changes.first?.diff == Self.fixtureDiff)
        try plan.write()
        let bundled = try files(Fixtures.outlineDirectory)
        let upgraded = try files(folder)
        #expect(upgraded.keys.sorted() == bundled.keys.sorted())
        for (path, data) in bundled {
            // The bundled files differ only by their first line, the editor's schema modeline.
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasPrefix("# yaml-language-server: $schema="), "\(path)")
            // The bundled outline has since been given optional data the format-1 outline never
            // had (the units' place, dia_danh; the indicators' decimals, thap_phan): those lines
            // are not the upgrade's.
            let added = path == "don-vi.yaml" ? "dia_danh" : path.hasPrefix("phu-luc/") ? "thap_phan" : nil
            let withoutModeline = text.drop { $0 != "\n" }.dropFirst()
                .split(separator: "\n", omittingEmptySubsequences: false).filter { line in added.map { !line.contains($0) } ?? true }
                .joined(separator: "\n")
            #expect(upgraded[path] == Data(withoutModeline.utf8), "\(path)")
        }
        let outline = try OutlineLoader.load(from: folder)
        #expect(OutlinePrinter.tree(outline) == OutlinePrinter.tree(try Fixtures.outline()))
        #expect(try OutlineUpgrade.plan(for: folder).isCurrent)
    }

    @Test("đề cương viết trước khi có loai_tong_ket, can_cu.loai, bao_cao_tong_hop.ten: ba khóa được ghi ra đúng chỗ với giá trị cũ")
    func defaultsAreWrittenOut() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline,
            editing: [
                "chuong-trinh.yaml": {
                    $0.replacingOccurrences(of: "  loai: Kế hoạch\n", with: "")
                        .replacingOccurrences(of: "  ten: UBND tỉnh Thanh Hóa\n", with: "")
                        .replacingOccurrences(of: "loai_tong_ket: tổng kết\n", with: "")
                }
            ])
        let before = try OutlineLoader.load(from: folder).programme
        let original = try String(contentsOf: folder.appendingPathComponent("chuong-trinh.yaml"), encoding: .utf8)
        let plan = try OutlineUpgrade.plan(for: folder)
        let diff = try #require(plan.changes.first?.diff)
        let added = diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        #expect(
            added == [
                "+# Định dạng của thư mục đề cương (docs/de-cuong.md): tongket outline --upgrade nâng đề cương cũ lên.",
                "+dinh_dang: 2", "+loai_tong_ket: tổng kết", "+  loai: Kế hoạch", "+  ten: UBND tỉnh Thanh Hóa",
            ])
        #expect(!diff.split(separator: "\n").contains { $0.hasPrefix("-") && !$0.hasPrefix("---") }, "không dòng nào bị xóa")
        try plan.write()
        let text = try String(contentsOf: folder.appendingPathComponent("chuong-trinh.yaml"), encoding: .utf8)
        #expect(text.contains("2011 - 2020\nloai_tong_ket: tổng kết\ntinh: Thanh Hóa\n"))
        #expect(text.contains("\ncan_cu:\n  loai: Kế hoạch\n  so: 34/KH-UBND\n"))
        #expect(text.contains("  co_quan: [ỦY BAN NHÂN DÂN, TỈNH THANH HÓA]\n  ten: UBND tỉnh Thanh Hóa\n  # Tên cơ quan ban hành"))
        #expect(text.count > original.count)
        let after = try OutlineLoader.load(from: folder).programme
        #expect(after.reviewKind == before.reviewKind)
        #expect(after.basis.kind == before.basis.kind)
        #expect(after.consolidated.name == before.consolidated.name)
        #expect(try OutlineUpgrade.plan(for: folder).isCurrent)
    }

    @Test("tệp Windows (CRLF, BOM): giữ BOM đầu tệp, dòng thêm vào cũng kết thúc bằng CRLF, mọi byte khác giữ nguyên")
    func windowsFileKeepsItsBytes() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline,
            editing: ["chuong-trinh.yaml": { "\u{FEFF}" + $0.replacingOccurrences(of: "\n", with: "\r\n") }])
        let url = folder.appendingPathComponent("chuong-trinh.yaml")
        let original = try Data(contentsOf: url)
        let plan = try OutlineUpgrade.plan(for: folder)
        try plan.write()
        let upgraded = try Data(contentsOf: url)
        #expect(upgraded.starts(with: [0xEF, 0xBB, 0xBF]))
        let inserted = Data(
            "# Định dạng của thư mục đề cương (docs/de-cuong.md): tongket outline --upgrade nâng đề cương cũ lên.\r\ndinh_dang: 2\r\n".utf8)
        let range = try #require(upgraded.range(of: inserted))
        var back = upgraded
        back.removeSubrange(range)
        #expect(back == original)
        #expect(OutlineLoader.check(folder).diagnostics.isEmpty)
    }

    @Test("'dinh_dang: 1' viết sẵn: chỉ đổi số, giữ lời chú thích trên cùng dòng")
    func explicitFormatOneIsRenumbered() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline,
            editing: ["chuong-trinh.yaml": { $0.replacingOccurrences(of: "\nma: ", with: "\ndinh_dang: 1 # định dạng cũ\nma: ") }])
        let plan = try OutlineUpgrade.plan(for: folder)
        let diff = try #require(plan.changes.first?.diff)
        #expect(diff.contains("\n-dinh_dang: 1 # định dạng cũ\n+dinh_dang: 2 # định dạng cũ\n"), "\(diff)")
    }

    @Test("bảng viết trên một dòng ({…}) thiếu khóa: không tự sửa, lỗi có vị trí, tệp giữ nguyên")
    func flowMappingIsRefused() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline,
            editing: [
                "chuong-trinh.yaml": {
                    $0.replacingOccurrences(
                        of: "can_cu:\n  loai: Kế hoạch\n  so: 34/KH-UBND\n  ngay: \"05/02/2020\"\n  co_quan: UBND tỉnh Thanh Hóa\n  ten: ",
                        with: "can_cu: {so: 34/KH-UBND, ngay: \"05/02/2020\", co_quan: UBND tỉnh Thanh Hóa}\ncan_cu_ten: ")
                }
            ])
        // Keep the file loadable: the flow mapping needs its 'ten' inside.
        let url = folder.appendingPathComponent("chuong-trinh.yaml")
        var text = try String(contentsOf: url, encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("can_cu_ten: ") })
        text = text.replacingOccurrences(of: line + "\n", with: "")
            .replacingOccurrences(
                of: "co_quan: UBND tỉnh Thanh Hóa}", with: "co_quan: UBND tỉnh Thanh Hóa, ten: \(line.dropFirst("can_cu_ten: ".count))}")
        try Data(text.utf8).write(to: url)
        #expect(OutlineLoader.check(folder).diagnostics.isEmpty, "\(OutlineLoader.check(folder).diagnostics)")
        let lineNumber = try #require(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("can_cu: {") }) + 1
        #expect {
            try OutlineUpgrade.plan(for: folder)
        } throws: { error in
            (error as? OutlineError)?.diagnostics.map(\.description) == [
                "\(url.path):\(lineNumber):9: lỗi: không tự thêm được khóa 'loai' vào bảng viết trên một dòng ({…}); hãy viết bảng thành nhiều dòng hoặc thêm 'loai' bằng tay rồi chạy lại"
            ]
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test("khóa để trống mà định dạng 1 cho là mặc định: không đoán, lỗi có vị trí nói giá trị tongket vẫn dùng")
    func emptyDefaultIsRefused() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline,
            editing: ["chuong-trinh.yaml": { $0.replacingOccurrences(of: "\nloai_tong_ket: tổng kết\n", with: "\nloai_tong_ket: \"\"\n") }])
        #expect(OutlineLoader.check(folder).diagnostics.isEmpty)
        let path = folder.appendingPathComponent("chuong-trinh.yaml").path
        #expect {
            try OutlineUpgrade.plan(for: folder)
        } throws: { error in
            (error as? OutlineError)?.diagnostics.map(\.description) == [
                "\(path):8:16: lỗi: 'loai_tong_ket' để trống: định dạng 2 phải ghi rõ; ghi giá trị (tongket vẫn dùng \"tổng kết\") rồi chạy lại"
            ]
        }
    }

    @Test("đề cương có lỗi: không nâng, trả mọi lỗi có vị trí")
    func brokenOutlineIsRefused() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline,
            editing: ["don-vi.yaml": { $0.replacingOccurrences(of: "    loai: huyen\n", with: "    loai: huyện\n") }])
        #expect {
            try OutlineUpgrade.plan(for: folder)
        } throws: { error in
            (error as? OutlineError)?.diagnostics.first?.description.hasPrefix(
                "\(folder.path)/don-vi.yaml:163:11: lỗi: loại đơn vị 'huyện'") == true
        }
    }

    @Test("diff: hai thay đổi xa nhau thành hai đoạn, mỗi đoạn ba dòng ngữ cảnh; hai văn bản giống nhau: rỗng")
    func unifiedDiffHunks() {
        let old = (1...20).map { "dòng \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "dòng 2\n", with: "dòng 2\nmới\n").replacingOccurrences(of: "dòng 18\n", with: "")
        #expect(
            UnifiedDiff.text(old: old, new: new, name: "a.yaml") == """
                --- a/a.yaml
                +++ b/a.yaml
                @@ -1,5 +1,6 @@
                 dòng 1
                 dòng 2
                +mới
                 dòng 3
                 dòng 4
                 dòng 5
                @@ -15,6 +16,5 @@
                 dòng 15
                 dòng 16
                 dòng 17
                -dòng 18
                 dòng 19
                 dòng 20

                """)
        #expect(UnifiedDiff.text(old: old, new: old, name: "a.yaml").isEmpty)
    }
}
