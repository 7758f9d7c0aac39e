import Foundation
import Testing
import TongketKit
import TongketTestSupport

@Suite("Tái lập: cùng đầu vào, cùng từng byte")
struct ReproducibilityTests {
    /// Every file under `dir`, by relative path.
    func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: dir.path) else { return files }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = dir.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// The whole job in `dir`: reports, the draft (from `sources`), a recorded version, the
    /// comments table and a skeleton, with `environment`.
    func job(_ dir: URL, sources: [String], environment: [String: String]) throws {
        func run(_ arguments: [String]) throws {
            let r = try CLI.run(Fixtures.withOutline(arguments), environment: environment)
            #expect(r.status == 0 || arguments[0] == "comments", "\(arguments[0]): \(r.stderr)")
        }
        try run(["render"] + sources + ["-o", dir.appendingPathComponent("reports").path])
        try run(["consolidate"] + sources + ["-o", dir.path])
        try run(["review"] + sources + ["-o", dir.path, "--status", "du-thao", "--reviewer", "Lê Văn Bình", "--date", "10/06/2020"])
        try run(["consolidate"] + sources + ["-o", dir.path])
        try run(["comments", Fixtures.examples.appendingPathComponent("gop-y").path, "-o", dir.path])
        try run(["skeleton", "--unit", "so-tu-phap", "-o", dir.appendingPathComponent("skeletons").path])
    }

    @Test("qua các lần chạy, múi giờ, ngôn ngữ (LANG, LC_ALL) và thứ tự liệt kê tệp đầu vào: mọi tệp kết quả và phiên bản giống từng byte")
    func identical() throws {
        let files = SubmissionFiles.expand([Fixtures.examples.path])
        #expect(files.count == 8)  // seven units and the drafting body's own text (tong-hop.yaml)
        var shuffled = files
        var generator = SystemRandomNumberGenerator()
        while shuffled == files { shuffled.shuffle(using: &generator) }
        let runs: [(sources: [String], environment: [String: String])] = [
            ([Fixtures.examples.path], [:]),
            (files.reversed(), ["TZ": "Asia/Ho_Chi_Minh", "LANG": "vi_VN.UTF-8", "LC_ALL": "vi_VN.UTF-8"]),
            (shuffled, ["TZ": "America/Los_Angeles", "LANG": "C", "LC_ALL": "C"]),
            ([Fixtures.examples.path], ["TZ": "Pacific/Kiritimati", "LC_ALL": "tr_TR.UTF-8", "LANG": "en_US.UTF-8"]),
        ]
        var first: [String: Data]?
        for (index, run) in runs.enumerated() {
            let dir = try Fixtures.temporaryDirectory()
            try job(dir, sources: run.sources, environment: run.environment)
            let produced = try snapshot(dir)
            guard let reference = first else {
                // Reports (11 × 3), draft (3), version (3 + manifest), comments (3), skeleton (yaml, 3,
                // schema, Word and Excel forms).
                #expect(produced.count == 33 + 3 + 4 + 3 + 7, "\(produced.keys.sorted())")
                first = produced
                continue
            }
            #expect(produced.keys.sorted() == reference.keys.sorted(), "lần \(index + 1)")
            for (path, data) in reference where produced[path] != data {
                Issue.record("lần \(index + 1): \(path) khác")
            }
        }
    }
}
