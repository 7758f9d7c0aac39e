import Foundation
import TongketTestSupport
import TongketWeb
import XCTest

/// `openapi/tongket-web.yaml` documents exactly the API routes the router has.
final class OpenAPITests: XCTestCase {
    /// "METHOD /path" of every operation in the file, by a line scan of `paths:`.
    static func documented() throws -> Set<String> {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("openapi/tongket-web.yaml"), encoding: .utf8)
        var result = Set<String>()
        var inPaths = false
        var path: String?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("paths:") {
                inPaths = true
                continue
            }
            if inPaths, !line.isEmpty, !line.hasPrefix(" ") { inPaths = false }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast().uppercased()
                if ["GET", "PUT", "POST", "DELETE", "PATCH"].contains(method) { result.insert("\(method) \(path)") }
            }
        }
        return result
    }

    func testDocumentedOperationsAreTheRoutersAPIRoutes() throws {
        let harness = try WebHarness()
        let api = Set(
            AuthorizationWalkTests.routes(harness).map(\.key).filter { $0.split(separator: " ").last?.hasPrefix("/api/") ?? false })
        XCTAssertEqual(try Self.documented(), api)
        XCTAssertEqual(api.count, 5)
    }
}
