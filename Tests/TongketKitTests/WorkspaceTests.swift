import Foundation
import Testing
import TongketKit
import TongketTestSupport

@Suite("Thư mục làm việc và cách chọn đề cương")
struct WorkspaceTests {
    /// A data folder holding outlines with these ids (only the programme file matters here).
    func dataFolder(_ ids: [String]) throws -> DataFolder {
        let root = try Fixtures.temporaryDirectory()
        for id in ids {
            let folder = root.appendingPathComponent("outline/\(id)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("ten: x\n".utf8).write(to: folder.appendingPathComponent("chuong-trinh.yaml"))
        }
        // A folder without a programme file is not an outline.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("outline/nhap"), withIntermediateDirectories: true)
        return DataFolder(url: root, origin: .environment)
    }

    @Test("không ghi gì: một đề cương đi kèm thì dùng nó; hai thì không chọn thay người dùng")
    func defaultOnlyWhenAlone() throws {
        let one = try dataFolder(["a"])
        #expect(try OutlineChoice.resolve(given: nil, workspace: nil, data: one) == one.appending("outline/a"))
        let two = try dataFolder(["b", "a"])
        #expect(OutlineChoice.installedOutlines(in: two) == ["a", "b"])
        #expect(throws: OutlineChoice.Failure.notChosen(installed: ["a", "b"])) {
            try OutlineChoice.resolve(given: nil, workspace: nil, data: two)
        }
        #expect(throws: OutlineChoice.Failure.notChosen(installed: [])) {
            try OutlineChoice.resolve(given: nil, workspace: nil, data: nil)
        }
    }

    @Test("--outline: một thư mục có thật trước, rồi mã đề cương đi kèm; không có thì báo kèm gợi ý")
    func namedOutline() throws {
        let data = try dataFolder(["cchc-2011-2020", "cchc-2021-2030-so-ket"])
        #expect(
            try OutlineChoice.resolve(given: "cchc-2021-2030-so-ket", workspace: nil, data: data)
                == data.appending("outline/cchc-2021-2030-so-ket"))
        let folder = try Fixtures.temporaryDirectory()
        #expect(try OutlineChoice.resolve(given: folder.path, workspace: nil, data: data).path == folder.path)
        do {
            _ = try OutlineChoice.resolve(given: "cchc-2011-2021", workspace: nil, data: data)
            Issue.record("mong đợi lỗi")
        } catch {
            #expect(error == .notFound("cchc-2011-2021", data: data, installed: ["cchc-2011-2020", "cchc-2021-2030-so-ket"]))
            #expect(error.message.contains("có phải là 'cchc-2011-2020'?"))
        }
    }

    @Test("tongket.yaml: đường dẫn tính từ thư mục chứa nó, khóa bỏ trống lấy tên mặc định; đề cương theo nó")
    func workspaceFile() throws {
        let root = try Fixtures.temporaryDirectory()
        let work = root.appendingPathComponent("dot")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("con/chau"), withIntermediateDirectories: true)
        let file = work.appendingPathComponent("tongket.yaml")
        try Data("de_cuong: ../de-cuong-rieng\nket_qua: ra\ntinh_den_ngay: 30/09/2025\n".utf8).write(to: file)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("de-cuong-rieng"), withIntermediateDirectories: true)

        #expect(Workspace.find(from: work.appendingPathComponent("con/chau"))?.standardizedFileURL == file.standardizedFileURL)
        #expect(Workspace.find(from: root) == nil)

        let workspace = try Workspace.load(file, shownName: "tongket.yaml")
        #expect(workspace.outline == "../de-cuong-rieng")
        #expect(workspace.submissions.path == work.appendingPathComponent("bao-cao").standardizedFileURL.path)
        #expect(workspace.comments.path == work.appendingPathComponent("gop-y").standardizedFileURL.path)
        #expect(workspace.output.path == work.appendingPathComponent("ra").standardizedFileURL.path)
        #expect(workspace.templates == nil)
        #expect(workspace.asOf == SimpleDate(year: 2025, month: 9, day: 30))
        // A folder relative to the working folder, not to wherever the command runs.
        #expect(
            try OutlineChoice.resolve(given: nil, workspace: workspace, data: nil).path
                == root.appendingPathComponent("de-cuong-rieng").standardizedFileURL.path)
    }

    @Test("tệp init ghi đọc lại được và cho đúng các giá trị đã chọn")
    func initialTextRoundTrips() throws {
        let work = try Fixtures.temporaryDirectory()
        let file = work.appendingPathComponent("tongket.yaml")
        let text = Workspace.text(outline: "cchc-2021-2030-so-ket", asOf: nil, example: SimpleDate(year: 2025, month: 9, day: 30))
        #expect(text.contains("\n# tinh_den_ngay: \"30/09/2025\"\n"))
        try Data(text.utf8).write(to: file)
        let workspace = try Workspace.load(file, shownName: "tongket.yaml")
        #expect(workspace.outline == "cchc-2021-2030-so-ket")
        #expect(workspace.asOf == nil)
        #expect(workspace.submissions.lastPathComponent == "bao-cao")
    }
}
