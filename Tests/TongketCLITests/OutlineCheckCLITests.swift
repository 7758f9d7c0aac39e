import Foundation
import Testing
import TongketTestSupport

/// `tongket outline --check DIR`: whoever writes a new outline sees every problem, located.
@Suite("Dòng lệnh: kiểm tra thư mục đề cương")
struct OutlineCheckCLITests {
    @Test("đề cương đi kèm hợp lệ: một dòng tóm tắt, mã thoát 0")
    func bundledOutlineIsValid() throws {
        let r = try CLI.run(["outline", "--check", Fixtures.outlineDirectory.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.hasSuffix(
                ": hợp lệ — báo cáo tổng kết Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020 (2011–2020): 39 mục, 57 đơn vị, 7 phụ lục, 3 mục tiêu\n"
            ))
        #expect(r.stderr.isEmpty)
    }

    @Test("đề cương có khóa gõ sai và thiếu khóa: mọi lỗi có tệp, dòng, cột và gợi ý; mã thoát 2")
    func brokenOutlineIsLocated() throws {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("de-cuong")
        try FileManager.default.copyItem(at: Fixtures.outlineDirectory, to: folder)
        let programme = folder.appendingPathComponent("chuong-trinh.yaml")
        let text = try String(contentsOf: programme, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ntinh: ", with: "\ntinhh: ").utf8).write(to: programme)
        let r = try CLI.run(["outline", "--check", folder.path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        // The programme file: `tinh` is on line 12 of the bundled file (its first key, dinh_dang, is on line 7).
        #expect(r.stderr.contains("\(programme.path):7:1: lỗi: thiếu khóa 'tinh'\n"))
        #expect(r.stderr.contains("\(programme.path):12:1: lỗi: khóa 'tinhh' không có trong tệp chương trình; có phải là 'tinh'?\n"))
        #expect(r.stderr.hasSuffix("tongket: lỗi: thư mục đề cương \(folder.path) có lỗi\n"))
    }
}
