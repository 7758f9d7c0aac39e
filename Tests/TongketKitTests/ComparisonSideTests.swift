import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Hai bên của một lần so sánh")
struct ComparisonSideTests {
    /// A report with two recorded rounds ("một", "hai") and a current output ("ba").
    func store() throws -> VersionStore {
        let dir = try Fixtures.temporaryDirectory()
        let store = VersionStore(directory: dir, report: "so-tu-phap")
        let output = dir.appendingPathComponent("so-tu-phap.md")
        for (text, status) in [("một\n", ReviewStatus.draft), ("hai\n", .reviewed)] {
            try Data(text.utf8).write(to: output)
            _ = try store.record(
                outputs: [output], inputs: [], status: status, reviewer: "Lê Văn Bình", date: SimpleDate(year: 2020, month: 6, day: 15),
                note: "")
        }
        try Data("ba\n".utf8).write(to: output)
        return store
    }

    func error(_ word: String, in store: VersionStore) -> ComparisonError? {
        do {
            _ = try ComparisonSide.resolve(word, in: store)
            return nil
        } catch {
            return error
        }
    }

    @Test("số lần, 'hien-tai' (có dấu hay không), đường dẫn: đúng văn bản và tên")
    func sides() throws {
        let store = try store()
        #expect(try ComparisonSide.resolve("1", in: store) == ComparisonSide(markdown: "một\n", name: "lần 1 (dự thảo, 15/06/2020)"))
        #expect(try ComparisonSide.resolve("2", in: store) == ComparisonSide(markdown: "hai\n", name: "lần 2 (đã rà soát, 15/06/2020)"))
        #expect(try ComparisonSide.resolve("hien-tai", in: store) == ComparisonSide(markdown: "ba\n", name: "hiện tại"))
        #expect(try ComparisonSide.resolve("hiện-tại", in: store).markdown == "ba\n")
        let other = store.directory.appendingPathComponent("ban-khac.md")
        try Data("bốn\n".utf8).write(to: other)
        #expect(try ComparisonSide.resolve(other.path, in: store) == ComparisonSide(markdown: "bốn\n", name: other.path))
    }

    @Test("lần không có, tệp không đọc được: lỗi riêng, đúng thông báo")
    func errors() throws {
        let store = try store()
        let unknown = error("5", in: store)
        #expect(unknown == .unknownRound(report: "so-tu-phap", round: 5, recorded: [1, 2]))
        #expect(unknown?.description == "tongket: lỗi: 'so-tu-phap' không có lần 5 (có: 1, 2)")
        let missing = store.directory.appendingPathComponent("khong-co.md").path
        #expect(error(missing, in: store) == .unreadable(path: missing))
        #expect(
            error(missing, in: store)?.description
                == "\(missing): lỗi: không đọc được tệp Markdown để so sánh (phiên bản cần có tệp .md)")
        // A round recorded from the Word document alone has no Markdown to compare.
        let docxOnly = VersionStore(directory: store.directory, report: "bao-cao-tong-hop")
        let docx = store.directory.appendingPathComponent("bao-cao-tong-hop.docx")
        try Data("PK".utf8).write(to: docx)
        _ = try docxOnly.record(
            outputs: [docx], inputs: [], status: .draft, reviewer: "Lê Văn Bình", date: SimpleDate(year: 2020, month: 6, day: 15), note: "")
        let recorded = docxOnly.folder(round: 1).appendingPathComponent("bao-cao-tong-hop.md").path
        #expect(error("1", in: docxOnly) == .unreadable(path: recorded))
    }
}
