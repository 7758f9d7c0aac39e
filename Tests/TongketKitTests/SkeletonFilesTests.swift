import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Ghi tệp mẫu của đơn vị")
struct SkeletonFilesTests {
    @Test("đơn vị được chọn, mọi đơn vị; mã sai có gợi ý khi gần đúng")
    func units() throws {
        let outline = try Fixtures.outline()
        #expect(try SkeletonFiles.units(nil, in: outline).count == outline.units.count)
        #expect(try SkeletonFiles.units("so-tu-phap", in: outline).map(\.id) == ["so-tu-phap"])
        #expect(throws: UnknownUnitError(id: "so-tu-phapp", suggestion: "so-tu-phap")) {
            try SkeletonFiles.units("so-tu-phapp", in: outline)
        }
        #expect(
            UnknownUnitError(id: "so-tu-phapp", suggestion: "so-tu-phap").description
                == "tongket: lỗi: mã đơn vị 'so-tu-phapp' không có trong danh mục; có phải là 'so-tu-phap'?")
        #expect(
            UnknownUnitError(id: "x", suggestion: nil).description
                == "tongket: lỗi: mã đơn vị 'x' không có trong danh mục; xem 'tongket outline --units'")
    }

    /// Writes the skeleton of so-tu-phap (YAML and Markdown) into `dir`; what was written or refused.
    func write(into dir: URL, force: Bool, forms: Bool = false) throws -> [String] {
        let renderer = try Reports.renderer()
        let units = try SkeletonFiles.units("so-tu-phap", in: renderer.outline)
        var events: [String] = []
        try SkeletonFiles.write(
            units, outline: renderer.outline, renderer: renderer, formats: [.markdown], to: dir, force: force, forms: forms
        ) {
            switch $0 {
            case .success(let url): events.append("ghi \(url.lastPathComponent)")
            case .failure(let error): events.append("không ghi \((error.path as NSString).lastPathComponent)")
            }
        }
        return events
    }

    @Test("tệp YAML đã có (bài đang viết) không bị thay nếu không --force; bản mẫu dựng thì được thay; lỗi một tệp không dừng tệp khác")
    func overwrite() throws {
        let dir = try Fixtures.temporaryDirectory()
        #expect(try write(into: dir, force: false) == ["ghi so-tu-phap.yaml", "ghi so-tu-phap.mau.md"])
        let yaml = dir.appendingPathComponent("so-tu-phap.yaml")
        try Data("don_vi: so-tu-phap  # đang viết\n".utf8).write(to: yaml)
        #expect(try write(into: dir, force: false) == ["không ghi so-tu-phap.yaml", "ghi so-tu-phap.mau.md"])
        #expect(try String(contentsOf: yaml, encoding: .utf8) == "don_vi: so-tu-phap  # đang viết\n")
        #expect(try write(into: dir, force: true) == ["ghi so-tu-phap.yaml", "ghi so-tu-phap.mau.md"])
        #expect(try String(contentsOf: yaml, encoding: .utf8).hasPrefix("# yaml-language-server"))
    }

    @Test("tệp Word và biểu Excel của đơn vị ghi bên cạnh tệp YAML; biểu đã có (có thể đã điền) không bị thay nếu không --force")
    func workbookForm() throws {
        let dir = try Fixtures.temporaryDirectory()
        #expect(
            try write(into: dir, force: false, forms: true) == [
                "ghi so-tu-phap.yaml", "ghi so-tu-phap.nhap.docx", "ghi so-tu-phap.bieu.xlsx", "ghi so-tu-phap.mau.md",
            ])
        let workbook = dir.appendingPathComponent("so-tu-phap.bieu.xlsx")
        let outline = try Fixtures.outline()
        let reading = WorkbookFormReader.read(contentsOf: workbook, shownName: "so-tu-phap.bieu.xlsx", outline: outline)
        #expect(reading.unitID == "so-tu-phap")
        #expect(!reading.diagnostics.hasErrors())
        try Data("đã điền".utf8).write(to: workbook)
        #expect(
            try write(into: dir, force: false, forms: true) == [
                "không ghi so-tu-phap.yaml", "không ghi so-tu-phap.nhap.docx", "không ghi so-tu-phap.bieu.xlsx", "ghi so-tu-phap.mau.md",
            ])
        #expect(try Data(contentsOf: workbook) == Data("đã điền".utf8))
    }

    @Test("JSON Schema bên cạnh tệp mẫu: thay bản tongket đã tạo, không thay tệp khác nếu không --force")
    func schema() throws {
        let outline = try Fixtures.outline()
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent(SkeletonWriter.schemaFileName(for: outline))
        try SkeletonFiles.writeSchema(for: outline, in: dir, force: false)
        try SkeletonFiles.writeSchema(for: outline, in: dir, force: false)
        #expect(try Data(contentsOf: url) == (try SchemaGenerator.json(for: outline)))
        try Data("{}".utf8).write(to: url)
        #expect(throws: FileError.self) { try SkeletonFiles.writeSchema(for: outline, in: dir, force: false) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "{}")
        try SkeletonFiles.writeSchema(for: outline, in: dir, force: true)
        #expect(SchemaGenerator.isGenerated(try Data(contentsOf: url)))
    }
}
