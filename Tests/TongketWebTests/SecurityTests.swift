import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketKit
import TongketTestSupport
import TongketWeb
import XCTest

final class SecurityTests: XCTestCase {
    static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; frame-ancestors 'none'; "
        + "base-uri 'none'; form-action 'self'"

    func testSecurityHeadersOnEveryKindOfResponse() async throws {
        let harness = try WebHarness()
        let admin = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            let requests: [(String, HTTPFields)] = [
                ("/dang-nhap", [:]), ("/tai-nguyen/trang.css", [:]), ("/tai-nguyen/keo-tha.js", [:]), ("/api/v1/health", [:]),
                ("/khong-co", [:]), ("/tong-hop", admin.headers), ("/api/v1/status", [:]), ("/", [:]),
            ]
            for (path, headers) in requests {
                let response = try await client.executeRequest(uri: path, method: .get, headers: headers, body: nil)
                XCTAssertEqual(response.headers[.contentSecurityPolicy], Self.policy, path)
                XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff", path)
                XCTAssertEqual(response.headers[HTTPField.Name("Referrer-Policy") ?? .via], "same-origin", path)
            }
            // No page needs inline script or style.
            let page = try await client.executeRequest(uri: "/tong-hop", method: .get, headers: admin.headers, body: nil).text
            XCTAssertFalse(page.contains("<style"))
            XCTAssertFalse(page.contains(" style="))
            XCTAssertFalse(page.contains("<script>"))
            let health = try await client.executeRequest(uri: "/api/v1/health", method: .get, headers: [:], body: nil)
            XCTAssertEqual(health.text, "{\"ok\":true}")
            XCTAssertNil(health.headers[.strictTransportSecurity], "no HSTS over plain HTTP")
        }
    }

    func testHSTSBehindTLS() async throws {
        let harness = try WebHarness { $0.publicURL = "https://tongket.example.vn" }
        try await harness.application.test(.router) { client in
            let response = try await client.executeRequest(uri: "/dang-nhap", method: .get, headers: [:], body: nil)
            XCTAssertEqual(response.headers[.strictTransportSecurity], "max-age=31536000")
        }
    }

    func testUnexpectedErrorsShowAPlainPageWithoutDetail() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        let yaml = try WebHarness.example("so-tu-phap.yaml")
        try await harness.application.test(.router) { client in
            let posted = try await UploadTests.upload(client, session, unit: "so-tu-phap", files: [("so-tu-phap.yaml", yaml)])
            let location = try XCTUnwrap(posted.headers[.location])
            // The stored file disappears behind the server's back: reading it fails.
            try FileManager.default.removeItem(at: harness.services.blobs.url(of: Secret.digest(yaml)))
            let response = try await client.executeRequest(uri: location + "/bao-cao.md", method: .get, headers: session.headers, body: nil)
            XCTAssertEqual(response.status, .internalServerError)
            let text = response.text
            XCTAssertTrue(text.contains("Máy chủ gặp sự cố"))
            for leak in [harness.folder.path, "/tep/", "Error", "SELECT", ".swift", "sqlite", Secret.digest(yaml)] {
                XCTAssertFalse(text.contains(leak), "the 500 page shows '\(leak)'")
            }
        }
    }

    func testAuditAndUploadTablesRefuseUpdateAndDelete() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        try await harness.application.test(.router) { client in
            _ = try await UploadTests.upload(
                client, session, unit: "so-tu-phap", files: [("so-tu-phap.yaml", try WebHarness.example("so-tu-phap.yaml"))])
        }
        let pool = harness.services.database.pool
        let count = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM nhat_ky WHERE hanh_dong = 'nop'") }
        XCTAssertEqual(count, 1)
        for statement in [
            "UPDATE nhat_ky SET hanh_dong = 'khac'", "DELETE FROM nhat_ky", "UPDATE lan_nop SET hop_le = 0", "DELETE FROM lan_nop",
            "DELETE FROM tep_nop", "UPDATE tep_nop SET sha256 = 'x'",
        ] {
            do {
                try await pool.write { db in try db.execute(sql: statement) }
                XCTFail("\(statement) was allowed")
            } catch let error as DatabaseError {
                XCTAssertTrue(error.message?.contains("chỉ được thêm") ?? false, "\(statement): \(error)")
            }
        }
        let columns = try await pool.read { db in try db.columns(in: "nhat_ky").map(\.name) }
        XCTAssertEqual(columns, ["id", "thoi_gian", "tai_khoan", "dia_chi", "hanh_dong", "doi_tuong"])
    }

    func testBackupIsAnIntactDatabase() throws {
        let harness = try WebHarness()
        let target = harness.folder.deletingLastPathComponent().appendingPathComponent("sao-luu.sqlite")
        try harness.services.database.backup(to: target)
        let copy = try DatabaseQueue(path: target.path)
        let result = try copy.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        XCTAssertEqual(result, "ok")
        let accounts = try copy.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tai_khoan") }
        XCTAssertEqual(accounts, WebHarness.unitIDs.count + 1)
    }

    func testDatabaseIsWALWithFullSync() throws {
        let harness = try WebHarness()
        let (mode, sync) = try harness.services.database.pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        XCTAssertEqual(mode, "wal")
        XCTAssertEqual(sync, 2)
    }

    func testRestartKeepsEverything() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        try await harness.application.test(.router) { client in
            _ = try await UploadTests.upload(
                client, session, unit: "so-tu-phap", files: [("so-tu-phap.yaml", try WebHarness.example("so-tu-phap.yaml"))])
        }
        // A second server on the same folder: no new administrator, the upload and the session still there.
        let again = try WebServices(settings: harness.services.settings)
        XCTAssertNil(try again.accounts.createAdminIfMissing(name: "Sở Nội vụ"))
        XCTAssertEqual(try again.uploads.uploads(unit: "so-tu-phap").count, 1)
        XCTAssertNotNil(try again.sessions.find(String(session.cookie.dropFirst("phien=".count))))
    }

    func testUserTextIsEscapedInPages() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        let admin = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            let posted = try await UploadTests.upload(
                client, session, unit: "so-tu-phap", files: [("<img src=x onerror=alert(1)>.yaml", Data("don_vi: so-tu-phap\n".utf8))])
            let location = try XCTUnwrap(posted.headers[.location])
            let page = try await client.executeRequest(uri: location, method: .get, headers: session.headers, body: nil).text
            XCTAssertFalse(page.contains("<img src=x"), page)
            XCTAssertTrue(page.contains("_img src=x onerror=alert(1)_.yaml"), "angle brackets leave file names")
            // A return note is shown to the unit, escaped.
            let sent = try await StateTests.uploadAndSend(client, session, unit: "so-tu-phap")
            let note = Bodies.form(["csrf": admin.csrf, "ghi_chu": "<script>alert(1)</script>", "lan_nop": StateTests.number(sent)])
            _ = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap/tra-lai", method: .post, headers: Bodies.merge(note.0, admin.headers), body: note.1)
            let unitPage = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: session.headers, body: nil)
                .text
            XCTAssertFalse(unitPage.contains("<script>alert"))
            XCTAssertTrue(unitPage.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
