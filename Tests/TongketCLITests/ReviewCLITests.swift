import Foundation
import Testing
import TongketTestSupport

@Suite("Dòng lệnh: review, versions, diff")
struct ReviewCLITests {
    let reviewer = ["--reviewer", "Lê Văn Bình, Phó Giám đốc Sở Nội vụ"]

    /// Consolidates `sources` into `dir` and records the result as the next round.
    func round(_ dir: URL, sources: String = Fixtures.examples.path, status: String = "du-thao", date: String) throws {
        let made = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, sources, "-o", dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        let recorded = try CLI.run(
            ["review", "--outline", Fixtures.outlinePath, sources, "-o", dir.path, "--status", status, "--date", date] + reviewer)
        #expect(recorded.status == 0, "\(recorded.stderr)")
    }

    func recordedFiles(_ dir: URL) throws -> [String] {
        var files: [String] = []
        for round in ["lan-01", "lan-02", "lan-03"] {
            let folder = dir.appendingPathComponent("phien-ban/bao-cao-tong-hop/\(round)")
            files += try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
                "phien-ban/bao-cao-tong-hop/\(round)/\($0)"
            }
        }
        return files
    }

    @Test("ba lần ghi dự thảo ví dụ: ba phiên bản kiểm tra được; dấu DỰ THẢO LẦN N theo lần")
    func threeRounds() throws {
        let dir = try Fixtures.temporaryDirectory()
        try round(dir, date: "10/06/2020")
        try round(dir, status: "da-ra-soat", date: "15/06/2020")
        try round(dir, status: "du-thao", date: "18/06/2020")
        let listed = try CLI.run(["versions", "-o", dir.path, "--verify"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(
            listed.stdout == """
                Phiên bản của 'bao-cao-tong-hop':
                  lần 1  10/06/2020  dự thảo  Lê Văn Bình, Phó Giám đốc Sở Nội vụ  (3 tệp)
                  lần 2  15/06/2020  đã rà soát  Lê Văn Bình, Phó Giám đốc Sở Nội vụ  (3 tệp)
                  lần 3  18/06/2020  dự thảo  Lê Văn Bình, Phó Giám đốc Sở Nội vụ  (3 tệp)

                """)
        #expect(listed.stderr == "mọi phiên bản còn nguyên như lúc ghi (3 lần)\n")
        let third = try String(
            contentsOf: dir.appendingPathComponent("phien-ban/bao-cao-tong-hop/lan-03/bao-cao-tong-hop.md"), encoding: .utf8)
        #expect(third.contains("**DỰ THẢO LẦN 3**"))
        // The next consolidation is draft 4.
        _ = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path])
        #expect(try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8).contains("**DỰ THẢO LẦN 4**"))
        #expect(try recordedFiles(dir).count == 12)
    }

    @Test("sửa bất kỳ tệp nào đã ghi (kết quả hay tệp phiên bản, ở bất kỳ lần nào): versions --verify báo đúng tệp, mã 1")
    func everyEditIsDetected() throws {
        let base = try Fixtures.temporaryDirectory()
        try round(base, date: "10/06/2020")
        try round(base, date: "15/06/2020")
        try round(base, date: "18/06/2020")
        for file in try recordedFiles(base) {
            let dir = try Fixtures.temporaryDirectory()
            try FileManager.default.removeItem(at: dir)
            try FileManager.default.copyItem(at: base, to: dir)
            let url = dir.appendingPathComponent(file)
            chmod(url.path, 0o644)
            var data = try Data(contentsOf: url)
            data[data.count / 2] ^= 0x01
            try data.write(to: url)
            let checked = try CLI.run(["versions", "-o", dir.path, "--verify"])
            #expect(checked.status == 1, "\(file)")
            // An edited manifest of the last round is seen through its own files; an edited
            // earlier one through the chain: either way the message names a file of that round.
            let folder = (file as NSString).deletingLastPathComponent
            #expect(checked.stderr.contains(dir.appendingPathComponent(folder).path), "\(file): \(checked.stderr)")
            let refused = try CLI.run(
                ["review", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--status", "du-thao"] + reviewer)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("lịch sử phiên bản của 'bao-cao-tong-hop' bị hỏng; không ghi thêm phiên bản"))
        }
    }

    @Test("diff giữa hai lần: đúng đoạn đã sửa (và dấu lần), không gì khác; bản HTML có chữ thêm, chữ bỏ")
    func diffShowsExactlyTheChange() throws {
        let dir = try Fixtures.temporaryDirectory()
        let sources = dir.appendingPathComponent("bao-cao")
        try FileManager.default.copyItem(at: Fixtures.examples, to: sources)
        try round(dir, sources: sources.path, date: "10/06/2020")
        let file = sources.appendingPathComponent("so-tu-phap.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "bình quân đạt 95%", with: "bình quân đạt 97%")
        #expect(edited != text)
        try Data(edited.utf8).write(to: file)
        try round(dir, sources: sources.path, date: "15/06/2020")
        let html = dir.appendingPathComponent("so-sanh.html")
        let diff = try CLI.run(["diff", "1", "2", "-o", dir.path, "--html", html.path])
        #expect(diff.status == 0, "\(diff.stderr)")
        let lines = diff.stdout.split(separator: "\n")
        #expect(lines[1].hasPrefix("2 đoạn sửa, 0 đoạn thêm, 0 đoạn bỏ;"))
        #expect(diff.stdout.contains("~ **DỰ THẢO LẦN [-1**-] {+2**+}\n"))
        #expect(diff.stdout.contains("bình quân đạt [-95%.-] {+97%.+}"))
        #expect(lines.filter { $0.hasPrefix("~ ") || $0.hasPrefix("+ ") || $0.hasPrefix("- ") }.count == 2)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<del>95%.</del> <ins>97%.</ins>"))
        #expect(page.contains("<details class=\"khong-doi\">"))
        // The current output against the last round: nothing changed.
        let same = try CLI.run(["diff", "2", "-o", dir.path])
        #expect(same.stdout.split(separator: "\n")[1].hasPrefix("0 đoạn sửa, 0 đoạn thêm, 0 đoạn bỏ;"))
    }

    @Test("review từ chối: dấu lần không khớp, kết quả không đổi, bản hoàn thiện còn dấu, không có kết quả, tệp không do tongket tạo")
    func refusals() throws {
        let dir = try Fixtures.temporaryDirectory()
        let none = try CLI.run(
            ["review", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--status", "du-thao"] + reviewer)
        #expect(none.status == 1)
        #expect(none.stderr.contains("không có tệp kết quả bao-cao-tong-hop.md, .html hay .docx"))
        try round(dir, date: "10/06/2020")
        let stale = try CLI.run(
            ["review", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--status", "du-thao"] + reviewer)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("kết quả mang dấu 'DỰ THẢO LẦN 1' nhưng phiên bản sắp ghi là lần 2"))
        _ = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path])
        let final = try CLI.run(
            ["review", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--status", "hoan-thien"] + reviewer)
        #expect(final.status == 1)
        #expect(final.stderr.contains("bản hoàn thiện không được mang dấu DỰ THẢO; dựng lại với --final"))
        _ = try CLI.run(["consolidate", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--final"])
        #expect(!(try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)).contains("DỰ THẢO"))
        // Nor does the file's own title (the browser's tab, the PDF's and Word's properties).
        let finalHTML = try String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.html"), encoding: .utf8)
        #expect(finalHTML.contains("<title>Báo cáo tổng kết – UBND tỉnh Thanh Hóa</title>"))
        let ok = try CLI.run(
            [
                "review", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--status", "hoan-thien", "--date",
                "20/06/2020",
            ] + reviewer)
        #expect(ok.status == 0, "\(ok.stderr)")
        let again = try CLI.run(
            ["review", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--status", "hoan-thien"] + reviewer)
        #expect(again.status == 1)
        #expect(again.stderr.contains("kết quả không thay đổi so với lần 2; không ghi phiên bản trùng"))
        try Data("bản tự soạn".utf8).write(to: dir.appendingPathComponent("bao-cao-tong-hop.md"))
        let foreign = try CLI.run(
            ["review", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--status", "du-thao"] + reviewer)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("bao-cao-tong-hop.md: lỗi: tệp không do tongket tạo ra"))
        let badStatus = try CLI.run(
            ["review", "--outline", Fixtures.outlinePath, Fixtures.examples.path, "-o", dir.path, "--status", "xong"] + reviewer)
        #expect(badStatus.status == 64)
    }

    @Test("báo cáo của đơn vị: khi đã có phiên bản, bản dựng sau mang dấu DỰ THẢO LẦN N; --final thì không")
    func unitReportRounds() throws {
        let dir = try Fixtures.temporaryDirectory()
        let source = Fixtures.examples.appendingPathComponent("so-tu-phap.yaml").path
        _ = try CLI.run(["render", "--outline", Fixtures.outlinePath, source, "-o", dir.path])
        #expect(!(try String(contentsOf: dir.appendingPathComponent("so-tu-phap.md"), encoding: .utf8)).contains("DỰ THẢO"))
        let recorded = try CLI.run(
            ["review", "--outline", Fixtures.outlinePath, source, "-o", dir.path, "--report", "so-tu-phap", "--status", "du-thao"]
                + reviewer)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        _ = try CLI.run(["render", "--outline", Fixtures.outlinePath, source, "-o", dir.path])
        #expect(try String(contentsOf: dir.appendingPathComponent("so-tu-phap.md"), encoding: .utf8).contains("**DỰ THẢO LẦN 2**"))
        _ = try CLI.run(["render", "--outline", Fixtures.outlinePath, source, "-o", dir.path, "--final"])
        #expect(!(try String(contentsOf: dir.appendingPathComponent("so-tu-phap.md"), encoding: .utf8)).contains("DỰ THẢO"))
    }

    @Test("review bị giết (SIGKILL) ở thời điểm ngẫu nhiên 25 lần: lịch sử luôn như trước hoặc có thêm đúng một lần trọn vẹn")
    func interruptedReview() throws {
        let base = try Fixtures.temporaryDirectory()
        let generated = try CLI.run(["generate", "--outline", Fixtures.outlinePath, "--units", "150", "-o", base.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let sources = base.appendingPathComponent("bao-cao").path
        let outline = base.appendingPathComponent("de-cuong").path
        let out = base.appendingPathComponent("ket-qua")
        for date in ["10/06/2020", "12/06/2020"] {
            _ = try CLI.run(["consolidate", sources, "--outline", outline, "-o", out.path])
            let recorded = try CLI.run(
                ["review", sources, "--outline", outline, "-o", out.path, "--status", "du-thao", "--date", date] + reviewer)
            #expect(recorded.status == 0, "\(recorded.stderr)")
        }
        _ = try CLI.run(["consolidate", sources, "--outline", outline, "-o", out.path])
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for _ in 0..<25 {
            let dir = try Fixtures.temporaryDirectory()
            try FileManager.default.removeItem(at: dir)
            try FileManager.default.copyItem(at: out, to: dir)
            let delay = Double.random(in: 0...0.25, using: &generator)
            if try CLI.runAndKill(
                ["review", sources, "--outline", outline, "-o", dir.path, "--status", "du-thao", "--date", "15/06/2020"] + reviewer,
                in: base, after: delay)
            {
                killed += 1
            }
            let checked = try CLI.run(["versions", "-o", dir.path, "--verify"])
            #expect(checked.status == 0, "sau khi giết ở \(delay) s: \(checked.stderr)")
            let rounds = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("phien-ban/bao-cao-tong-hop").path)
                .filter { $0.hasPrefix("lan-") }.sorted()
            #expect(rounds == ["lan-01", "lan-02"] || rounds == ["lan-01", "lan-02", "lan-03"], "\(rounds)")
            // Whatever happened, the next review completes the history.
            let resumed = try CLI.run(
                ["review", sources, "--outline", outline, "-o", dir.path, "--status", "du-thao", "--date", "15/06/2020"] + reviewer)
            if rounds.count == 2 { #expect(resumed.status == 0, "\(resumed.stderr)") }
            #expect(try CLI.run(["versions", "-o", dir.path, "--verify"]).status == 0)
        }
        #expect(killed > 0)
    }
}
