import Foundation
import Testing
import TongketTestSupport

@Suite("Chịu được bị giết giữa chừng")
struct CrashSafetyTests {
    let reviewer = ["--reviewer", "Lê Văn Bình"]
    let formats = ["md", "html", "docx"]

    func contents(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for format in formats {
            files[format] = try Data(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.\(format)"))
        }
        return files
    }

    func copy(_ source: URL) throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        try FileManager.default.removeItem(at: dir)
        try FileManager.default.copyItem(at: source, to: dir)
        return dir
    }

    /// Seconds an uninterrupted run of `arguments` takes, to spread the kills over it.
    func duration(_ arguments: [String], in base: URL) throws -> Double {
        let start = Date()
        let r = try CLI.run(arguments, in: base)
        #expect(r.status == 0, "\(r.stderr)")
        return Date().timeIntervalSince(start)
    }

    @Test("110 lần giết (SIGKILL) lúc đang ghi dự thảo hoặc ghi phiên bản: mọi tệp đã có vẫn nguyên, mọi phiên bản kiểm tra được")
    func killedAtRandom() throws {
        let base = try Fixtures.temporaryDirectory()
        #expect(try CLI.run(["generate", "--outline", Fixtures.outlinePath, "--units", "60", "-o", base.path]).status == 0)
        let sources = base.appendingPathComponent("bao-cao").path
        let outline = ["--outline", base.appendingPathComponent("de-cuong").path]
        // Round 1 recorded; its outputs (DỰ THẢO LẦN 1) are what a killed consolidation must leave.
        let first = base.appendingPathComponent("lan-1")
        _ = try CLI.run(["consolidate", sources, "-o", first.path] + outline, in: base)
        let recorded = try CLI.run(
            ["review", sources, "-o", first.path, "--status", "du-thao", "--date", "10/06/2020"] + outline + reviewer, in: base)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let old = try contents(first)
        // What an uninterrupted consolidation writes next (DỰ THẢO LẦN 2).
        let second = try copy(first)
        let consolidate = ["consolidate", sources, "-o", second.path] + outline
        let consolidateTime = try duration(consolidate, in: base)
        let new = try contents(second)
        for format in formats { #expect(old[format] != new[format]) }
        let reviewTime = try duration(
            ["review", sources, "-o", try copy(second).path, "--status", "du-thao", "--date", "15/06/2020"] + outline + reviewer, in: base)

        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for iteration in 0..<110 {
            if iteration % 2 == 0 {
                let dir = try copy(first)
                // Over the first four fifths of a run: one timed run is a noisy measure of the
                // next, and a delay drawn over all of it landed after the exit half the time.
                let delay = Double.random(in: 0...(consolidateTime * 0.8), using: &generator)
                if try CLI.runAndKill(["consolidate", sources, "-o", dir.path] + outline, in: base, after: delay) { killed += 1 }
                for format in formats {
                    let now = try Data(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.\(format)"))
                    #expect(now == old[format] || now == new[format], "lần \(iteration), giết sau \(delay) s: .\(format) dở dang")
                }
            } else {
                let dir = try copy(second)
                let delay = Double.random(in: 0...(reviewTime * 0.8), using: &generator)
                let arguments = ["review", sources, "-o", dir.path, "--status", "du-thao", "--date", "15/06/2020"] + outline + reviewer
                if try CLI.runAndKill(arguments, in: base, after: delay) { killed += 1 }
                let verified = try CLI.run(["versions", "-o", dir.path, "--verify"], in: base)
                #expect(verified.status == 0, "lần \(iteration), giết sau \(delay) s: \(verified.stderr)")
                let rounds = try FileManager.default.contentsOfDirectory(
                    atPath: dir.appendingPathComponent("phien-ban/bao-cao-tong-hop").path
                )
                .filter { !$0.hasPrefix(".") }.sorted()
                #expect(rounds == ["lan-01"] || rounds == ["lan-01", "lan-02"], "lần \(iteration): \(rounds)")
            }
        }
        // Most kills land while the process runs (some after it finished, which is fine too).
        #expect(killed >= 55, "chỉ giết được \(killed) lần")
    }

    @Test("tệp tạm của một lần chạy bị giết được dọn ở lần chạy sau; tệp tạm của tiến trình còn sống thì không")
    func abandonedTemporaryFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        #expect(try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path]).status == 0)
        // A process id above Linux's limit (4194304) is never alive; this test's own is.
        let dead = [".bao-cao-tong-hop.md.tmp-9999999", ".bao-cao-tong-hop.docx.tmp-9999999", ".tongket-docx-9999999-42.xml"]
        let alive = ".bao-cao-tong-hop.html.tmp-\(getpid())"
        for name in dead + [alive] { try Data("dở dang".utf8).write(to: dir.appendingPathComponent(name)) }
        #expect(try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == [alive, "bao-cao-tong-hop.docx", "bao-cao-tong-hop.html", "bao-cao-tong-hop.md"])
    }
}
