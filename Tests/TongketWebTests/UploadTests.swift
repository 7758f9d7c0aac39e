import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketTestSupport
import TongketWeb
import XCTest

final class UploadTests: XCTestCase {
    /// Sở Tư pháp's example with an impossible report date on line 9.
    static func brokenYAML() throws -> Data {
        let text = String(decoding: try WebHarness.example("so-tu-phap.yaml"), as: UTF8.self)
        return Data(text.replacingOccurrences(of: "ngay: \"24/04/2020\"", with: "ngay: \"31/02/2020\"").utf8)
    }

    /// Uploads through the page; the response (a 303 to the result on success).
    static func upload(
        _ client: some TestClientProtocol, _ session: Session, unit: String, files: [(String, Data)], csrf: String? = nil
    ) async throws -> TestResponse {
        let (headers, body) = Bodies.multipart(["csrf": csrf ?? session.csrf], files: files)
        return try await client.executeRequest(
            uri: "/don-vi/\(unit)/nop", method: .post, headers: Bodies.merge(headers, session.headers), body: body)
    }

    func testValidYAMLUploadShowsValidReportAndSendButton() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        let yaml = try WebHarness.example("so-tu-phap.yaml")
        try await harness.application.test(.router) { client in
            let posted = try await Self.upload(client, session, unit: "so-tu-phap", files: [("so-tu-phap.yaml", yaml)])
            XCTAssertEqual(posted.status, .seeOther)
            let location = try XCTUnwrap(posted.headers[.location])
            XCTAssertTrue(location.hasPrefix("/don-vi/so-tu-phap/lan-nop/"), location)
            let page = try await client.executeRequest(uri: location, method: .get, headers: session.headers, body: nil)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("id=\"hop-le\""), page.text)
            XCTAssertTrue(page.text.contains("id=\"gui-chinh-thuc\""))
            XCTAssertTrue(page.text.contains(Secret.digest(yaml)), "the page shows the file's SHA-256")
            let preview = try await client.executeRequest(uri: location + "/xem", method: .get, headers: session.headers, body: nil)
            XCTAssertEqual(preview.status, .ok)
            XCTAssertTrue(preview.text.contains("Sở Tư pháp") || preview.text.contains("SỞ TƯ PHÁP"))
            XCTAssertFalse(preview.text.contains("<style>"), "no inline style under the CSP")
            XCTAssertTrue(preview.text.contains("/tai-nguyen/bao-cao.css"))
            let docx = try await client.executeRequest(uri: location + "/bao-cao.docx", method: .get, headers: session.headers, body: nil)
            XCTAssertEqual(docx.status, .ok)
            XCTAssertEqual(Array(Data(docx.body.readableBytesView).prefix(2)), [0x50, 0x4B])
            let markdown = try await client.executeRequest(uri: location + "/bao-cao.md", method: .get, headers: session.headers, body: nil)
            XCTAssertTrue(markdown.text.contains("BÁO CÁO"))
        }
        // The file is stored by its SHA-256.
        let sha = Secret.digest(yaml)
        XCTAssertTrue(FileManager.default.fileExists(atPath: harness.services.blobs.url(of: sha).path))
    }

    func testInvalidYAMLIsLocatedInThePageAndTheAPI() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        let token = try XCTUnwrap(harness.units["so-tu-phap"]).apiToken
        let broken = try Self.brokenYAML()
        try await harness.application.test(.router) { client in
            let posted = try await Self.upload(client, session, unit: "so-tu-phap", files: [("so-tu-phap.yaml", broken)])
            let location = try XCTUnwrap(posted.headers[.location])
            let page = try await client.executeRequest(uri: location, method: .get, headers: session.headers, body: nil).text
            XCTAssertTrue(page.contains("<table id=\"ket-qua-kiem-tra\">"))
            XCTAssertTrue(page.contains("<th>Tệp</th><th>Vị trí</th><th>Mức</th><th>Nội dung</th>"))
            XCTAssertTrue(page.contains("<td>so-tu-phap.yaml</td><td>9:"), page)
            XCTAssertFalse(page.contains("id=\"gui-chinh-thuc\""))
            // Sending an invalid upload is refused with a message.
            let (headers, body) = Bodies.form(["csrf": session.csrf])
            let sent = try await client.executeRequest(
                uri: location + "/gui", method: .post, headers: Bodies.merge(headers, session.headers), body: body)
            XCTAssertEqual(sent.status, .conflict)
            XCTAssertTrue(sent.text.contains("không gửi chính thức được"))
            // The same file through the API.
            let api = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/submission", method: .put,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/yaml"], body: ByteBuffer(bytes: broken))
            XCTAssertEqual(api.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: Any])
            XCTAssertEqual(json["valid"] as? Bool, false)
            XCTAssertEqual(json["sha256"] as? String, Secret.digest(broken))
            XCTAssertNotNil(json["id"] as? Int)
            let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
            let first = try XCTUnwrap(diagnostics.first { $0["severity"] as? String == "error" })
            XCTAssertEqual(first["file"] as? String, "so-tu-phap.yaml")
            XCTAssertEqual(first["line"] as? Int, 9)
            XCTAssertNotNil(first["column"] as? Int)
            XCTAssertFalse((first["message"] as? String ?? "").isEmpty)
        }
    }

    func testWordAndExcelFormsAreReadAsOnePair() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        let word = try WebHarness.example("bieu-mau/so-tu-phap.nhap.docx")
        let excel = try WebHarness.example("bieu-mau/so-tu-phap.bieu.xlsx")
        try await harness.application.test(.router) { client in
            let posted = try await Self.upload(
                client, session, unit: "so-tu-phap", files: [("so-tu-phap.nhap.docx", word), ("so-tu-phap.bieu.xlsx", excel)])
            let location = try XCTUnwrap(posted.headers[.location])
            let page = try await client.executeRequest(uri: location, method: .get, headers: session.headers, body: nil).text
            XCTAssertTrue(page.contains("id=\"hop-le\""), page)
            XCTAssertTrue(page.contains("so-tu-phap.nhap.docx") && page.contains("so-tu-phap.bieu.xlsx"))
            XCTAssertFalse(page.contains("/tam/"), "no server path in the page")
        }
        // A form whose figures were broken is located by sheet and cell.
        let record = try XCTUnwrap(try harness.services.uploads.uploads(unit: "so-tu-phap").first)
        XCTAssertEqual(record.files.map(\.name), ["so-tu-phap.nhap.docx", "so-tu-phap.bieu.xlsx"])
        XCTAssertTrue(record.isValid)
    }

    func testAnotherUnitsFileIsRefused() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        try await harness.application.test(.router) { client in
            let posted = try await Self.upload(
                client, session, unit: "so-tu-phap", files: [("so-noi-vu.yaml", try WebHarness.example("so-noi-vu.yaml"))])
            let location = try XCTUnwrap(posted.headers[.location])
            let page = try await client.executeRequest(uri: location, method: .get, headers: session.headers, body: nil).text
            XCTAssertTrue(page.contains("id=\"khong-hop-le\""))
            XCTAssertTrue(page.contains("không phải của đơn vị"))
        }
    }

    func testTooLargeUploadsAre413() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        let token = try XCTUnwrap(harness.units["so-tu-phap"]).apiToken
        let huge = Data(repeating: 0x61, count: 20 * 1024 * 1024 + 10)
        try await harness.application.test(.router) { client in
            let api = try await client.executeRequest(
                uri: "/api/v1/units/so-tu-phap/submission", method: .put, headers: [.authorization: "Bearer \(token)"],
                body: ByteBuffer(bytes: huge))
            XCTAssertEqual(api.status, .contentTooLarge)
            XCTAssertTrue(api.text.contains("\"error\""))
            let page = try await Self.upload(client, session, unit: "so-tu-phap", files: [("so-tu-phap.yaml", huge)])
            XCTAssertEqual(page.status, .contentTooLarge)
            XCTAssertTrue(page.text.contains("20 MB"))
        }
        XCTAssertTrue(try harness.services.uploads.uploads(unit: "so-tu-phap").isEmpty)
    }

    func testUploadsAreKeptInHistory() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        try await harness.application.test(.router) { client in
            _ = try await Self.upload(client, session, unit: "so-tu-phap", files: [("so-tu-phap.yaml", try Self.brokenYAML())])
            _ = try await Self.upload(
                client, session, unit: "so-tu-phap", files: [("so-tu-phap.yaml", try WebHarness.example("so-tu-phap.yaml"))])
            let page = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: session.headers, body: nil).text
            XCTAssertTrue(page.contains("Có 1 lỗi") || page.contains("lỗi"))
            XCTAssertTrue(page.contains("Hợp lệ"))
        }
        XCTAssertEqual(try harness.services.uploads.uploads(unit: "so-tu-phap").count, 2)
    }

    func testBlankFormsFromTheUnitPageAreLocatedBySectionAndCell() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-y-te")
        let token = try XCTUnwrap(harness.units["so-y-te"]).apiToken
        try await harness.application.test(.router) { client in
            var forms: [(String, Data)] = []
            for name in ["so-y-te.yaml", "so-y-te.nhap.docx", "so-y-te.bieu.xlsx"] {
                let response = try await client.executeRequest(
                    uri: "/don-vi/so-y-te/mau/\(name)", method: .get, headers: session.headers, body: nil)
                XCTAssertEqual(response.status, .ok, name)
                XCTAssertTrue(response.headers[.contentDisposition]?.contains(name) ?? false)
                forms.append((name, Data(response.body.readableBytesView)))
            }
            let other = try await client.executeRequest(
                uri: "/don-vi/so-y-te/mau/so-tu-phap.yaml", method: .get, headers: session.headers, body: nil)
            XCTAssertEqual(other.status, .notFound)
            // The blank Word and Excel forms: errors placed in the forms' own terms, not YAML lines.
            let (headers, body) = Bodies.multipart([:], files: Array(forms.dropFirst()))
            let api = try await client.executeRequest(
                uri: "/api/v1/units/so-y-te/submission", method: .put, headers: Bodies.merge(headers, [.authorization: "Bearer \(token)"]),
                body: body)
            XCTAssertEqual(api.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: Any])
            XCTAssertEqual(json["valid"] as? Bool, false)
            let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
            XCTAssertFalse(diagnostics.isEmpty)
            for diagnostic in diagnostics {
                let file = diagnostic["file"] as? String ?? ""
                XCTAssertTrue(["so-y-te.nhap.docx", "so-y-te.bieu.xlsx"].contains(file), file)
                let place = diagnostic["place"] as? String ?? ""
                XCTAssertFalse(place.isEmpty)
                XCTAssertNil(place.range(of: "^[0-9]+:[0-9]+$", options: .regularExpression), "a form's place, not a line: \(place)")
            }
            let id = try XCTUnwrap(json["id"] as? Int)
            let page = try await client.executeRequest(
                uri: "/don-vi/so-y-te/lan-nop/\(id)", method: .get, headers: session.headers, body: nil)
            XCTAssertTrue(page.text.contains("<td>so-y-te.nhap.docx</td>"), page.text)
        }
    }
}
