import Foundation
import Testing
import TongketKit
import TongketTestSupport

/// A working folder made by `tongket init` gives every command its inputs; outside one, a command
/// given no outline or no submissions stops and reads nothing, so that a forgotten argument never
/// brings in the bundled 2020 example or the 2020 outline.
@Suite("Thư mục làm việc: tongket init, -C, không đọc ví dụ khi không ghi rõ")
struct WorkspaceCLITests {
    static let secondOutline = "cchc-2021-2030-so-ket"
    static let secondExample = Fixtures.root.appendingPathComponent("examples/thanh-hoa-2025-so-ket")

    /// A working folder for the 2025 mid-term review holding the example's submissions and comments.
    static func workspace() throws -> URL {
        let base = try Fixtures.temporaryDirectory()
        let work = base.appendingPathComponent("so-ket")
        let made = try CLI.run(["init", work.path, "--outline", secondOutline, "--as-of", "30/09/2025"])
        #expect(made.status == 0, "\(made.stderr)")
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: secondExample.path) where name.hasSuffix(".yaml") {
            try fm.copyItem(at: secondExample.appendingPathComponent(name), to: work.appendingPathComponent("bao-cao/\(name)"))
        }
        let comments = secondExample.appendingPathComponent("gop-y")
        for name in try fm.contentsOfDirectory(atPath: comments.path) where name.hasSuffix(".yaml") {
            try fm.copyItem(at: comments.appendingPathComponent(name), to: work.appendingPathComponent("gop-y/\(name)"))
        }
        return work
    }

    @Test("init ghi tongket.yaml và ba thư mục; lần thứ hai không ghi đè (mã 3)")
    func initMakesTheFolder() throws {
        let base = try Fixtures.temporaryDirectory()
        let work = base.appendingPathComponent("dot-bao-cao")
        let r = try CLI.run(["init", work.path, "--outline", Self.secondOutline, "--as-of", "30/09/2025"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Đã tạo thư mục làm việc \(work.path): báo cáo sơ kết "))
        for folder in ["bao-cao", "gop-y", "ket-qua"] {
            #expect(ResourceLocator.isDirectory(work.appendingPathComponent(folder)), "\(folder)")
        }
        let file = work.appendingPathComponent("tongket.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let settings = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(
            settings == [
                "de_cuong: \"cchc-2021-2030-so-ket\"", "bao_cao: bao-cao", "gop_y: gop-y", "ket_qua: ket-qua",
                "tinh_den_ngay: \"30/09/2025\"",
            ])

        try Data("# sửa tay\n".utf8).write(to: file, options: .atomic)
        let again = try CLI.run(["init", work.path, "--outline", Self.secondOutline])
        #expect(again.status == 3)
        #expect(again.stderr == "tongket: lỗi: \(work.path) đã là thư mục làm việc (có tongket.yaml); không ghi đè\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "# sửa tay\n")
    }

    @Test("init với một thư mục đề cương: tongket.yaml ghi đường dẫn; đề cương có lỗi thì mã 2, không tạo gì")
    func initWithAFolder() throws {
        let base = try Fixtures.temporaryDirectory()
        let work = base.appendingPathComponent("w")
        let r = try CLI.run(["init", work.path, "--outline", Fixtures.outlinePath])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: work.appendingPathComponent("tongket.yaml"), encoding: .utf8)
        #expect(text.contains("\nde_cuong: \"\(Fixtures.outlinePath)\"\n"))
        #expect(text.contains("\n# tinh_den_ngay: \"20/06/2020\"\n"))

        let broken = base.appendingPathComponent("de-cuong-hong")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        let other = base.appendingPathComponent("w2")
        let refused = try CLI.run(["init", other.path, "--outline", broken.path])
        #expect(refused.status == 2)
        #expect(!FileManager.default.fileExists(atPath: other.path))
    }

    @Test(
        "trong thư mục làm việc, mọi lệnh lấy đề cương, báo cáo, góp ý, nơi ghi và ngày từ tongket.yaml",
        .timeLimit(.minutes(5)))
    func everyCommandInsideTheFolder() throws {
        let work = try Self.workspace()
        let validate = try CLI.run(["validate"], in: work)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("bao-cao/so-noi-vu.yaml: hợp lệ\n"))
        #expect(validate.stdout.contains("Đã kiểm tra 5 tệp: 0 lỗi, "))

        let status = try CLI.run(["status"], in: work)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Tính đến 30/09/2025: đã gửi 5/"))

        // The same from a subfolder and from elsewhere with -C, before or after the command.
        let below = try CLI.run(["status"], in: work.appendingPathComponent("bao-cao"))
        #expect(below.stdout == status.stdout)
        let before = try CLI.run(["-C", work.path, "status"], in: FileManager.default.temporaryDirectory)
        #expect(before.stdout == status.stdout, "\(before.stderr)")
        let after = try CLI.run(["status", "-C", work.path], in: FileManager.default.temporaryDirectory)
        #expect(after.stdout == status.stdout, "\(after.stderr)")

        let skeleton = try CLI.run(["skeleton", "--unit", "x-tho-xuan", "--format", "md"], in: work)
        #expect(skeleton.status == 0, "\(skeleton.stderr)")
        let consolidate = try CLI.run(["consolidate", "--format", "md"], in: work)
        #expect(consolidate.status == 0, "\(consolidate.stderr)")
        let comments = try CLI.run(["comments", "--format", "md"], in: work)
        #expect(comments.status == 0, "\(comments.stderr)")
        let render = try CLI.run(["render", "--format", "md", "-o", "ket-qua/don-vi"], in: work)
        #expect(render.status == 0, "\(render.stderr)")

        let out = work.appendingPathComponent("ket-qua")
        for name in ["x-tho-xuan.yaml", "bao-cao-tong-hop.md", "bang-tiep-thu-y-kien.md", "don-vi/so-noi-vu.md"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        // Everything written is the 2025 review's, nothing of the 2020 programme.
        for name in ["x-tho-xuan.yaml", "bao-cao-tong-hop.md", "bang-tiep-thu-y-kien.md", "don-vi/so-noi-vu.md"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            for word in ["34/KH-UBND", "2011 - 2020", "tổng kết 10 năm", "Nga Sơn"] {
                #expect(!text.contains(word), "\(name): \(word)")
            }
        }
        let draft = try String(contentsOf: out.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)
        #expect(draft.contains("sơ kết"))
    }

    @Test(
        "ngoài thư mục làm việc, lệnh cần báo cáo mà không được chỉ thì dừng, mã 64, không ghi gì",
        arguments: ["validate", "render", "consolidate", "status", "comments"])
    func noSilentExample(command: String) throws {
        let out = try Fixtures.temporaryDirectory()
        let arguments =
            [command, "--outline", Fixtures.outlinePath]
            + (["render", "consolidate", "comments"].contains(command) ? ["-o", out.path] : [])
        let r = try CLI.run(arguments, in: out)
        #expect(r.status == 64)
        let what = command == "comments" ? "tệp hay thư mục góp ý" : "tệp hay thư mục báo cáo"
        #expect(r.stderr.hasPrefix("tongket: lỗi: chưa chỉ \(what) nào: ghi sau lệnh"), "\(r.stderr)")
        #expect(r.stderr.contains("Ví dụ đi kèm chỉ được đọc khi ghi rõ"))
        #expect(r.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test("ngoài thư mục làm việc, không có đề cương mặc định khi đi kèm nhiều đề cương: mã 64, kể tên các đề cương")
    func noSilentOutline() throws {
        let elsewhere = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["outline"], in: elsewhere)
        #expect(r.status == 64)
        #expect(
            r.stderr
                == "tongket: lỗi: chưa chọn đề cương: ghi --outline <mã hoặc thư mục đề cương>, hoặc chạy lệnh trong thư mục làm "
                + "việc tạo bằng 'tongket init'; các đề cương đi kèm: cchc-2011-2020, cchc-2021-2030-so-ket\n")

        let byId = try CLI.run(["outline", "--outline", Self.secondOutline], in: elsewhere)
        #expect(byId.status == 0, "\(byId.stderr)")
        #expect(byId.stdout.contains("(mã đề cương: cchc-2021-2030-so-ket)"))

        let typo = try CLI.run(["outline", "--outline", "cchc-2021-2030-soket"], in: elsewhere)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("không tìm thấy đề cương 'cchc-2021-2030-soket'"))
        #expect(typo.stderr.contains("có phải là 'cchc-2021-2030-so-ket'?"))
    }

    @Test("outline --list kể các đề cương đi kèm với loại báo cáo và giai đoạn")
    func listOutlines() throws {
        let r = try CLI.run(["outline", "--list"], in: try Fixtures.temporaryDirectory())
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("cchc-2011-2020\tBáo cáo tổng kết "))
        #expect(lines[0].hasSuffix("(2011–2020)"))
        #expect(lines[1].hasPrefix("cchc-2021-2030-so-ket\tBáo cáo sơ kết "))
        #expect(lines[1].hasSuffix("(2021–2025)"))
    }

    @Test("tongket.yaml có lỗi: mọi lỗi kèm dòng, cột và gợi ý khóa gần nhất; mã 64; -C tới thư mục không có: mã 64")
    func brokenWorkspaceFile() throws {
        let work = try Fixtures.temporaryDirectory()
        let text = "de_cuongg: cchc-2011-2020\nbao_cao: bao-cao\ntinh_den_ngay: 31/02/2020\n"
        try Data(text.utf8).write(to: work.appendingPathComponent("tongket.yaml"))
        let r = try CLI.run(["status"], in: work)
        #expect(r.status == 64)
        #expect(
            r.stderr.split(separator: "\n").map(String.init) == [
                "tongket.yaml:1:1: lỗi: khóa 'de_cuongg' không có trong tệp tongket.yaml; có phải là 'de_cuong'?",
                "tongket.yaml:1:1: lỗi: thiếu khóa 'de_cuong'",
                "tongket.yaml:3:16: lỗi: 'tinh_den_ngay' phải là một ngày có thật, dạng ngày/tháng/năm như "
                    + "\(SimpleDate.today()), nhưng gặp '31/02/2020'",
                "tongket: lỗi: tệp thư mục làm việc tongket.yaml có lỗi",
            ])

        let missing = try CLI.run(["-C", work.appendingPathComponent("khong-co").path, "status"])
        #expect(missing.status == 64)
        #expect(missing.stderr == "tongket: lỗi: -C \(work.appendingPathComponent("khong-co").path): không có thư mục này\n")
    }

    /// One programme's working folder, its example, and the words of the other programme that
    /// none of its outputs may hold: its basis, period, kind of review and a place that exists
    /// only in its own time (Hạc Thành ward, 2025; Nga Sơn district, 2020). Names such as Bỉm Sơn
    /// or Yên Định exist in both and units write "cấp huyện" of the level that ended, so they are
    /// not foreign words.
    struct Programme: Sendable, CustomTestStringConvertible {
        var outline: String
        var example: String
        var foreignWords: [String]
        var testDescription: String { outline }
    }

    @Test(
        "mọi kết quả của một đề cương (mẫu, báo cáo đơn vị, dự thảo, bảng góp ý, tình hình, schema) không có chữ nào của đề cương kia",
        .timeLimit(.minutes(5)),
        arguments: [
            Programme(
                outline: "cchc-2021-2030-so-ket", example: "examples/thanh-hoa-2025-so-ket",
                foreignWords: ["2011", "2020", "34/KH-UBND", "Nga Sơn", "tổng kết", "2011 - 2020"]),
            Programme(
                outline: "cchc-2011-2020", example: "examples/thanh-hoa-2020",
                foreignWords: ["76/NQ-CP", "sơ kết", "2026 - 2030", "hai cấp", "Hạc Thành"]),
        ])
    func outputsHoldNoWordOfTheOther(_ programme: Programme) throws {
        let base = try Fixtures.temporaryDirectory()
        let work = base.appendingPathComponent("dot")
        #expect(try CLI.run(["init", work.path, "--outline", programme.outline]).status == 0)
        let example = Fixtures.root.appendingPathComponent(programme.example)
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: example.path) where name.hasSuffix(".yaml") {
            try fm.copyItem(at: example.appendingPathComponent(name), to: work.appendingPathComponent("bao-cao/\(name)"))
        }
        for name in try fm.contentsOfDirectory(atPath: example.appendingPathComponent("gop-y").path) {
            try fm.copyItem(
                at: example.appendingPathComponent("gop-y/\(name)"), to: work.appendingPathComponent("gop-y/\(name)"))
        }
        for arguments in [
            ["skeleton", "--all", "--format", "md,html", "-o", "ket-qua/mau"],
            ["render", "--format", "md,html", "-o", "ket-qua/don-vi"], ["consolidate", "--format", "md,html"],
            ["comments", "--format", "md,html"], ["schema", "-o", "ket-qua/schema.json"],
        ] {
            let r = try CLI.run(arguments, in: work)
            #expect(r.status == 0, "\(arguments[0]): \(r.stderr)")
        }
        let status = try CLI.run(["status"], in: work)
        try Data(status.stdout.utf8).write(to: work.appendingPathComponent("ket-qua/tinh-hinh.txt"))

        let out = work.appendingPathComponent("ket-qua")
        let files = (fm.enumerator(atPath: out.path)?.allObjects as? [String] ?? []).filter { name in
            [".md", ".html", ".yaml", ".json", ".txt"].contains { name.hasSuffix($0) }
        }
        #expect(files.count > 20)
        for name in files {
            var text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            // The decree on the form of documents governs every programme, and the page's style
            // sheet cites it; units' own texts in the 2020 example plan tasks for "2021 - 2025".
            text = text.replacingOccurrences(of: "30/2020/NĐ-CP", with: "")
            if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
            for word in programme.foreignWords where text.lowercased().contains(word.lowercased()) {
                let line = text.split(separator: "\n").first { $0.lowercased().contains(word.lowercased()) } ?? ""
                Issue.record("\(programme.outline): \(name) có «\(word)»: \(line.prefix(200))")
            }
        }
    }
}
