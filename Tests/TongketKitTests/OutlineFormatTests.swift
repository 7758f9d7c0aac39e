import Foundation
import Testing
import TongketKit
import TongketTestSupport

@testable import TongketCore

/// `dinh_dang` in chuong-trinh.yaml: an outline says which format it was written for; one
/// written before the key existed is format 1 and keeps working as it did.
@Suite("Đề cương: định dạng (dinh_dang)")
struct OutlineFormatTests {
    /// Every problem of a folder whose programme file is edited, as printed.
    func problems(_ source: URL = Fixtures.outlineDirectory, _ edit: @escaping (String) -> String) throws -> (path: String, lines: [String])
    {
        let folder = try Fixtures.outlineCopy(of: source, editing: ["chuong-trinh.yaml": edit])
        let checked = OutlineLoader.check(folder)
        #expect(checked.outline == nil)
        return (folder.appendingPathComponent("chuong-trinh.yaml").path, checked.diagnostics.map(\.description))
    }

    @Test("đề cương đi kèm ghi định dạng mới nhất")
    func bundledOutlinesAreCurrent() throws {
        for name in ["cchc-2011-2020", "cchc-2021-2030-so-ket"] {
            let text = try String(
                contentsOf: Fixtures.root.appendingPathComponent("outline/\(name)/chuong-trinh.yaml"), encoding: .utf8)
            #expect(text.contains("\ndinh_dang: \(OutlineFormat.current)\n"), "\(name)")
            #expect(try OutlineUpgrade.plan(for: Fixtures.root.appendingPathComponent("outline/\(name)")).isCurrent)
        }
    }

    @Test("đề cương định dạng 1 (không có dinh_dang) cho cùng đề cương như bản đi kèm: cây mục, đơn vị, phụ lục, schema")
    func formatOneReadsAsTheBundledOutline() throws {
        #expect(
            !(try String(contentsOf: Fixtures.formatOneOutline.appendingPathComponent("chuong-trinh.yaml"), encoding: .utf8))
                .contains("dinh_dang"))
        let old = try OutlineLoader.load(from: Fixtures.formatOneOutline)
        let bundled = try Fixtures.outline()
        #expect(OutlinePrinter.tree(old) == OutlinePrinter.tree(bundled))
        #expect(OutlinePrinter.units(old) == OutlinePrinter.units(bundled))
        #expect(OutlinePrinter.appendices(old) == OutlinePrinter.appendices(bundled))
        #expect(try SchemaGenerator.json(for: old) == SchemaGenerator.json(for: bundled))
        #expect(old.programme.reviewKind == bundled.programme.reviewKind)
        #expect(old.programme.basis.kind == bundled.programme.basis.kind)
        #expect(old.programme.consolidated.name == bundled.programme.consolidated.name)
    }

    @Test("định dạng mới hơn tongket: lỗi có vị trí, nói cả hai số định dạng và bảo cập nhật tongket")
    func newerFormat() throws {
        let (path, lines) = try problems { $0.replacingOccurrences(of: "\ndinh_dang: 2\n", with: "\ndinh_dang: 3\n") }
        #expect(
            lines == [
                "\(path):7:12: lỗi: đề cương viết theo định dạng 3, nhưng tongket \(TongketVersion.current) chỉ đọc được đến định dạng 2; hãy cập nhật tongket lên phiên bản mới hơn"
            ])
    }

    @Test("giá trị dinh_dang không phải số định dạng: lỗi có vị trí", arguments: ["hai", "0", "1.5", "[2]", "~"])
    func invalidValue(_ value: String) throws {
        let (path, lines) = try problems { $0.replacingOccurrences(of: "\ndinh_dang: 2\n", with: "\ndinh_dang: \(value)\n") }
        let expected =
            value == "~"
            ? "\(path):7:12: lỗi: 'dinh_dang' chưa được ghi; ghi số định dạng của thư mục đề cương, hiện là 2"
            : value == "[2]"
                ? "\(path):7:12: lỗi: 'dinh_dang' phải là một đoạn chữ, nhưng gặp một danh sách"
                : "\(path):7:12: lỗi: 'dinh_dang' là số định dạng của thư mục đề cương, một số nguyên từ 1 đến 2, nhưng gặp '\(value)'"
        #expect(lines == [expected])
    }

    @Test("định dạng 2 phải ghi rõ loai_tong_ket, can_cu.loai và bao_cao_tong_hop.ten")
    func formatTwoWritesTheDefaultsOut() throws {
        let (path, lines) = try problems {
            $0.replacingOccurrences(of: "  loai: Kế hoạch\n", with: "")
                .replacingOccurrences(of: "  ten: UBND tỉnh Thanh Hóa\n", with: "")
                .replacingOccurrences(of: "loai_tong_ket: tổng kết\n", with: "")
        }
        let hint = ": từ định dạng 2 phải ghi rõ (đề cương định dạng 1 viết trước khi có khóa này thì chạy 'tongket outline --upgrade')"
        // With the three lines gone: the root mapping starts at dinh_dang (line 7); can_cu's first
        // key is now 'so' (line 16); bao_cao_tong_hop's is don_vi_soan (line 68).
        #expect(
            lines == [
                "\(path):7:1: lỗi: thiếu khóa 'loai_tong_ket'\(hint)",
                "\(path):16:3: lỗi: thiếu khóa 'loai'\(hint)",
                "\(path):68:3: lỗi: thiếu khóa 'ten'\(hint)",
            ])
    }

    @Test("định dạng 1 ghi rõ 'dinh_dang: 1' cũng đọc được")
    func explicitFormatOne() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline,
            editing: ["chuong-trinh.yaml": { $0.replacingOccurrences(of: "\nma: ", with: "\ndinh_dang: 1\nma: ") }])
        #expect(OutlineLoader.check(folder).diagnostics.isEmpty)
    }
}
