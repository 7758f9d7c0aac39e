import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketKit
import TongketTestSupport
import TongketWeb
import XCTest

/// Sessions, API tokens and the initial password.
final class AccountSecurityTests: XCTestCase {
    /// The `phien=…` pair of a sign-in's cookie line.
    static func pair(_ line: String?) throws -> String { String(try XCTUnwrap(line).split(separator: ";")[0]) }

    func testChangingThePasswordEndsEveryOtherSession() async throws {
        let harness = try WebHarness()
        let unit = try XCTUnwrap(harness.units["so-tu-phap"])
        try await harness.application.test(.router) { client in
            // Two browsers signed in with the initial password (one of them maybe a thief's).
            let first = try Self.pair(try await LoginTests.signIn(client, unit.login, unit.password, address: "10.0.0.1").cookie)
            let other = try Self.pair(try await LoginTests.signIn(client, unit.login, unit.password, address: "10.0.0.2").cookie)
            let page = try await client.executeRequest(uri: "/doi-mat-khau", method: .get, headers: [.cookie: first], body: nil)
            let token = try XCTUnwrap(LoginTests.csrf(in: page.text))
            let form = Bodies.form([
                "mat_khau_cu": unit.password, "mat_khau_moi": "mot-mat-khau-dai", "nhap_lai": "mot-mat-khau-dai", "csrf": token,
            ])
            let changed = try await client.executeRequest(
                uri: "/doi-mat-khau", method: .post, headers: Bodies.merge(form.0, [.cookie: first]), body: form.1)
            XCTAssertEqual(changed.status, .seeOther)
            // The other browser is signed out; so is the old cookie of this one, which got a new session.
            for cookie in [other, first] {
                let page = try await client.executeRequest(uri: "/doi-mat-khau", method: .get, headers: [.cookie: cookie], body: nil)
                XCTAssertEqual(page.headers[.location], "/dang-nhap", cookie)
            }
            let fresh = try Self.pair(changed.headers[values: .setCookie].first { $0.hasPrefix("phien=") })
            XCTAssertNotEqual(fresh, first)
            let unitPage = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: [.cookie: fresh], body: nil)
            XCTAssertEqual(unitPage.status, .ok)
        }
        let (sessions, audits) = try await harness.services.database.pool.read { db in
            (
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM phien JOIN tai_khoan ON tai_khoan.id = tai_khoan_id WHERE ten_dang_nhap = ?",
                    arguments: ["so-tu-phap"]),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM nhat_ky WHERE hanh_dong = 'doi-mat-khau' AND dia_chi IS NOT NULL")
            )
        }
        XCTAssertEqual(sessions, 1)
        XCTAssertEqual(audits, 1)
    }

    func testATokenOnTheInitialPasswordOpensNeitherTheAPINorThePages() async throws {
        let harness = try WebHarness()
        let unit = try XCTUnwrap(harness.units["so-tu-phap"])
        let yaml = try WebHarness.example("so-tu-phap.yaml")
        try await harness.application.test(.router) { client in
            let bearer: HTTPFields = [.authorization: "Bearer \(unit.apiToken)", .contentType: "application/yaml"]
            let api = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/submission", method: .put, headers: bearer, body: ByteBuffer(bytes: yaml))
            XCTAssertEqual(api.status, .forbidden)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: String])
            XCTAssertTrue(json["error"]?.contains("đổi mật khẩu ban đầu") ?? false, api.text)
            let admin = try await client.executeRequest(
                uri: "/api/v1/status", method: .get, headers: [.authorization: "Bearer \(harness.admin.apiToken)"], body: nil)
            XCTAssertEqual(admin.status, .forbidden)
            // Nor does the token open a page past the forced change.
            let page = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: bearer, body: nil)
            XCTAssertEqual(page.status, .seeOther)
            XCTAssertEqual(page.headers[.location], "/doi-mat-khau")
        }
        XCTAssertTrue(try harness.services.uploads.uploads(unit: "so-tu-phap").isEmpty)
        // Once the password is changed, the same token works.
        _ = try harness.session("so-tu-phap")
        try await harness.application.test(.router) { client in
            let api = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/submission", method: .put, headers: [.authorization: "Bearer \(unit.apiToken)"],
                body: ByteBuffer(bytes: yaml))
            XCTAssertEqual(api.status, .ok)
        }
    }

    func testAccountsCreatedAPIReadyUseTheirTokenAtOnce() async throws {
        let harness = try WebHarness()
        let outline = harness.services.settings.outline
        let fresh = try XCTUnwrap(outline.units.first { !WebHarness.unitIDs.contains($0.id) })
        let created = try harness.services.accounts.createMissingUnitAccounts([fresh], apiReady: true)
        let account = try XCTUnwrap(created.first)
        let report = try await harness.application.test(.router) { client in
            try await client.executeRequest(
                uri: "/api/v1/units/\(account.login)/report", method: .get, headers: [.authorization: "Bearer \(account.apiToken)"],
                body: nil)
        }
        XCTAssertEqual(report.status, .notFound, "past the access check: the unit has no valid upload yet")
    }

    func testANewTokenReplacesTheOldOneOnThePasswordPage() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        let old = try XCTUnwrap(harness.units["so-tu-phap"]).apiToken
        try await harness.application.test(.router) { client in
            let page = try await client.executeRequest(uri: "/doi-mat-khau", method: .get, headers: session.headers, body: nil)
            XCTAssertTrue(page.text.contains("id=\"cap-ma-api\""))
            let (headers, body) = Bodies.form(["csrf": session.csrf])
            let issued = try await client.executeRequest(
                uri: "/doi-mat-khau/ma-api", method: .post, headers: Bodies.merge(headers, session.headers), body: body)
            XCTAssertEqual(issued.status, .ok)
            let text = issued.text
            let start = try XCTUnwrap(text.range(of: "<code id=\"ma-api-moi\">"))
            let token = String(text[start.upperBound...].prefix(while: { $0 != "<" }))
            XCTAssertEqual(token.count, 64)
            for (value, status) in [(old, HTTPResponse.Status.unauthorized), (token, .notFound)] {
                let response = try await client.executeRequest(
                    uri: "/api/v1/units/so-tu-phap/report", method: .get, headers: [.authorization: "Bearer \(value)"], body: nil)
                XCTAssertEqual(response.status, status)
            }
            // Shown once: the page does not show it again.
            let again = try await client.executeRequest(uri: "/doi-mat-khau", method: .get, headers: session.headers, body: nil)
            XCTAssertFalse(again.text.contains(token))
        }
    }
}
