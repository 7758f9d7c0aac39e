import Foundation
import Testing
import TongketTestSupport

/// `tongket outline --upgrade DIR [--dry-run]` as a user runs it: the diff on stdout, what was
/// done on stderr, exit 0; an outline with errors or of a newer format is refused with exit 2 and
/// left untouched.
@Suite("Dòng lệnh: nâng thư mục đề cương (outline --upgrade)")
struct OutlineUpgradeCLITests {
    /// Every file of a folder with its bytes (temporary files included, so that none is left).
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    static let diffStart = "--- a/chuong-trinh.yaml\n+++ b/chuong-trinh.yaml\n@@ -2,6 +2,8 @@\n"

    @Test("--dry-run: in diff, không ghi gì, mã thoát 0")
    func dryRunWritesNothing() throws {
        let folder = try Fixtures.outlineCopy(of: Fixtures.formatOneOutline)
        let before = try snapshot(folder)
        let r = try CLI.run(["outline", "--upgrade", folder.path, "--dry-run"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix(Self.diffStart))
        #expect(r.stdout.contains("\n+dinh_dang: 2\n"))
        #expect(
            r.stderr
                == "chưa ghi gì (--dry-run); chạy lại không có --dry-run để nâng thư mục đề cương \(folder.path) từ định dạng 1 lên định dạng 2\n"
        )
        #expect(try snapshot(folder) == before)
    }

    @Test("nâng: in diff, ghi chuong-trinh.yaml, không để lại tệp tạm; chạy lần hai: đã ở định dạng mới nhất, không sửa gì")
    func upgradeThenNothing() throws {
        let folder = try Fixtures.outlineCopy(of: Fixtures.formatOneOutline)
        let before = try snapshot(folder)
        let r = try CLI.run(["outline", "--upgrade", folder.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix(Self.diffStart))
        #expect(r.stderr == "đã nâng thư mục đề cương \(folder.path) từ định dạng 1 lên định dạng 2: chuong-trinh.yaml\n")
        let after = try snapshot(folder)
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after.filter { before[$0.key] != $0.value }.map(\.key) == ["chuong-trinh.yaml"])
        let check = try CLI.run(["outline", "--check", folder.path])
        #expect(check.status == 0, "\(check.stderr)")
        let again = try CLI.run(["outline", "--upgrade", folder.path])
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr == "thư mục đề cương \(folder.path) đã ở định dạng mới nhất (2); không sửa gì\n")
        #expect(try snapshot(folder) == after)
    }

    @Test("đề cương có lỗi: in lỗi có vị trí, không sửa tệp nào, mã thoát 2")
    func brokenOutlineIsRefused() throws {
        let folder = try Fixtures.outlineCopy(
            of: Fixtures.formatOneOutline, editing: ["chuong-trinh.yaml": { $0.replacingOccurrences(of: "\ntinh: ", with: "\ntinhh: ") }])
        let before = try snapshot(folder)
        let r = try CLI.run(["outline", "--upgrade", folder.path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr.contains(
                "\(folder.path)/chuong-trinh.yaml:9:1: lỗi: khóa 'tinhh' không có trong tệp chương trình; có phải là 'tinh'?\n"))
        #expect(
            r.stderr.hasSuffix(
                "tongket: lỗi: thư mục đề cương \(folder.path) có lỗi; sửa các lỗi trên rồi chạy lại --upgrade (chưa sửa tệp nào)\n"))
        #expect(try snapshot(folder) == before)
    }

    @Test("đề cương định dạng mới hơn tongket: nói cả hai số định dạng, bảo cập nhật tongket, mã thoát 2")
    func newerFormatIsRefused() throws {
        let folder = try Fixtures.outlineCopy(
            editing: ["chuong-trinh.yaml": { $0.replacingOccurrences(of: "\ndinh_dang: 2\n", with: "\ndinh_dang: 3\n") }])
        for arguments in [
            ["outline", "--upgrade", folder.path], ["outline", "--check", folder.path], ["outline", "--outline", folder.path],
        ] {
            let r = try CLI.run(arguments)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stderr.contains("chuong-trinh.yaml:7:12: lỗi: đề cương viết theo định dạng 3, nhưng tongket "), "\(arguments)")
            #expect(r.stderr.contains("chỉ đọc được đến định dạng 2; hãy cập nhật tongket lên phiên bản mới hơn\n"), "\(arguments)")
        }
    }

    @Test("--dry-run không có --upgrade, hay --check cùng --upgrade: lỗi dùng lệnh")
    func misuse() throws {
        let alone = try CLI.run(["outline", "--dry-run"])
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("--dry-run chỉ dùng cùng --upgrade THƯ_MỤC"))
        let both = try CLI.run(["outline", "--check", "a", "--upgrade", "b"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("chọn một trong --check và --upgrade"))
    }
}
