import Foundation
import Testing
import TongketTestSupport

/// A unit's Word and Excel forms through the commands: skeleton writes them, validate and render
/// read them wherever they read YAML, import writes the YAML, and a unit that sent both YAML and
/// forms, or a file that is not a form, stops with the documented code and no output.
@Suite("Biểu mẫu Word và Excel qua dòng lệnh")
struct FormsCLITests {
    /// A folder holding so-tu-phap's forms filled by python-docx and openpyxl, named otherwise
    /// than skeleton names them (pairing is by the unit inside).
    func filledForms() throws -> URL {
        let blank = try Fixtures.temporaryDirectory()
        let made = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "so-tu-phap", "--format", "md", "-o", blank.path])
        try #require(made.status == 0, "\(made.stderr)")
        let forms = try Fixtures.temporaryDirectory()
        let word = try ExternalTool.python(
            FormFillers.word,
            [blank.appendingPathComponent("so-tu-phap.nhap.docx").path, forms.appendingPathComponent("bao-cao-stp.docx").path])
        try #require(word.status == 0, "\(word.output)")
        let excel = try ExternalTool.python(
            FormFillers.excel,
            [blank.appendingPathComponent("so-tu-phap.bieu.xlsx").path, forms.appendingPathComponent("so-lieu.xlsx").path])
        try #require(excel.status == 0, "\(excel.output)")
        return forms
    }

    @Test("validate và render đọc cặp tệp Word và Excel như đọc YAML; import ghi tệp YAML hợp lệ với cùng nội dung")
    func readAndImport() throws {
        try #require(ExternalTool.pythonDocx && ExternalTool.openpyxl, "python-docx hoặc openpyxl chưa cài được; bỏ qua")
        let forms = try filledForms()
        let validate = try CLI.run(["validate", "--outline", Fixtures.outlinePath, forms.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("bao-cao-stp.docx + ") && validate.stdout.contains("so-lieu.xlsx: hợp lệ"), "\(validate.stdout)")
        #expect(
            validate.stderr.contains(
                "so-lieu.xlsx: Biểu 02, ô E5 (Số văn bản quy phạm pháp luật được ban hành, năm 2012): cảnh báo: số được gõ dạng chữ"))
        let out = try Fixtures.temporaryDirectory()
        let imported = try CLI.run(["import", "--outline", Fixtures.outlinePath, forms.path, "-o", out.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let yaml = try String(contentsOf: out.appendingPathComponent("so-tu-phap.yaml"), encoding: .utf8)
        #expect(yaml.contains("    vb-qppl-ban-hanh:\n      2011: 12\n      2012: 1234\n"))
        #expect(yaml.contains("  boi-canh: |\n    Năm 2011, **Sở** đã ban hành *kế hoạch*\n"))
        let again = try CLI.run(["validate", "--outline", Fixtures.outlinePath, out.appendingPathComponent("so-tu-phap.yaml").path])
        #expect(again.status == 0, "\(again.stderr)")
        let rendered = try Fixtures.temporaryDirectory()
        let render = try CLI.run(["render", "--outline", Fixtures.outlinePath, forms.path, "--format", "md", "-o", rendered.path])
        #expect(render.status == 0, "\(render.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: rendered.path)
        let report = try #require(names.first { $0.hasSuffix(".md") })
        let markdown = try String(contentsOf: rendered.appendingPathComponent(report), encoding: .utf8)
        #expect(markdown.contains("Năm 2011, **Sở** đã ban hành *kế hoạch*"))
    }

    @Test(
        "skeleton --from điền sẵn hai biểu mẫu từ tệp YAML (--all: từ mọi tệp YAML của thư mục); validate đọc chúng hợp lệ; tệp của đơn vị khác bị từ chối, không ghi gì"
    )
    func skeletonFrom() throws {
        let yaml = Fixtures.examples.appendingPathComponent("so-tu-phap.yaml").path
        let out = try Fixtures.temporaryDirectory()
        let made = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "so-tu-phap", "--from", yaml, "-o", out.path])
        #expect(made.status == 0, "\(made.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["so-tu-phap.bieu.xlsx", "so-tu-phap.nhap.docx"])
        let validate = try CLI.run(["validate", "--outline", Fixtures.outlinePath, out.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        let other = try Fixtures.temporaryDirectory()
        let refused = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--unit", "so-noi-vu", "--from", yaml, "-o", other.path])
        #expect(refused.status == 1 && refused.stderr.contains("không phải 'so-noi-vu'"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path).isEmpty)
        // Every unit of a folder at once: two forms for each of its YAML files, read back valid.
        let every = try Fixtures.temporaryDirectory()
        let all = try CLI.run(["skeleton", "--outline", Fixtures.outlinePath, "--all", "--from", Fixtures.examples.path, "-o", every.path])
        #expect(all.status == 0, "\(all.stderr)")
        // The drafting body's own text (tong-hop.yaml) has no forms and is passed over.
        let yamls = try FileManager.default.contentsOfDirectory(atPath: Fixtures.examples.path).filter {
            $0.hasSuffix(".yaml") && $0 != "tong-hop.yaml"
        }
        #expect(all.stderr.contains("tong-hop.yaml: bỏ qua: văn bản tổng hợp"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: every.path).count == 2 * yamls.count)
        let validAll = try CLI.run(["validate", "--outline", Fixtures.outlinePath, every.path])
        #expect(validAll.status == 0, "\(validAll.stderr)")
    }

    @Test("đơn vị nộp cả YAML và biểu mẫu: lỗi nêu mọi tệp, mã thoát 1")
    func yamlAndForms() throws {
        try #require(ExternalTool.pythonDocx && ExternalTool.openpyxl, "python-docx hoặc openpyxl chưa cài được; bỏ qua")
        let forms = try filledForms()
        try Data(contentsOf: Fixtures.examples.appendingPathComponent("so-tu-phap.yaml")).write(
            to: forms.appendingPathComponent("stp.yaml"))
        let validate = try CLI.run(["validate", "--outline", Fixtures.outlinePath, forms.path])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("đơn vị 'so-tu-phap' nộp cả tệp YAML và biểu mẫu Word/Excel"), "\(validate.stderr)")
        for name in ["stp.yaml", "bao-cao-stp.docx", "so-lieu.xlsx"] { #expect(validate.stderr.contains(name)) }
    }

    @Test("tệp .xls cũ đổi tên thành .xlsx: lỗi rõ, mã thoát 1, import không ghi gì")
    func oldFormat() throws {
        let folder = try Fixtures.temporaryDirectory()
        let file = folder.appendingPathComponent("so-lieu.xlsx")
        try (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 2_048)).write(to: file)
        let validate = try CLI.run(["validate", "--outline", Fixtures.outlinePath, file.path])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("so-lieu.xlsx:1:1: lỗi: tệp là định dạng .xls cũ"), "\(validate.stderr)")
        let out = try Fixtures.temporaryDirectory()
        let imported = try CLI.run(["import", "--outline", Fixtures.outlinePath, file.path, "-o", out.path])
        #expect(imported.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test("status và consolidate đọc biểu mẫu: dự thảo tổng hợp từ biểu mẫu của Sở Tư pháp giống hệt dự thảo từ tệp YAML của sở")
    func consolidateFromForms() throws {
        let folder = try Fixtures.temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.examples.path)
        where name.hasSuffix(".yaml") && name != "so-tu-phap.yaml" {
            try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for name in ["so-tu-phap.nhap.docx", "so-tu-phap.bieu.xlsx"] {
            try FileManager.default.copyItem(
                at: Fixtures.examples.appendingPathComponent("bieu-mau/\(name)"), to: folder.appendingPathComponent(name))
        }
        // The communes' reports the district's roll-up was made from, which the annex looks at.
        try FileManager.default.copyItem(
            at: Fixtures.examples.appendingPathComponent("h-nga-son"), to: folder.appendingPathComponent("h-nga-son"))
        let status = try CLI.run(["status", "--outline", Fixtures.outlinePath, folder.path])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.split(separator: "\n").contains { $0.contains("Sở Tư pháp") && $0.contains("hợp lệ") })
        let fromForms = try Fixtures.temporaryDirectory()
        let fromYAML = try Fixtures.temporaryDirectory()
        let a = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, folder.path, "--format", "md", "-o", fromForms.path])
        let b = try CLI.run([
            "consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "--format", "md", "-o", fromYAML.path,
        ])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let draft = "bao-cao-tong-hop.md"
        #expect(
            try Data(contentsOf: fromForms.appendingPathComponent(draft)) == Data(contentsOf: fromYAML.appendingPathComponent(draft)))
    }
}
