import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Phiên bản đã ghi")
struct VersionStoreTests {
    /// A folder with outputs `bao-cao-tong-hop.md` and `.html` holding `text`, and a source file.
    func folder(_ text: String) throws -> (store: VersionStore, outputs: [URL], source: URL) {
        let dir = try Fixtures.temporaryDirectory()
        let outputs = ["md", "html"].map { dir.appendingPathComponent("bao-cao-tong-hop.\($0)") }
        for url in outputs { try Data(text.utf8).write(to: url) }
        let source = dir.appendingPathComponent("nguon.yaml")
        try Data("don_vi: so-tu-phap\n".utf8).write(to: source)
        return (VersionStore(directory: dir, report: "bao-cao-tong-hop"), outputs, source)
    }

    func record(_ store: VersionStore, _ outputs: [URL], _ source: URL, text: String, status: ReviewStatus = .draft) throws
        -> VersionManifest
    {
        for url in outputs { try Data(text.utf8).write(to: url) }
        return try store.record(
            outputs: outputs, inputs: [("nguon.yaml", source)], status: status, reviewer: "Lê Văn Bình",
            date: SimpleDate(year: 2020, month: 6, day: 10), note: "gửi xin ý kiến")
    }

    @Test("ba lần ghi: lần 1, 2, 3, mỗi lần móc vào SHA-256 của lần trước; kiểm tra không thấy lỗi")
    func threeRounds() throws {
        let (store, outputs, source) = try folder("")
        let first = try record(store, outputs, source, text: "lần một\n")
        let second = try record(store, outputs, source, text: "lần hai\n")
        let third = try record(store, outputs, source, text: "lần ba\n", status: .final)
        #expect([first.round, second.round, third.round] as [Int] == [1, 2, 3])
        #expect(store.rounds() == [1, 2, 3])
        #expect(first.previous == "")
        let firstManifest = store.folder(round: 1).appendingPathComponent("phien-ban.yaml")
        #expect(second.previous == (try SHA256Hex.of(fileAt: firstManifest)))
        // SHA-256 of "lần một\n", computed by sha256sum outside tongket.
        #expect(
            first.files[0]
                == FileDigest(name: "bao-cao-tong-hop.md", sha256: "ba4eb8ba1a2ce57de571aa0a1d6f0b7f3d18ebc058e6422a13af54e3afde0751"))
        #expect(store.verify().isEmpty)
        #expect(try store.manifest(round: 3) == third)
    }

    /// Makes a recorded (read-only) file writable and appends to it.
    func tamper(_ url: URL, _ extra: String = "x") throws {
        chmod(url.path, 0o644)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(extra.utf8))
        try handle.close()
    }

    @Test("sửa một tệp kết quả đã ghi, sửa tệp phiên bản, xóa một lần, thêm tệp lạ: đều bị phát hiện, nêu đúng tệp")
    func tampering() throws {
        let (store, outputs, source) = try folder("")
        for text in ["một\n", "hai\n", "ba\n"] { _ = try record(store, outputs, source, text: text) }
        let html = store.folder(round: 2).appendingPathComponent("bao-cao-tong-hop.html")
        try tamper(html)
        #expect(store.verify() == [VersionProblem(path: html.path, message: "nội dung đã bị sửa (SHA-256 không khớp với lúc ghi)")])
        chmod(html.path, 0o644)
        try Data("hai\n".utf8).write(to: html)
        #expect(store.verify().isEmpty)

        // An edit to round 1's manifest breaks its seal and round 2's chain.
        let manifest = store.folder(round: 1).appendingPathComponent("phien-ban.yaml")
        try tamper(manifest, "# sửa\n")
        let problems = store.verify()
        #expect(problems.map(\.path) == [manifest.path, manifest.path])
        #expect(problems.map(\.message).first == "tệp phiên bản đã bị sửa (không khớp dấu niêm phong SHA-256)")
        #expect(problems.map(\.message).last?.contains("chuỗi SHA-256 bị đứt") == true)

        // The last round has no later manifest pointing at it: its seal catches an edited reviewer.
        let last = store.folder(round: 3).appendingPathComponent("phien-ban.yaml")
        let text = try String(contentsOf: last, encoding: .utf8)
        chmod(last.path, 0o644)
        try Data(text.replacingOccurrences(of: "Lê Văn Bình", with: "Lê Văn Bính").utf8).write(to: last)
        #expect(
            store.verify().contains(VersionProblem(path: last.path, message: "tệp phiên bản đã bị sửa (không khớp dấu niêm phong SHA-256)"))
        )
    }

    @Test("một lần bị xóa: các lần sau báo thiếu; tệp lạ trong một lần bị báo")
    func missingRoundAndStrayFile() throws {
        let (store, outputs, source) = try folder("")
        for text in ["một\n", "hai\n", "ba\n"] { _ = try record(store, outputs, source, text: text) }
        let stray = store.folder(round: 3).appendingPathComponent("ghi-chu.txt")
        try Data("thêm".utf8).write(to: stray)
        #expect(store.verify() == [VersionProblem(path: stray.path, message: "tệp lạ, không thuộc phiên bản đã ghi")])
        try FileManager.default.removeItem(at: stray)
        for name in try FileManager.default.contentsOfDirectory(atPath: store.folder(round: 2).path) {
            chmod(store.folder(round: 2).appendingPathComponent(name).path, 0o644)
        }
        try FileManager.default.removeItem(at: store.folder(round: 2))
        let problems = store.verify().map(\.message)
        #expect(problems.contains("các lần phải liên tiếp từ 1, nhưng thiếu lần 2 (đã bị xóa?)"))
    }

    @Test("thư mục tạm của một lần ghi bị ngắt: không phải một lần, bị dọn ở lần ghi sau")
    func abandonedAssembly() throws {
        let (store, outputs, source) = try folder("")
        _ = try record(store, outputs, source, text: "một\n")
        // A process id far above Linux's limit (4194304) is never alive.
        let abandoned = store.root.appendingPathComponent(".lan-02.tmp-9999999")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        try Data("dở dang".utf8).write(to: abandoned.appendingPathComponent("bao-cao-tong-hop.md"))
        #expect(store.rounds() == [1])
        #expect(store.verify().isEmpty)
        #expect(store.nextRound == 2)
        _ = try record(store, outputs, source, text: "hai\n")
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(store.rounds() == [1, 2])
    }

    @Test("tệp phiên bản đọc lại đúng như đã ghi, kể cả ghi chú có ngoặc kép, xuống dòng, dấu hai chấm")
    func manifestRoundTrip() throws {
        let manifest = VersionManifest(
            report: "so-tu-phap", round: 12, status: .reviewed, reviewer: "Nguyễn Thị \"Lan\": chuyên viên",
            date: SimpleDate(year: 2020, month: 6, day: 5), note: "dòng 1\ndòng 2: no, yes, 08",
            previous: String(repeating: "a", count: 64),
            files: [FileDigest(name: "so-tu-phap.md", sha256: String(repeating: "b", count: 64))],
            inputs: [FileDigest(name: "thư mục/có dấu cách.yaml", sha256: String(repeating: "c", count: 64))])
        let parsed = try VersionManifest.parse(Data(manifest.yaml().utf8), file: "phien-ban.yaml")
        #expect(parsed == manifest)
    }

    @Test("trạng thái đọc được có dấu hay không dấu; dấu lần trên kết quả")
    func statusAndMark() {
        #expect(ReviewStatus.parse("du-thao") == .draft)
        #expect(ReviewStatus.parse("Đã rà soát") == .reviewed)
        #expect(ReviewStatus.parse("hoan_thien") == .final)
        #expect(ReviewStatus.parse("xong") == nil)
        #expect(VersionStore.markedRound(in: Data("<!-- … -->\n\n**DỰ THẢO LẦN 12**\n".utf8)) == 12)
        #expect(VersionStore.markedRound(in: Data("**DỰ THẢO**\n".utf8)) == nil)
        #expect(VersionStore.folder(round: 3) == "lan-03")
        #expect(VersionStore.folder(round: 12) == "lan-12")
    }

    @Test("lỗi tìm được khi fuzz: tệp phiên bản chỉ có thẻ YAML '!S' là tệp trống, không làm chương trình dừng đột ngột")
    func fuzzFindingTagOnly() {
        #expect {
            try VersionManifest.parse(Data("!S".utf8), file: "phien-ban.yaml")
        } throws: { error in
            (error as? Diagnostic)?.description == "phien-ban.yaml:1:1: lỗi: tệp phiên bản trống"
        }
    }
}
