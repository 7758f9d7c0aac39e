import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketTestSupport
import TongketWeb
import XCTest

/// Every route of the router, called by someone who may not: never a 200.
final class AuthorizationWalkTests: XCTestCase {
    /// Routes about the caller's own account: any signed-in account may use them.
    static let ownAccountRoutes: Set<String> = [
        "GET /doi-mat-khau", "POST /doi-mat-khau", "POST /doi-mat-khau/ma-api", "POST /dang-xuat",
    ]
    /// Routes only the unit itself may use (not even the administrator).
    static let unitWriteRoutes: Set<String> = [
        "POST /don-vi/{unit}/nop", "POST /don-vi/{unit}/lan-nop/{id}/gui", "PUT /api/v1/units/{unit}/submission",
    ]

    /// "METHOD /path" of every route.
    static func routes(_ harness: WebHarness) -> [(key: String, method: HTTPRequest.Method, path: String)] {
        harness.router.routes.map { route in
            var path = route.path.description
            if !path.hasPrefix("/") { path = "/" + path }
            return ("\(route.method) \(path)", route.method, path)
        }
    }

    func testEveryRouteRefusesTheAnonymousTheWrongUnitAndUnitsOnAdminRoutes() async throws {
        let harness = try WebHarness()
        let victim = try harness.session("so-tu-phap")
        let intruder = try harness.session("h-nga-son")
        let admin = try harness.session("quan-tri")
        let intruderToken = try XCTUnwrap(harness.units["h-nga-son"]).apiToken
        let adminToken = harness.admin.apiToken
        let routes = Self.routes(harness)
        XCTAssertGreaterThan(routes.count, 30, "the walk sees the whole router")
        try await harness.application.test(.router) { client in
            let posted = try await UploadTests.upload(
                client, victim, unit: "so-tu-phap", files: [("so-tu-phap.yaml", try WebHarness.example("so-tu-phap.yaml"))])
            let upload = try XCTUnwrap(posted.headers[.location]?.split(separator: "/").last.map(String.init))
            for route in routes where !WebRouter.publicRoutes.contains(route.key) {
                let path = route.path.replacingOccurrences(of: "{unit}", with: "so-tu-phap")
                    .replacingOccurrences(of: "{id}", with: upload).replacingOccurrences(of: "{file}", with: "so-tu-phap.yaml")
                let isAPI = path.hasPrefix("/api/")
                func call(_ headers: HTTPFields, csrf: String?) async throws -> TestResponse {
                    let (formHeaders, body) = Bodies.form(csrf.map { ["csrf": $0, "ghi_chu": "x"] } ?? [:])
                    let send = route.method == .get ? nil : body
                    let all = route.method == .get ? headers : Bodies.merge(formHeaders, headers)
                    return try await client.executeRequest(uri: path, method: route.method, headers: all, body: send)
                }
                // Anonymous: the sign-in page for a page, 401 for the API.
                let anonymous = try await call([:], csrf: nil)
                if isAPI {
                    XCTAssertEqual(anonymous.status, .unauthorized, "anonymous \(route.key)")
                    XCTAssertTrue(anonymous.text.contains("\"error\""), route.key)
                } else {
                    XCTAssertEqual(anonymous.status, .seeOther, "anonymous \(route.key)")
                    XCTAssertEqual(anonymous.headers[.location], "/dang-nhap", "anonymous \(route.key)")
                }
                if Self.ownAccountRoutes.contains(route.key) { continue }
                // Another unit (a page with its valid form token, or the API with its token): 403.
                let wrong =
                    isAPI
                    ? try await call([.authorization: "Bearer \(intruderToken)"], csrf: nil)
                    : try await call(intruder.headers, csrf: intruder.csrf)
                XCTAssertEqual(wrong.status, .forbidden, "another unit on \(route.key)")
                // The unit's own writes are its own: not even the administrator makes them.
                if Self.unitWriteRoutes.contains(route.key) {
                    let byAdmin =
                        isAPI
                        ? try await call([.authorization: "Bearer \(adminToken)"], csrf: nil)
                        : try await call(admin.headers, csrf: admin.csrf)
                    XCTAssertEqual(byAdmin.status, .forbidden, "administrator on \(route.key)")
                }
                // A session cookie does not open the API.
                if isAPI {
                    let cookie = try await call(admin.headers, csrf: nil)
                    XCTAssertEqual(cookie.status, .unauthorized, "session cookie on \(route.key)")
                }
            }
        }
    }

    func testEveryFormPostWithoutTheTokenIsRefusedEvenForItsOwner() async throws {
        let harness = try WebHarness()
        let unit = try harness.session("so-tu-phap")
        let admin = try harness.session("quan-tri")
        let posts = Self.routes(harness).filter { $0.method == .post && !$0.path.hasPrefix("/api/") && $0.key != "POST /dang-nhap" }
        XCTAssertGreaterThanOrEqual(posts.count, 8)
        try await harness.application.test(.router) { client in
            let posted = try await UploadTests.upload(
                client, unit, unit: "so-tu-phap", files: [("so-tu-phap.yaml", try WebHarness.example("so-tu-phap.yaml"))])
            let upload = try XCTUnwrap(posted.headers[.location]?.split(separator: "/").last.map(String.init))
            for route in posts {
                let path = route.path.replacingOccurrences(of: "{unit}", with: "so-tu-phap").replacingOccurrences(of: "{id}", with: upload)
                var refusedForToken = false
                for session in [unit, admin] {
                    let (headers, body) = Bodies.form(["ghi_chu": "x", "nguoi_ra_soat": "x", "trang_thai": "du-thao"])
                    let response = try await client.executeRequest(
                        uri: path, method: .post, headers: Bodies.merge(headers, session.headers), body: body)
                    XCTAssertEqual(response.status, .forbidden, "\(route.key) without its token")
                    if response.text.contains("Biểu mẫu đã hết hạn") { refusedForToken = true }
                }
                XCTAssertTrue(refusedForToken, "\(route.key): its owner is refused for the missing token")
            }
        }
        XCTAssertEqual(try harness.services.uploads.events(unit: "so-tu-phap").count, 0)
    }

    func testUnitRoutesAreTheUnitsAndAdminRoutesTheAdministrators() async throws {
        let harness = try WebHarness()
        let unit = try harness.session("so-tu-phap")
        let admin = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            let own = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: unit.headers, body: nil)
            XCTAssertEqual(own.status, .ok)
            let byAdmin = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(byAdmin.status, .ok)
            for path in ["/tong-hop", "/du-thao", "/gop-y", "/tong-hop.csv"] {
                let refused = try await client.executeRequest(uri: path, method: .get, headers: unit.headers, body: nil)
                XCTAssertEqual(refused.status, .forbidden, path)
                let allowed = try await client.executeRequest(uri: path, method: .get, headers: admin.headers, body: nil)
                XCTAssertEqual(allowed.status, .ok, path)
            }
            let unknown = try await client.executeRequest(uri: "/khong-co", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertTrue(unknown.text.contains("Không tìm thấy"))
        }
    }

    func testEveryFormPostNeedsTheSessionsToken() async throws {
        let harness = try WebHarness()
        let unit = try harness.session("so-tu-phap")
        let other = try harness.session("so-noi-vu")
        let yaml = try WebHarness.example("so-tu-phap.yaml")
        try await harness.application.test(.router) { client in
            // Missing, wrong, and another session's token: 403, nothing recorded.
            for token in ["", "sai", other.csrf] {
                let response = try await UploadTests.upload(
                    client, unit, unit: "so-tu-phap", files: [("so-tu-phap.yaml", yaml)], csrf: token)
                XCTAssertEqual(response.status, .forbidden, "token '\(token)'")
            }
            XCTAssertTrue(try harness.services.uploads.uploads(unit: "so-tu-phap").isEmpty)
            let (headers, body) = Bodies.form(["mat_khau_cu": "x", "mat_khau_moi": "y", "nhap_lai": "y"])
            let password = try await client.executeRequest(
                uri: "/doi-mat-khau", method: .post, headers: Bodies.merge(headers, unit.headers), body: body)
            XCTAssertEqual(password.status, .forbidden)
            let good = try await UploadTests.upload(client, unit, unit: "so-tu-phap", files: [("so-tu-phap.yaml", yaml)])
            XCTAssertEqual(good.status, .seeOther)
        }
    }

    func testUnknownTokenIs401AndAPIErrorsAreJSON() async throws {
        let harness = try WebHarness()
        _ = try harness.session("quan-tri")  // the initial password changed: the token works
        try await harness.application.test(.router) { client in
            let response = try await client.executeRequest(
                uri: "/api/v1/status", method: .get, headers: [.authorization: "Bearer khong-phai-ma"], body: nil)
            XCTAssertEqual(response.status, .unauthorized)
            let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: String]
            XCTAssertFalse(json?["error"]?.isEmpty ?? true)
            let status = try await client.executeRequest(
                uri: "/api/v1/status", method: .get, headers: [.authorization: "Bearer \(harness.admin.apiToken)"], body: nil)
            XCTAssertEqual(status.status, .ok)
            XCTAssertTrue(status.text.contains("\"tinh_den_ngay\""))
        }
    }
}
