import Foundation
import Testing
import TongketTestSupport

/// The `tongket` binary as a user runs it: stdout, stderr and exit codes.
@Suite("Dòng lệnh tongket")
struct CLITests {
    @Test("validate: các ví dụ hợp lệ, mã thoát 0, cảnh báo ra stderr")
    func validateExamples() throws {
        let r = try CLI.run(["validate", "--outline", Fixtures.outlinePath, "examples/thanh-hoa-2020"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("Đã kiểm tra 8 tệp: 0 lỗi, 5 cảnh báo.\n"))
        #expect(r.stdout.contains("examples/thanh-hoa-2020/h-nga-son.yaml: hợp lệ\n"))
        #expect(r.stderr.contains("examples/thanh-hoa-2020/so-cong-thuong.yaml:85:5: cảnh báo: chỉ tiêu 'luot-dao-tao'"))
    }

    @Test("validate --strict: cảnh báo thành lỗi, mã thoát 1")
    func strict() throws {
        let r = try CLI.run(["validate", "--outline", Fixtures.outlinePath, "--strict", "examples/thanh-hoa-2020/so-cong-thuong.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("so-cong-thuong.yaml:85:5: lỗi: chỉ tiêu 'luot-dao-tao'"))
        #expect(r.stdout.hasSuffix("Đã kiểm tra 1 tệp: 2 lỗi, 0 cảnh báo.\n"))
    }

    @Test("validate: tệp lỗi in tệp:dòng:cột, mã thoát 1")
    func invalidFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("sai.yaml")
        try Data("don_vi: h-nga-sn\nbao_cao:\n  so: \"1\"\n  ngay: \"31/04/2020\"\n".utf8).write(to: file)
        let r = try CLI.run(["validate", "--outline", Fixtures.outlinePath, "sai.yaml"], in: dir)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "sai.yaml:1:9: lỗi: mã đơn vị 'h-nga-sn' không có trong danh mục đơn vị của đề cương (xem 'tongket outline --units'); có phải là 'h-nga-son'?"
            ))
        #expect(
            lines.contains("sai.yaml:4:9: lỗi: 'ngay' phải là một ngày có thật, dạng ngày/tháng/năm như 30/04/2020, nhưng gặp '31/04/2020'")
        )
        #expect(r.stdout == "sai.yaml: không hợp lệ\nĐã kiểm tra 1 tệp: 4 lỗi, 0 cảnh báo.\n")
    }

    /// jemalloc (Sources/CJemalloc) says on standard error that it cannot keep an arena per core
    /// when the process may not run on every core; the command drops that notice. Kept to one
    /// core of several here; on a one-core machine there is nothing to drop, and nothing to test.
    @Test("chạy trên một phần các lõi (taskset): không có dòng lạ của bộ cấp phát trong stderr")
    func fewerCores() throws {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return }
        let r = try CLI.run(
            ["-c", "0", CLI.binary.path, "validate", "--outline", Fixtures.outlinePath, "examples/thanh-hoa-2020/so-noi-vu.yaml"],
            executable: URL(fileURLWithPath: "/usr/bin/taskset"))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("examples/thanh-hoa-2020/so-noi-vu.yaml:114:5: cảnh báo: chỉ tiêu 'hai-long-hanh-chinh'"), "\(r.stderr)")
        #expect(!r.stderr.contains("jemalloc"), "\(r.stderr)")
    }

    @Test("validate: tệp không có, thư mục rỗng")
    func missingFile() throws {
        let r = try CLI.run(["validate", "--outline", Fixtures.outlinePath, "khong-co.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr == "khong-co.yaml:1:1: lỗi: không tìm thấy tệp\n")
    }

    @Test("skeleton: ghi tệp mẫu và schema, không ghi đè tệp đã có (mã thoát 3), --force thì ghi")
    func skeletonNeverOverwrites() throws {
        let dir = try Fixtures.temporaryDirectory()
        let first = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "h-nga-son", "-o", dir.path])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOf: dir.appendingPathComponent("h-nga-son.yaml"), encoding: .utf8)
        #expect(written.hasPrefix("# yaml-language-server: $schema=cchc-2011-2020.schema.json\n"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("cchc-2011-2020.schema.json").path))
        // The user starts writing; a second skeleton must not wipe that out.
        try Data((written + "# đang viết\n").utf8).write(to: dir.appendingPathComponent("h-nga-son.yaml"))
        let second = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "h-nga-son", "-o", dir.path])
        #expect(second.status == 3)
        #expect(
            second.stderr.contains(
                "h-nga-son.yaml: lỗi: tệp đã có; tongket không ghi đè lên tệp của người dùng (thêm --force nếu thật sự muốn thay)"))
        let kept = try String(contentsOf: dir.appendingPathComponent("h-nga-son.yaml"), encoding: .utf8)
        #expect(kept.hasSuffix("# đang viết\n"))
        let forced = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "h-nga-son", "-o", dir.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("h-nga-son.yaml"), encoding: .utf8) == written)
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(
            names == [
                "cchc-2011-2020.schema.json", "h-nga-son.bieu.xlsx", "h-nga-son.mau.docx", "h-nga-son.mau.html", "h-nga-son.mau.md",
                "h-nga-son.nhap.docx", "h-nga-son.yaml",
            ])
    }

    @Test("skeleton -o -: in ra màn hình, giống tệp mẫu")
    func skeletonToStdout() throws {
        let r = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "so-tu-phap", "-o", "-"])
        #expect(r.status == 0)
        #expect(Golden.mismatch(r.stdout, "skeleton/so-tu-phap.yaml") == nil)
    }

    @Test("skeleton: mã đơn vị sai, mã thoát 1 với gợi ý; thiếu --unit, mã thoát 64")
    func skeletonErrors() throws {
        let wrong = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "so-tu-phapp", "-o", "-"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "tongket: lỗi: mã đơn vị 'so-tu-phapp' không có trong danh mục; có phải là 'so-tu-phap'?\n")
        #expect(wrong.stdout.isEmpty)
        let usage = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("cần đúng một trong hai: --unit MÃ hoặc --all"))
    }

    @Test("skeleton --all: một tệp cho mỗi đơn vị trong danh mục")
    func skeletonAll() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--all", "-o", dir.path])
        #expect(r.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        // 52 units report to the province, and 5 communes to UBND huyện Nga Sơn.
        #expect(names.filter { $0.hasSuffix(".yaml") }.count == 52 + 5)
    }

    @Test("outline: cây đề cương ra stdout, giống tệp mẫu")
    func outline() throws {
        let r = try CLI.run(["outline", "--outline", Fixtures.outlinePath])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(Golden.mismatch(r.stdout, "outline/tree.txt") == nil)
        let units = try CLI.run(["outline", "--outline", Fixtures.outlinePath, "--units"])
        #expect(Golden.mismatch(units.stdout, "outline/units.txt") == nil)
    }

    @Test("đề cương hỏng: lỗi có vị trí trong tệp đề cương, mã thoát 2")
    func brokenOutline() throws {
        let dir = try Fixtures.temporaryDirectory()
        let copy = dir.appendingPathComponent("de-cuong-hong")
        try FileManager.default.copyItem(at: Fixtures.outlineDirectory, to: copy)
        let units = copy.appendingPathComponent("don-vi.yaml")
        var text = try String(contentsOf: units, encoding: .utf8)
        text = text.replacingOccurrences(of: "    loai: huyen\n", with: "    loai: huyện\n")
        try Data(text.utf8).write(to: units)
        let r = try CLI.run(["outline", "--outline", copy.path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        // The first district entry's "loai" is on line 166 (grep -n "loai: huyen"); its value starts at column 11.
        #expect(
            r.stderr.contains(
                "\(copy.path)/don-vi.yaml:166:11: lỗi: loại đơn vị 'huyện' không có trong chuong-trinh.yaml; có phải là 'huyen'?"))
        #expect(r.stderr.hasSuffix("tongket: lỗi: thư mục đề cương \(copy.path) có lỗi\n"))
    }

    @Test("schema: JSON ra stdout giống tệp trong kho")
    func schema() throws {
        let r = try CLI.run(["schema", "--outline", Fixtures.outlinePath])
        #expect(r.status == 0)
        let committed = try String(contentsOf: Fixtures.root.appendingPathComponent("outline/cchc-2011-2020.schema.json"), encoding: .utf8)
        #expect(r.stdout == committed)
    }

    @Test("trợ giúp bằng tiếng Việt")
    func help() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Lập báo cáo tổng kết theo đề cương"))
        #expect(r.stdout.contains("2 thư mục đề cương có lỗi"))
        let unknown = try CLI.run(["khong-co-lenh"])
        #expect(unknown.status == 64)
    }
}

@Suite("Dòng lệnh: tệp đầu vào lạ")
struct OddInputTests {
    @Test("thiết bị, ống dẫn, thư mục: lỗi rõ ràng, không treo")
    func specialFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("zero.yaml").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("thu-muc.yml.d"), withIntermediateDirectories: true)
        let r = try CLI.run(["validate", "--outline", Fixtures.outlinePath, "zero.yaml", "thu-muc.yml.d/"], in: dir)
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("zero.yaml:1:1: lỗi: không phải một tệp thường (thiết bị, ống dẫn hay liên kết hỏng); hãy chỉ tới tệp .yaml"))
        // A folder named on the command line with no .yaml in it is said, not silently skipped.
        #expect(r.stderr.contains("thu-muc.yml.d/:1:1: lỗi: đây là một thư mục (không có tệp .yaml nào trong đó)"))
        #expect(r.stdout.hasSuffix("Đã kiểm tra 2 tệp: 2 lỗi, 0 cảnh báo.\n"))
    }
}
