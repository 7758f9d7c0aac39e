import Foundation
import GRDB
import TongketTestSupport
import TongketWeb
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `tongket-web` binary as an administrator runs it: accounts, serve (first start, restart
/// after a kill), backup while serving.
final class WebCommandTests: XCTestCase {
    static var binary: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("tongket-web") }

    /// A running server: its process, the lines it printed before listening, its port.
    struct Server {
        var process: Process
        var lines: [String]
        var port: Int
    }

    /// Starts `serve` on `data` and waits (at most 60 s) for "Đang phục vụ tại http://HOST:PORT".
    static func serve(_ data: URL) throws -> Server {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--data", data.path, "--outline", "cchc-2011-2020", "--port", "0", "--bcrypt-cost", "10"]
        process.currentDirectoryURL = Fixtures.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: "Đang phục vụ tại http://127.0.0.1:"), text[range.upperBound...].contains("\n") {
                let port = Int(text[range.upperBound...].prefix(while: \.isNumber)) ?? 0
                return Server(process: process, lines: text.components(separatedBy: "\n").filter { !$0.isEmpty }, port: port)
            }
        }
        process.terminate()
        throw HarnessError()
    }

    static func health(_ port: Int) async throws -> String {
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/api/v1/health"))
        let (data, _) = try await URLSession.shared.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }

    func testAccountsServeRestartAndBackup() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let data = folder.appendingPathComponent("du-lieu")
        let csv = folder.appendingPathComponent("tai-khoan.csv")
        let accounts = try CLI.run(
            ["accounts", "--data", data.path, "--outline", "cchc-2011-2020", "--export", csv.path, "--bcrypt-cost", "10"],
            executable: Self.binary)
        XCTAssertEqual(accounts.status, 0, accounts.stderr)
        let rows = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.first, "ma_don_vi,ten_don_vi,ten_dang_nhap,mat_khau_ban_dau,api_token")
        // A header, then one account per unit of the outline: 52 that report to the province and
        // the 5 illustrative communes of Nga Sơn (the district's app would serve them).
        XCTAssertEqual(rows.count, 1 + 52 + 5)
        let refused = try CLI.run(
            ["accounts", "--data", data.path, "--outline", "cchc-2011-2020", "--export", csv.path], executable: Self.binary)
        XCTAssertEqual(refused.status, 1, "an existing CSV is never overwritten")
        let again = try CLI.run(
            ["accounts", "--data", data.path, "--outline", "cchc-2011-2020", "--export", folder.appendingPathComponent("lai.csv").path],
            executable: Self.binary)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("không xuất lại"), again.stderr)
        // The file holds passwords: its owner's only.
        let mode = (try FileManager.default.attributesOfItem(atPath: csv.path)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
        // A new token for one account: printed once, the only one stored.
        let rotated = try CLI.run(
            ["accounts", "--data", data.path, "--new-token", "so-tu-phap"], executable: Self.binary)
        XCTAssertEqual(rotated.status, 0, rotated.stderr)
        let token = try XCTUnwrap(rotated.stdout.components(separatedBy: "Mã API mới của so-tu-phap: ").last?.prefix(64))
        let stored = try await DatabaseQueue(path: data.appendingPathComponent("tongket.sqlite").path).read { db in
            try String.fetchOne(db, sql: "SELECT ma_api_bam FROM tai_khoan WHERE ten_dang_nhap = 'so-tu-phap'")
        }
        XCTAssertEqual(stored, Secret.digest(String(token)))
        XCTAssertFalse(rows.contains { $0.contains(String(token)) })
        let unknown = try CLI.run(
            ["accounts", "--data", data.path, "--outline", "cchc-2011-2020", "--new-token", "khong-co"], executable: Self.binary)
        XCTAssertEqual(unknown.status, 1)
        // --api-ready marks the accounts created now, and only those.
        let ready = folder.appendingPathComponent("du-lieu-api")
        let readyRun = try CLI.run(
            [
                "accounts", "--data", ready.path, "--outline", "cchc-2011-2020", "--export", folder.appendingPathComponent("api.csv").path,
                "--api-ready", "--bcrypt-cost", "10",
            ], executable: Self.binary)
        XCTAssertEqual(readyRun.status, 0, readyRun.stderr)
        for (folder, expected) in [(data, 0), (ready, 52 + 5)] {
            let marked = try await DatabaseQueue(path: folder.appendingPathComponent("tongket.sqlite").path).read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tai_khoan WHERE api_truoc_dang_nhap = 1")
            }
            XCTAssertEqual(marked, expected, folder.path)
        }

        let first = try Self.serve(data)
        XCTAssertEqual(first.lines.first, "Tài khoản quản trị: quan-tri")
        XCTAssertTrue(first.lines.contains { $0.hasPrefix("Mật khẩu dùng một lần: ") && $0.count > 30 })
        XCTAssertTrue(first.lines.contains { $0.hasPrefix("Mã API: ") })
        let health = try await Self.health(first.port)
        XCTAssertEqual(health, "{\"ok\":true}")
        // Backup while serving.
        let backup = folder.appendingPathComponent("sao-luu.sqlite")
        let saved = try CLI.run(["backup", "--data", data.path, backup.path], executable: Self.binary)
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let check = try await DatabaseQueue(path: backup.path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        XCTAssertEqual(check, "ok")
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()

        // Restarted on the same folder: no new administrator, serving again.
        let second = try Self.serve(data)
        defer {
            second.process.terminate()
            second.process.waitUntilExit()
        }
        XCTAssertFalse(second.lines.contains { $0.hasPrefix("Mật khẩu") }, second.lines.joined(separator: "\n"))
        let healthAgain = try await Self.health(second.port)
        XCTAssertEqual(healthAgain, "{\"ok\":true}")
    }
}
