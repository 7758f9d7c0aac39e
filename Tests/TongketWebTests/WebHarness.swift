import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketKit
import TongketTestSupport
import TongketWeb
import XCTest

/// A server over a fresh data folder (a real SQLite file in a temporary folder), the bundled
/// outline and templates, bcrypt at cost 4, "today" pinned; with a signed-in session per account.
final class WebHarness: Sendable {
    let folder: URL
    let services: WebServices
    let admin: NewAccount
    let units: [String: NewAccount]

    /// The example's units used by the tests.
    static let unitIDs = ["so-tu-phap", "so-noi-vu", "h-nga-son", "so-y-te"]

    init(asOf: SimpleDate = SimpleDate(year: 2020, month: 4, day: 20), configure: (inout WebSettings) -> Void = { _ in }) throws {
        folder = try Fixtures.temporaryDirectory().appendingPathComponent("du-lieu")
        var settings = WebSettings(
            dataFolder: folder, outlineFolder: Fixtures.outlineDirectory, outline: try Fixtures.outline(),
            templatesFolder: Fixtures.root.appendingPathComponent("templates"), asOf: asOf)
        settings.bcryptCost = 4
        configure(&settings)
        services = try WebServices(settings: settings)
        guard let admin = try services.accounts.createAdminIfMissing(name: "Sở Nội vụ") else { throw HarnessError() }
        self.admin = admin
        let units = settings.outline.units.filter { Self.unitIDs.contains($0.id) }
        var created: [String: NewAccount] = [:]
        for account in try services.accounts.createMissingUnitAccounts(units) { created[account.login] = account }
        self.units = created
    }

    /// A fresh router over the services.
    var router: Router<WebContext> { WebRouter.build(services) }

    /// The application to test.
    var application: some ApplicationProtocol { Application(router: router) }

    /// A session cookie and CSRF token for `login`, its password changed (or not).
    func session(_ login: String, changePassword: Bool = true) throws -> Session {
        let password = login == admin.login ? admin.password : (units[login]?.password ?? "")
        guard var account = try services.accounts.authenticate(login: login, password: password) else { throw HarnessError() }
        if changePassword {
            let outcome = try services.accounts.changePassword(
                account, current: password, new: "mat-khau-moi-123", repeated: "mat-khau-moi-123")
            guard case .changed = outcome else { throw HarnessError() }
            account.mustChangePassword = false
        }
        let id = try services.sessions.create(for: account)
        guard let found = try services.sessions.find(id) else { throw HarnessError() }
        return Session(cookie: "phien=\(id)", csrf: found.csrf)
    }

    /// An example file's bytes.
    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.examples.appendingPathComponent(name))
    }
}

/// A signed-in browser: its cookie header and the session's CSRF token.
struct Session {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie] }
}

struct HarnessError: Error {}

/// Request bodies as browsers send them.
enum Bodies {
    static let boundary = "----tongket-kiem-thu"

    /// `application/x-www-form-urlencoded`.
    static func form(_ fields: [String: String]) -> (HTTPFields, ByteBuffer) {
        let text = fields.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return ([.contentType: "application/x-www-form-urlencoded"], ByteBuffer(string: text))
    }

    /// `multipart/form-data` with text fields and files of field `tep`.
    static func multipart(_ fields: [String: String], files: [(String, Data)]) -> (HTTPFields, ByteBuffer) {
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (name, data) in files {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        .utf8))
            body.append(data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(bytes: body))
    }

    /// Merges header fields.
    static func merge(_ a: HTTPFields, _ b: HTTPFields) -> HTTPFields {
        var result = a
        for field in b { result.append(field) }
        return result
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
