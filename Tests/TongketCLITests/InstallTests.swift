import Foundation
import Testing
import TongketKit
import TongketTestSupport

/// tongket installed as a new user gets it: `scripts/install` into a temporary prefix, and the
/// Debian package from `scripts/package-deb` unpacked into a scratch root, each run from a
/// folder outside the checkout with a clean environment.
///
/// Both install a debug build (the layout is what is tested; a release build takes many minutes
/// on two cores) from their own SwiftPM folder: `swift test` holds the lock of the one it runs
/// from. The install is made once for the run and shared; the suite is serial so the two never
/// build at once.
@Suite("Cài đặt: scripts/install vào PREFIX tạm, gói .deb giải nén", .serialized, .timeLimit(.minutes(30)))
struct InstallTests {
    /// SwiftPM's folder for these builds (ignored by git as `.build-*/`).
    static let scratch = ".build-install-test"

    /// A fresh build takes minutes on two cores; a stuck one ends here.
    static let buildSeconds = 1500

    /// `scripts/install --debug PREFIX` once per test run: the prefix, or the script's output.
    /// The prefix is in the test process's temporary folder, removed with it when the run ends.
    static let installed: Result<URL, ScriptFailure> = {
        do {
            let prefix = try Fixtures.temporaryDirectory().appendingPathComponent("tien-to")
            let r = try Script.run("install", ["--debug", "--scratch-path", scratch, prefix.path], seconds: buildSeconds)
            guard r.status == 0 else { return .failure(ScriptFailure(output: r.stdout)) }
            return .success(prefix)
        } catch {
            return .failure(ScriptFailure(output: "\(error)"))
        }
    }()

    /// What a failed script printed, shown by the test that needed it.
    struct ScriptFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { output }
    }

    /// The four everyday commands, from an empty folder outside the checkout with no
    /// `TONGKET_DATA`: each exits 0 and writes what it should. `examples` is the data folder's
    /// examples, which a user copies a submission from.
    func everydayCommands(_ tongket: URL, examples: URL) throws {
        let work = try Fixtures.temporaryDirectory()
        #expect(!work.path.hasPrefix(Fixtures.root.path))

        let outline = try CLI.run(["outline", "--outline", "cchc-2011-2020"], in: work, executable: tongket)
        #expect(outline.status == 0, "\(outline.stderr)")
        #expect(outline.stdout.hasPrefix("ĐỀ CƯƠNG BÁO CÁO"))

        let skeleton = try CLI.run(["skeleton", "--outline", "cchc-2011-2020", "--unit", "so-tu-phap"], in: work, executable: tongket)
        #expect(skeleton.status == 0, "\(skeleton.stderr)")
        for name in ["so-tu-phap.yaml", "so-tu-phap.mau.md", "so-tu-phap.mau.html", "so-tu-phap.mau.docx", "cchc-2011-2020.schema.json"] {
            #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent(name).path), "\(name)")
        }

        try FileManager.default.copyItem(
            at: examples.appendingPathComponent("h-nga-son.yaml"), to: work.appendingPathComponent("h-nga-son.yaml"))
        let render = try CLI.run(
            ["render", "--outline", "cchc-2011-2020", "h-nga-son.yaml", "-o", "bao-cao"], in: work, executable: tongket)
        #expect(render.status == 0, "\(render.stderr)")
        for name in ["h-nga-son.md", "h-nga-son.html", "h-nga-son.docx"] {
            #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("bao-cao/\(name)").path), "\(name)")
        }

        // The examples that came with tongket, named.
        let consolidate = try CLI.run(
            ["consolidate", "--outline", "cchc-2011-2020", examples.path, "-o", "tong-hop"], in: work, executable: tongket)
        #expect(consolidate.status == 0, "\(consolidate.stderr)")
        for name in ["bao-cao-tong-hop.md", "bao-cao-tong-hop.html", "bao-cao-tong-hop.docx"] {
            #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("tong-hop/\(name)").path), "\(name)")
        }
    }

    /// The manual page's text: an mdoc page for section 1 whose Vietnamese survived generation.
    func checkManual(_ text: String) {
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains(".Dt TONGKET 1"))
        #expect(lines.contains(".Sh NAME"))
        #expect(text.contains("Lập báo cáo tổng kết theo đề cương"))
        #expect(text.contains("TONGKET_DATA"))
        #expect(!text.contains("~u"))
        #expect(!lines.contains(""), "dòng trống trong trang mdoc")
    }

    /// The completion files swift-argument-parser generates, one per shell.
    func checkCompletions(bash: URL, zsh: URL, fish: URL) throws {
        #expect(try String(contentsOf: bash, encoding: .utf8).contains("complete -o filenames -F _tongket tongket"))
        #expect(try String(contentsOf: zsh, encoding: .utf8).hasPrefix("#compdef tongket"))
        #expect(try String(contentsOf: fish, encoding: .utf8).contains("complete -c 'tongket'"))
    }

    @Test("scripts/install PREFIX: bốn lệnh thường dùng chạy từ thư mục bất kỳ, dữ liệu ở PREFIX/share/tongket")
    func installIntoPrefix() throws {
        let prefix = try Self.installed.get()
        let tongket = prefix.appendingPathComponent("bin/tongket")
        let share = prefix.appendingPathComponent("share")
        try everydayCommands(tongket, examples: share.appendingPathComponent("tongket/examples/thanh-hoa-2020"))

        let version = try CLI.run(["--version"], in: FileManager.default.temporaryDirectory, executable: tongket)
        #expect(version.status == 0)
        #expect(
            version.stdout
                == "tongket 0.9.0\nthư mục dữ liệu: \(share.path)/tongket (cài đặt cùng chương trình)\n")

        checkManual(try String(contentsOf: share.appendingPathComponent("man/man1/tongket.1"), encoding: .utf8))
        try checkCompletions(
            bash: share.appendingPathComponent("bash-completion/completions/tongket"),
            zsh: share.appendingPathComponent("zsh/site-functions/_tongket"),
            fish: share.appendingPathComponent("fish/vendor_completions.d/tongket.fish"))
    }

    @Test("liên kết tới chương trình đã cài (~/bin/tongket) vẫn tìm thấy dữ liệu của nó")
    func linkedBinary() throws {
        let prefix = try Self.installed.get()
        let bin = try Fixtures.temporaryDirectory()
        let link = bin.appendingPathComponent("tongket")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: prefix.appendingPathComponent("bin/tongket"))
        let outline = try CLI.run(["outline", "--outline", "cchc-2011-2020", "--units"], in: bin, executable: link)
        #expect(outline.status == 0, "\(outline.stderr)")
    }

    @Test("chương trình chép riêng, không có dữ liệu: lỗi rõ ràng, mã 2; TONGKET_DATA chỉ tới dữ liệu thì chạy")
    func copiedBinary() throws {
        let prefix = try Self.installed.get()
        let alone = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: alone) }
        let tongket = alone.appendingPathComponent("tongket")
        try FileManager.default.copyItem(at: prefix.appendingPathComponent("bin/tongket"), to: tongket)

        let missing = try CLI.run(["outline", "--outline", "cchc-2011-2020"], in: alone, executable: tongket)
        #expect(missing.status == 2)
        #expect(
            missing.stderr
                == "tongket: lỗi: không tìm thấy đề cương 'cchc-2011-2020': không có thư mục này, và không có thư mục dữ liệu "
                + "của tongket để tìm đề cương đi kèm mang mã này (cài bằng scripts/install hoặc đặt TONGKET_DATA); "
                + "chỉ rõ thư mục đề cương bằng --outline\n")
        let version = try CLI.run(["--version"], in: alone, executable: tongket)
        #expect(
            version.stdout.hasSuffix(
                "thư mục dữ liệu: không tìm thấy (cài bằng scripts/install, đặt TONGKET_DATA hoặc dùng --outline và --templates)\n"))

        let data = prefix.appendingPathComponent("share/tongket")
        let named = try CLI.run(
            ["outline", "--outline", "cchc-2011-2020"], in: alone, environment: ["TONGKET_DATA": data.path], executable: tongket)
        #expect(named.status == 0, "\(named.stderr)")
        let wrong = try CLI.run(
            ["render", "--outline", "cchc-2011-2020", "x.yaml"], in: alone, environment: ["TONGKET_DATA": alone.path], executable: tongket)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("trong thư mục dữ liệu \(alone.path) (biến môi trường TONGKET_DATA)"))
    }

    @Test("scripts/install --uninstall PREFIX: gỡ đúng những gì đã cài, để nguyên các tệp khác")
    func uninstall() throws {
        let installed = try Self.installed.get()
        let prefix = try Fixtures.temporaryDirectory().appendingPathComponent("prefix")
        defer { try? FileManager.default.removeItem(at: prefix.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: installed, to: prefix)
        let other = prefix.appendingPathComponent("share/man/man1/khac.1")
        try Data("khác\n".utf8).write(to: other)

        let r = try Script.run("install", ["--uninstall", prefix.path], seconds: 60)
        #expect(r.status == 0, "\(r.stdout)")
        let left = try FileManager.default.subpathsOfDirectory(atPath: prefix.path).filter {
            !ResourceLocator.isDirectory(prefix.appendingPathComponent($0))
        }
        #expect(left == ["share/man/man1/khac.1"])
    }

    @Test("scripts/package-deb: gói .deb khai báo phụ thuộc Debian, giải nén (dpkg -x) vào thư mục tạm thì chạy được")
    func debianPackage() throws {
        let out = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let packaged = try Script.run(
            "package-deb", ["--debug", "--scratch-path", Self.scratch, out.path], seconds: Self.buildSeconds)
        try #require(packaged.status == 0, "\(packaged.stdout)")
        let debs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".deb") }
        try #require(debs.count == 1, "\(debs)")
        let deb = out.appendingPathComponent(debs[0])
        #expect(debs[0].hasPrefix("tongket_0.9.0_"))

        let fields = try Self.tool("/usr/bin/dpkg-deb", ["--field", deb.path, "Package", "Depends", "Recommends"])
        #expect(fields.hasPrefix("Package: tongket\n"))
        for dependency in ["libcmark0.30.2", "libyaml-0-2", "libxml2", "libjemalloc2", "libc6"] {
            #expect(fields.contains(dependency), "\(fields)")
        }
        #expect(!fields.contains("swift"))
        #expect(fields.contains("Recommends: chromium"))

        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.tool("/usr/bin/dpkg", ["-x", deb.path, root.path])
        let usr = root.appendingPathComponent("usr")
        try everydayCommands(
            usr.appendingPathComponent("bin/tongket"), examples: usr.appendingPathComponent("share/tongket/examples/thanh-hoa-2020"))

        let manual = try Self.tool("/bin/gzip", ["-dc", usr.appendingPathComponent("share/man/man1/tongket.1.gz").path])
        checkManual(manual)
        try checkCompletions(
            bash: usr.appendingPathComponent("share/bash-completion/completions/tongket"),
            zsh: usr.appendingPathComponent("share/zsh/vendor-completions/_tongket"),
            fish: usr.appendingPathComponent("share/fish/vendor_completions.d/tongket.fish"))
    }

    /// A system tool's stdout; a failure fails the test with what it said.
    static func tool(_ path: String, _ arguments: [String]) throws -> String {
        let r = try CLI.run(arguments, in: FileManager.default.temporaryDirectory, executable: URL(fileURLWithPath: path))
        try #require(r.status == 0, "\(path) \(arguments): \(r.stderr)")
        return r.stdout
    }
}
