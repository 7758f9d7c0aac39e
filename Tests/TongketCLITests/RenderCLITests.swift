import Foundation
import Testing
import TongketTestSupport

@Suite("Dòng lệnh: render")
struct RenderCLITests {
    let example = Fixtures.examples.appendingPathComponent("so-tu-phap.yaml").path

    func files(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test("ghi .md, .html và .docx của báo cáo và báo cáo chuyên đề; .md, .html giống tệp mẫu")
    func writesReports() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(
            try files(dir) == [
                "so-tu-phap.chuyen-de.docx", "so-tu-phap.chuyen-de.html", "so-tu-phap.chuyen-de.md", "so-tu-phap.docx", "so-tu-phap.html",
                "so-tu-phap.md",
            ])
        let markdown = try String(contentsOf: dir.appendingPathComponent("so-tu-phap.md"), encoding: .utf8)
        #expect(Golden.mismatch(markdown, "render/so-tu-phap.md") == nil)
        let html = try String(contentsOf: dir.appendingPathComponent("so-tu-phap.html"), encoding: .utf8)
        #expect(Golden.mismatch(html, "render/so-tu-phap.html") == nil)
    }

    @Test("cùng từng byte giữa các lần chạy, múi giờ và ngôn ngữ khác nhau")
    func reproducible() throws {
        let a = try Fixtures.temporaryDirectory()
        let b = try Fixtures.temporaryDirectory()
        _ = try CLI.run(["render", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", a.path])
        _ = try CLI.run(
            ["render", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", b.path],
            environment: ["TZ": "Asia/Ho_Chi_Minh", "LANG": "vi_VN.UTF-8", "LC_ALL": "vi_VN.UTF-8"])
        let names = try files(a)
        // 7 reports and 4 thematic reports, in three formats.
        #expect(names.count == 33)
        #expect(try files(b) == names)
        for name in names {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test("-o -: in một định dạng ra màn hình; hai định dạng thì báo dùng sai (64)")
    func stdout() throws {
        let r = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "-o", "-", "--format", "html"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(r.stdout.contains("<h1>KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH TỔNG THỂ"))
        let both = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "-o", "-"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("khi in ra màn hình (-o -) chỉ chọn một định dạng"))
        let unknown = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "--format", "odt"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("định dạng 'odt' không có; dùng md, html, docx, pdf"))
    }

    @Test("không ghi đè tệp không do tongket tạo (mã 3); tệp do tongket tạo thì được thay")
    func neverOverwritesForeignFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        let mine = dir.appendingPathComponent("so-tu-phap.md")
        try Data("Bản tôi tự sửa tay.\n".utf8).write(to: mine)
        let r = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "-o", dir.path, "--format", "md"])
        #expect(r.status == 3)
        #expect(
            r.stderr.contains("so-tu-phap.md: lỗi: tệp đã có và không do tongket tạo ra; không ghi đè (thêm --force nếu thật sự muốn thay)")
        )
        #expect(try String(contentsOf: mine, encoding: .utf8) == "Bản tôi tự sửa tay.\n")
        #expect(try files(dir) == ["so-tu-phap.md"])
        let forced = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "-o", dir.path, "--format", "md", "--force"])
        #expect(forced.status == 0)
        let again = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "-o", dir.path, "--format", "md"])
        #expect(again.status == 0, "tệp do tongket tạo phải được thay: \(again.stderr)")
    }

    @Test("bản báo cáo có lỗi: không dựng, mã 1, không có tệp kết quả")
    func invalidSubmission() throws {
        let dir = try Fixtures.temporaryDirectory()
        let bad = dir.appendingPathComponent("h-nga-son.yaml")
        try Data("don_vi: h-nga-son\nnoi_dung:\n  han-che: Chưa là danh sách\n".utf8).write(to: bad)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["render", "--outline", Fixtures.outlinePath, bad.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("h-nga-son.yaml:3:12: lỗi: mục 'han-che' phải là một danh sách"))
        #expect(r.stderr.contains("h-nga-son.yaml: không dựng báo cáo vì tệp có lỗi"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// A copy of the bundled templates in `dir` whose `bao-cao.mustache` opens a section it never
    /// closes: the folder and that file.
    static func brokenTemplates(in dir: URL) throws -> (folder: URL, file: URL) {
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Reports.templatesDirectory, to: templates)
        let file = templates.appendingPathComponent("bao-cao.mustache")
        try Data((try String(contentsOf: file, encoding: .utf8) + "{{#mo}}\n").utf8).write(to: file)
        return (templates, file)
    }

    @Test("mẫu hỏng: lỗi tệp:dòng:cột, mã 4, không có tệp kết quả")
    func brokenTemplates() throws {
        let dir = try Fixtures.temporaryDirectory()
        let (templates, file) = try Self.brokenTemplates(in: dir)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "-o", out.path, "--templates", templates.path])
        #expect(r.status == 4)
        #expect(r.stderr.hasPrefix("\(file.path):"))
        #expect(r.stderr.contains(": lỗi: mẫu Mustache sai: thiếu thẻ đóng {{/…}} của một khối"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// The outline and the templates are read side by side; what is wrong with them is still
    /// reported as when they were read in turn, the outline first, and only the outline's.
    @Test("đề cương hỏng và mẫu hỏng cùng lúc: chỉ báo lỗi đề cương, mã 2; thư mục mẫu không có: mã 4")
    func brokenOutlineAndTemplates() throws {
        let dir = try Fixtures.temporaryDirectory()
        let (templates, _) = try Self.brokenTemplates(in: dir)
        let outline = try Fixtures.outlineCopy(editing: ["chuong-trinh.yaml": { $0 + "\nkhoa_la: 1\n" }])
        let out = dir.appendingPathComponent("out")
        let both = try CLI.run(["render", "--outline", outline.path, example, "-o", out.path, "--templates", templates.path])
        #expect(both.status == 2)
        #expect(both.stderr.contains("thư mục đề cương \(outline.path) có lỗi"))
        #expect(!both.stderr.contains("Mustache"))
        let missing = dir.appendingPathComponent("khong-co")
        let none = try CLI.run(["render", "--outline", Fixtures.outlinePath, example, "-o", out.path, "--templates", missing.path])
        #expect(none.status == 4)
        #expect(none.stderr.contains("khong-co"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// The submissions are read while the templates are; their problems are still reported
    /// only once the outline and the templates are known to be sound.
    @Test("mẫu hỏng và báo cáo có lỗi: chỉ báo lỗi mẫu, mã 4; đề cương hỏng: chỉ lỗi đề cương, mã 2")
    func brokenTemplatesAndSubmission() throws {
        let dir = try Fixtures.temporaryDirectory()
        let (templates, file) = try Self.brokenTemplates(in: dir)
        let bad = dir.appendingPathComponent("h-nga-son.yaml")
        try Data("don_vi: h-nga-son\nnoi_dung:\n  han-che: Chưa là danh sách\n".utf8).write(to: bad)
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["render", "--outline", Fixtures.outlinePath, bad.path, "-o", out.path, "--templates", templates.path])
        #expect(r.status == 4)
        #expect(r.stderr.hasPrefix("\(file.path):"))
        #expect(!r.stderr.contains("han-che"))
        let outline = try Fixtures.outlineCopy(editing: ["chuong-trinh.yaml": { $0 + "\nkhoa_la: 1\n" }])
        let both = try CLI.run(["render", "--outline", outline.path, bad.path, "-o", out.path])
        #expect(both.status == 2)
        #expect(!both.stderr.contains("han-che"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // Sound templates: the submission's problem, at its place, after nothing else.
        let plain = try CLI.run(["render", "--outline", Fixtures.outlinePath, bad.path, "-o", out.path])
        #expect(plain.status == 1)
        #expect(plain.stderr.hasPrefix("\(bad.path):"))
        #expect(plain.stderr.contains("\(bad.path):3:12: lỗi: mục 'han-che' phải là một danh sách"))
    }

    /// A folder's units are made side by side; what is printed and written is what making them
    /// one by one gives.
    @Test("cả thư mục: mỗi tệp giống khi dựng riêng đơn vị ấy; thông báo theo thứ tự tệp; đơn vị có lỗi và văn bản tổng hợp bỏ qua")
    func wholeFolder() throws {
        let dir = try Fixtures.temporaryDirectory()
        let folder = dir.appendingPathComponent("bao-cao")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["so-tu-phap.yaml", "h-nga-son.yaml", "tong-hop.yaml", "so-y-te.yaml"] {
            try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try Data("don_vi: so-cong-thuong\nnoi_dung:\n  han-che: Chưa là danh sách\n".utf8)
            .write(to: folder.appendingPathComponent("so-cong-thuong.yaml"))
        let all = dir.appendingPathComponent("tat-ca")
        let r = try CLI.run(["render", "--outline", Fixtures.outlinePath, folder.path, "-o", all.path, "--format", "md,html,docx"])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let written = lines.filter { $0.hasPrefix("đã ghi ") }.map { $0.split(separator: "/").last.map(String.init) ?? "" }
        let reports = ["h-nga-son", "so-tu-phap", "so-tu-phap.chuyen-de", "so-y-te", "so-y-te.chuyen-de"]
        #expect(written == reports.flatMap { ["\($0).md", "\($0).html", "\($0).docx"] })
        let skipped = lines.firstIndex { $0.hasSuffix("so-cong-thuong.yaml: không dựng báo cáo vì tệp có lỗi") }
        let drafting = lines.firstIndex { $0.contains("tong-hop.yaml: văn bản tổng hợp của cơ quan soạn thảo") }
        #expect(skipped != nil && drafting != nil && skipped! < drafting!)
        for unit in ["h-nga-son", "so-y-te"] {
            let alone = dir.appendingPathComponent(unit)
            let one = try CLI.run([
                "render", "--outline", Fixtures.outlinePath, folder.appendingPathComponent("\(unit).yaml").path, "-o", alone.path,
                "--format",
                "md,html,docx",
            ])
            #expect(one.status == 0)
            for file in try files(alone) {
                #expect(
                    try Data(contentsOf: alone.appendingPathComponent(file)) == Data(contentsOf: all.appendingPathComponent(file)),
                    "\(file)")
            }
        }
    }

    /// Forty units' reports are 120 files or more; opened all at once they would need as many
    /// descriptors, past the 64 this run is allowed (`ulimit -n`).
    @Test("thư mục 40 đơn vị, chỉ được mở 64 tệp cùng lúc: đủ mọi tệp, mã 0")
    func manyFilesUnderDescriptorLimit() throws {
        let base = try Fixtures.temporaryDirectory()
        #expect(try CLI.run(["generate", "--outline", Fixtures.outlinePath, "--units", "40", "-o", base.path]).status == 0)
        let out = base.appendingPathComponent("ra")
        let render = [
            "render", "--outline", base.appendingPathComponent("de-cuong").path, base.appendingPathComponent("bao-cao").path, "-o",
            out.path, "--format", "md,html,docx",
        ]
        let r = try CLI.run(
            ["-c", "ulimit -n 64 && exec \"$0\" \"$@\"", CLI.binary.path] + render, in: base,
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(r.status == 0, "\(r.stderr)")
        let written = r.stderr.split(separator: "\n").filter { $0.hasPrefix("đã ghi ") }.count
        #expect(written >= 120)
        #expect(try files(out).count == written)
    }

    @Test("skeleton ghi cả bản mẫu đã dựng, giống tệp mẫu")
    func renderedSkeleton() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "so-tu-phap", "-o", dir.path])
        #expect(r.status == 0)
        let html = try String(contentsOf: dir.appendingPathComponent("so-tu-phap.mau.html"), encoding: .utf8)
        #expect(Golden.mismatch(html, "render/so-tu-phap.mau.html") == nil)
    }
}
