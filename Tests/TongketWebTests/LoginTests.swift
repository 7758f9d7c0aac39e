import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketTestSupport
import TongketWeb
import XCTest

final class LoginTests: XCTestCase {
    /// The hidden `csrf` field of a page.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix(while: { $0 != "\"" }))
    }

    /// Signs in through the pages; the session cookie, or nil with the response.
    static func signIn(_ client: some TestClientProtocol, _ login: String, _ password: String, address: String = "10.0.0.1") async throws
        -> (cookie: String?, response: TestResponse)
    {
        let page = try await client.executeRequest(uri: "/dang-nhap", method: .get, headers: [:], body: nil)
        let preCookie = page.headers[values: .setCookie].first { $0.hasPrefix("csrf_dang_nhap=") }?.split(separator: ";").first
        let token = csrf(in: page.text) ?? ""
        let (headers, body) = Bodies.form(["ten_dang_nhap": login, "mat_khau": password, "csrf": token])
        var all = Bodies.merge(headers, [.cookie: String(preCookie ?? "")])
        all[.forwardedForTest] = address
        let response = try await client.executeRequest(uri: "/dang-nhap", method: .post, headers: all, body: body)
        let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("phien=") }
        return (cookie, response)
    }

    func testFirstSignInForcesPasswordChangeThenOpensTheUnitPage() async throws {
        let harness = try WebHarness()
        let unit = try XCTUnwrap(harness.units["so-tu-phap"])
        try await harness.application.test(.router) { client in
            let (setCookie, response) = try await Self.signIn(client, unit.login, unit.password)
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers[.location], "/doi-mat-khau")
            let cookieLine = try XCTUnwrap(setCookie)
            XCTAssertTrue(cookieLine.contains("HttpOnly"), cookieLine)
            XCTAssertTrue(cookieLine.contains("SameSite=Strict"), cookieLine)
            XCTAssertFalse(cookieLine.contains("Secure"), "no TLS here: \(cookieLine)")
            let cookie = String(cookieLine.split(separator: ";")[0])
            // Every page sends the account to the password page until it is changed.
            let blocked = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: [.cookie: cookie], body: nil)
            XCTAssertEqual(blocked.status, .seeOther)
            XCTAssertEqual(blocked.headers[.location], "/doi-mat-khau")
            let page = try await client.executeRequest(uri: "/doi-mat-khau", method: .get, headers: [.cookie: cookie], body: nil)
            XCTAssertEqual(page.status, .ok)
            let token = try XCTUnwrap(Self.csrf(in: page.text))
            let short = Bodies.form(["mat_khau_cu": unit.password, "mat_khau_moi": "ngan", "nhap_lai": "ngan", "csrf": token])
            let refused = try await client.executeRequest(
                uri: "/doi-mat-khau", method: .post, headers: Bodies.merge(short.0, [.cookie: cookie]), body: short.1)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("ít nhất 10 ký tự"))
            let good = Bodies.form([
                "mat_khau_cu": unit.password, "mat_khau_moi": "mot-mat-khau-dai", "nhap_lai": "mot-mat-khau-dai", "csrf": token,
            ])
            let changed = try await client.executeRequest(
                uri: "/doi-mat-khau", method: .post, headers: Bodies.merge(good.0, [.cookie: cookie]), body: good.1)
            XCTAssertEqual(changed.status, .seeOther)
            // The change ends the session it was made in and opens a new one.
            let renewed = try XCTUnwrap(changed.headers[values: .setCookie].first { $0.hasPrefix("phien=") })
            let newCookie = String(renewed.split(separator: ";")[0])
            let home = try await client.executeRequest(uri: "/", method: .get, headers: [.cookie: newCookie], body: nil)
            XCTAssertEqual(home.headers[.location], "/don-vi/so-tu-phap")
            let unitPage = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap", method: .get, headers: [.cookie: newCookie], body: nil)
            XCTAssertEqual(unitPage.status, .ok)
            XCTAssertTrue(unitPage.text.contains("id=\"trang-thai\""))
            // The old password no longer works; the new one does.
            let old = try await Self.signIn(client, unit.login, unit.password, address: "10.0.0.2")
            XCTAssertEqual(old.response.status, .unauthorized)
            let new = try await Self.signIn(client, unit.login, "mot-mat-khau-dai", address: "10.0.0.3")
            XCTAssertEqual(new.response.headers[.location], "/")
        }
        // Only hashes are stored.
        let stored = try await harness.services.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT mat_khau_bam || ' ' || ma_api_bam FROM tai_khoan")
        }
        XCTAssertFalse(stored.contains { $0.contains(unit.password) || $0.contains(unit.apiToken) })
        XCTAssertTrue(stored.allSatisfy { $0.hasPrefix("$2b$") })
    }

    func testSignInWithoutTheFormTokenIsRefused() async throws {
        let harness = try WebHarness()
        try await harness.application.test(.router) { client in
            let (headers, body) = Bodies.form(["ten_dang_nhap": "quan-tri", "mat_khau": harness.admin.password])
            let response = try await client.executeRequest(uri: "/dang-nhap", method: .post, headers: headers, body: body)
            XCTAssertEqual(response.status, .forbidden)
        }
    }

    func testFiveFailuresBlockTheAccountAndTheAddress() async throws {
        let harness = try WebHarness { $0.trustProxy = true }
        try await harness.application.test(.router) { client in
            for attempt in 0..<LoginThrottle.limit {
                let result = try await Self.signIn(client, "so-y-te", "sai-\(attempt)", address: "10.1.1.\(attempt)")
                XCTAssertEqual(result.response.status, .unauthorized)
            }
            // The right password from a new address: the account is blocked.
            let password = try XCTUnwrap(harness.units["so-y-te"]).password
            let blocked = try await Self.signIn(client, "so-y-te", password, address: "10.2.2.2")
            XCTAssertEqual(blocked.response.status, .tooManyRequests)
            XCTAssertTrue(blocked.response.text.contains("quá nhiều lần"))
            XCTAssertNil(blocked.cookie)
            // One address trying many accounts is blocked too.
            for attempt in 0..<LoginThrottle.limit {
                _ = try await Self.signIn(client, "khong-co-\(attempt)", "sai", address: "10.9.9.9")
            }
            let admin = try await Self.signIn(client, "quan-tri", harness.admin.password, address: "10.9.9.9")
            XCTAssertEqual(admin.response.status, .tooManyRequests)
            let elsewhere = try await Self.signIn(client, "quan-tri", harness.admin.password, address: "10.8.8.8")
            XCTAssertEqual(elsewhere.response.status, .seeOther)
        }
    }

    func testParallelAttemptsCannotOutrunTheLimit() throws {
        let harness = try WebHarness()
        let throttle = harness.services.throttle
        // Attempts begun, none finished yet (their passwords still being checked): the sixth is refused.
        for index in 0..<LoginThrottle.limit {
            XCTAssertNotNil(try throttle.begin(login: "so-y-te", address: "10.3.3.\(index)"))
        }
        XCTAssertNil(try throttle.begin(login: "so-y-te", address: "10.3.3.99"))
        // A success is forgotten: it does not count against the account.
        let other = try XCTUnwrap(try throttle.begin(login: "so-noi-vu", address: "10.4.4.4"))
        try throttle.succeeded(other)
        for _ in 0..<(LoginThrottle.limit - 1) { XCTAssertNotNil(try throttle.begin(login: "so-noi-vu", address: "10.4.4.4")) }
        XCTAssertNotNil(try throttle.begin(login: "so-noi-vu", address: "10.4.4.5"))
    }

    func testParallelWrongPasswordsGetNoMoreThanTheLimit() async throws {
        let harness = try WebHarness()
        try await harness.application.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<12 {
                    group.addTask { try await Self.signIn(client, "so-y-te", "sai-\(index)", address: "10.5.5.\(index)").response.status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(statuses.filter { $0 == .unauthorized }.count, LoginThrottle.limit, "\(statuses)")
            XCTAssertEqual(statuses.filter { $0 == .tooManyRequests }.count, 12 - LoginThrottle.limit)
        }
    }

    func testBehindAProxyTheAddressIsTheLastForwardedOne() async throws {
        let harness = try WebHarness { $0.trustProxy = true }
        try await harness.application.test(.router) { client in
            // The client wrote the first entry itself; the proxy appended the last.
            _ = try await Self.signIn(client, "so-y-te", "sai", address: "1.2.3.4, 10.7.7.7")
            let long = String(repeating: "x", count: 5000)
            _ = try await Self.signIn(client, long, "sai", address: "10.7.7.8")
        }
        let rows = try await harness.services.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT ten_dang_nhap, dia_chi FROM dang_nhap_loi ORDER BY rowid")
        }
        XCTAssertEqual(rows.map { $0["dia_chi"] as String }, ["10.7.7.7", "10.7.7.8"])
        XCTAssertEqual((rows.last?["ten_dang_nhap"] as String?)?.count, 100, "a long login is cut before it is stored")
    }

    func testCookiesAreSecureBehindTLS() async throws {
        let harness = try WebHarness { $0.publicURL = "https://tongket.example.vn" }
        try await harness.application.test(.router) { client in
            let (cookie, _) = try await Self.signIn(client, "quan-tri", harness.admin.password)
            let line = try XCTUnwrap(cookie)
            XCTAssertTrue(line.contains("Secure"), line)
            XCTAssertTrue(line.contains("HttpOnly"), line)
            XCTAssertTrue(line.contains("SameSite=Strict"), line)
        }
    }

    func testSignOutEndsTheSession() async throws {
        let harness = try WebHarness()
        let session = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            let (headers, body) = Bodies.form(["csrf": session.csrf])
            let out = try await client.executeRequest(
                uri: "/dang-xuat", method: .post, headers: Bodies.merge(headers, session.headers), body: body)
            XCTAssertEqual(out.status, .seeOther)
            let after = try await client.executeRequest(uri: "/tong-hop", method: .get, headers: session.headers, body: nil)
            XCTAssertEqual(after.headers[.location], "/dang-nhap")
        }
    }

    func testAccountsExportListsOnlyNewAccounts() throws {
        let harness = try WebHarness()
        let outline = harness.services.settings.outline
        let created = try harness.services.accounts.createMissingUnitAccounts(outline.units)
        XCTAssertEqual(created.count, outline.units.count - WebHarness.unitIDs.count)
        XCTAssertTrue(try harness.services.accounts.createMissingUnitAccounts(outline.units).isEmpty)
        let file = harness.folder.appendingPathComponent("tai-khoan.csv")
        try AccountExport.write(created, to: file)
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "ma_don_vi,ten_don_vi,ten_dang_nhap,mat_khau_ban_dau,api_token")
        XCTAssertEqual(lines.count, created.count + 1)
        XCTAssertThrowsError(try AccountExport.write(created, to: file), "an existing file is never overwritten")
    }
}

extension HTTPField.Name {
    /// The proxy header the throttle tests set (read only with `trustProxy`).
    static var forwardedForTest: HTTPField.Name { HTTPField.Name("X-Forwarded-For") ?? .via }
}
