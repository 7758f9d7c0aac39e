import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketKit
import TongketTestSupport
import TongketWeb
import XCTest

/// The JSON API's answers when the caller may ask: reports, the draft, the status, and hostile
/// files sent through it.
final class APITests: XCTestCase {
    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    func testAUnitsReportInEveryFormatIsItsLatestValidUpload() async throws {
        let harness = try WebHarness()
        _ = try harness.session("so-tu-phap")  // the initial password changed: the token works
        let token = try XCTUnwrap(harness.units["so-tu-phap"]).apiToken
        let yaml = try WebHarness.example("so-tu-phap.yaml")
        try await harness.application.test(.router) { client in
            let none = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/report?format=md", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertEqual(none.status, .notFound)
            XCTAssertTrue(none.text.contains("chưa có lần nộp hợp lệ"), none.text)
            let put = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/submission", method: .put, headers: Self.bearer(token), body: ByteBuffer(bytes: yaml))
            XCTAssertEqual(try Self.json(put)["valid"] as? Bool, true)
            // Markdown: the same text as the CLI's render of the same file.
            let md = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/report?format=md", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertEqual(md.status, .ok)
            XCTAssertTrue(md.headers[.contentDisposition]?.contains("so-tu-phap.md") ?? false)
            let folder = try Fixtures.temporaryDirectory()
            let rendered = try CLI.run(
                [
                    "render", Fixtures.examples.appendingPathComponent("so-tu-phap.yaml").path, "--outline", "cchc-2011-2020",
                    "--format", "md", "-o", folder.path,
                ])
            XCTAssertEqual(rendered.status, 0, rendered.stderr)
            let expected = try String(contentsOf: folder.appendingPathComponent("so-tu-phap.md"), encoding: .utf8)
            XCTAssertEqual(md.text, expected)
            let html = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/report?format=html", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertEqual(html.status, .ok)
            XCTAssertTrue(html.headers[.contentType]?.hasPrefix("text/html") ?? false)
            XCTAssertTrue(html.text.contains("<main class=\"van-ban\">") && html.text.contains("SỞ TƯ PHÁP"), html.text)
            let docx = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/report?format=docx", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertEqual(docx.status, .ok)
            XCTAssertEqual(Array(docx.body.readableBytesView.prefix(2)), Array("PK".utf8))
            XCTAssertTrue(docx.headers[.contentType]?.contains("wordprocessingml") ?? false)
            let pdf = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/report?format=pdf", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertEqual(pdf.status, .badRequest)
            XCTAssertTrue(pdf.text.contains("md, html hoặc docx"))
        }
    }

    func testTheDraftThroughTheAPIFromAcceptedOrLatest() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 30))
        let tuPhap = try harness.session("so-tu-phap")
        let admin = try harness.session("quan-tri")
        let token = harness.admin.apiToken
        try await harness.application.test(.router) { client in
            _ = try await StateTests.uploadAndSend(client, tuPhap, unit: "so-tu-phap")
            // Sent, not yet accepted: the draft from accepted reports has no unit; from the latest it has Sở Tư pháp.
            let accepted = try await client.executeRequest(
                uri: "/api/v1/draft?format=md", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertEqual(accepted.status, .ok)
            XCTAssertTrue(accepted.text.contains("DỰ THẢO"))
            XCTAssertFalse(accepted.text.contains("*Sở Tư pháp"), accepted.text)
            let latest = try await client.executeRequest(
                uri: "/api/v1/draft?format=md&nguon=moi-nhat", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertTrue(latest.text.contains("Sở Tư pháp"))
            XCTAssertNotEqual(latest.text, accepted.text)
            // The HTML and Word drafts are whole documents of their kinds.
            let html = try await client.executeRequest(
                uri: "/api/v1/draft?format=html&nguon=moi-nhat", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertTrue(html.text.hasPrefix("<!DOCTYPE html>") && html.text.contains("Sở Tư pháp"))
            let docx = try await client.executeRequest(
                uri: "/api/v1/draft?format=docx", method: .get, headers: Self.bearer(token), body: nil)
            XCTAssertEqual(docx.status, .ok)
            XCTAssertEqual(Array(docx.body.readableBytesView.prefix(2)), Array("PK".utf8))
            // A session cookie is not a token.
            let cookie = try await client.executeRequest(uri: "/api/v1/draft?format=md", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(cookie.status, .unauthorized)
        }
    }

    /// The status is `tongket status --json` over the files the units sent officially: the CLI
    /// run over a folder holding the same files answers the same JSON.
    func testStatusIsTheCLIsStatusOverTheSentFiles() async throws {
        let day = SimpleDate(year: 2020, month: 4, day: 30)
        let harness = try WebHarness(asOf: day)
        let tuPhap = try harness.session("so-tu-phap")
        let yTe = try harness.session("so-y-te")
        _ = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            _ = try await StateTests.uploadAndSend(client, tuPhap, unit: "so-tu-phap")
            // Uploaded, never sent: not in the status.
            _ = try await UploadTests.upload(
                client, yTe, unit: "so-y-te", files: [("so-y-te.yaml", try WebHarness.example("so-y-te.yaml"))])
            let status = try await client.executeRequest(
                uri: "/api/v1/status", method: .get, headers: Self.bearer(harness.admin.apiToken), body: nil)
            XCTAssertEqual(status.status, .ok)
            let folder = try Fixtures.temporaryDirectory()
            try WebHarness.example("so-tu-phap.yaml").write(to: folder.appendingPathComponent("so-tu-phap.yaml"))
            let cli = try CLI.run(
                ["status", "so-tu-phap.yaml", "--outline", "cchc-2011-2020", "--as-of", "30/04/2020", "--json"], in: folder)
            XCTAssertEqual(cli.status, 0, cli.stderr)
            let web = try JSONSerialization.jsonObject(with: Data(status.body.readableBytesView)) as? NSDictionary
            let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? NSDictionary
            XCTAssertNotNil(web)
            XCTAssertEqual(web, expected, "web:\n\(status.text)\ncli:\n\(cli.stdout)")
        }
    }

    /// Hostile files sent through the web meet the readers' own limits: a located refusal in the
    /// answer, nothing inflated, and the server answers the next request.
    func testHostileFilesAreRefusedByTheReadersLimits() async throws {
        let harness = try WebHarness()
        _ = try harness.session("so-tu-phap")
        let token = try XCTUnwrap(harness.units["so-tu-phap"]).apiToken
        let word = try WebHarness.example("bieu-mau/so-tu-phap.nhap.docx")
        let bomb = try OfficeZip.make(
            try DOCXFile.parts(word).map { $0.path == "word/document.xml" ? ($0.path, Data(count: 8 << 20)) : ($0.path, $0.data) })
        XCTAssertLessThan(bomb.count, 1 << 20, "deflated, the bomb is small on the wire")
        let deep = Data(("don_vi: so-tu-phap\nbao_cao: " + String(repeating: "[", count: 100_000)).utf8)
        try await harness.application.test(.router) { client in
            let (headers, body) = Bodies.multipart([:], files: [("so-tu-phap.nhap.docx", bomb)])
            let zip = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/submission", method: .put, headers: Bodies.merge(headers, Self.bearer(token)), body: body)
            XCTAssertEqual(zip.status, .ok)
            let zipAnswer = try Self.json(zip)
            XCTAssertEqual(zipAnswer["valid"] as? Bool, false)
            let zipMessages = (zipAnswer["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            XCTAssertTrue(zipMessages.contains { $0.contains("bom ZIP") }, "\(zipMessages)")
            let yaml = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/submission", method: .put, headers: Self.bearer(token), body: ByteBuffer(bytes: deep))
            XCTAssertEqual(yaml.status, .ok)
            let yamlAnswer = try Self.json(yaml)
            XCTAssertEqual(yamlAnswer["valid"] as? Bool, false)
            let first = try XCTUnwrap((yamlAnswer["diagnostics"] as? [[String: Any]])?.first)
            XCTAssertEqual(first["file"] as? String, "so-tu-phap.yaml")
            XCTAssertEqual(first["line"] as? Int, 2)
            // A part header whose name has a byte past ASCII: multipart-kit would trap on it (found
            // by schemathesis, killing the server); refused with 400 before it is parsed.
            let boundary = "bien-gioi"
            var crafted = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"a.yaml\"\r\n".utf8)
            crafted.append(Data("X-T\u{EA}n: 1\r\n\r\ndon_vi: so-tu-phap\r\n--\(boundary)--\r\n".utf8))
            let multipart = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/submission", method: .put,
                headers: Bodies.merge([.contentType: "multipart/form-data; boundary=\(boundary)"], Self.bearer(token)),
                body: ByteBuffer(bytes: crafted))
            XCTAssertEqual(multipart.status, .badRequest)
            XCTAssertTrue(multipart.text.contains("multipart hỏng"), multipart.text)
            let health = try await client.executeRequest(uri: "/api/v1/health", method: .get, headers: [:], body: nil)
            XCTAssertEqual(health.status, .ok)
        }
        // Both kept in the history, as every upload is, each with its errors.
        XCTAssertEqual(try harness.services.uploads.uploads(unit: "so-tu-phap").map(\.isValid), [false, false])
    }
}
