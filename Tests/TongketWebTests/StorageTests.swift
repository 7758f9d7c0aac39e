import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketKit
import TongketTestSupport
import TongketWeb
import XCTest

/// What is written to disk: file names within the file system's limit, modes, syncs that fail loudly.
final class StorageTests: XCTestCase {
    static func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func testALongVietnameseFileNameIsKeptWithinTheLimitNotA500() async throws {
        let harness = try WebHarness()
        let session = try harness.session("so-tu-phap")
        // 150 three-byte letters: 450 UTF-8 bytes, over the 255 a file system allows.
        let name = String(repeating: "ễ", count: 150) + ".yaml"
        try await harness.application.test(.router) { client in
            let posted = try await UploadTests.upload(
                client, session, unit: "so-tu-phap", files: [(name, try WebHarness.example("so-tu-phap.yaml"))])
            XCTAssertEqual(posted.status, .seeOther, posted.text)
        }
        let kept = try XCTUnwrap(try harness.services.uploads.uploads(unit: "so-tu-phap").first?.files.first?.name)
        XCTAssertLessThanOrEqual(kept.utf8.count, UploadFile.maximumBytes)
        XCTAssertTrue(kept.hasSuffix("ễ.yaml"), "the end, with its extension, is kept whole: \(kept)")
        XCTAssertEqual(UploadFile.safeName("ab" + String(repeating: "ễ", count: 100)).utf8.count, 198, "cut between letters")
    }

    func testUploadedFilesAndTheAccountsFileAreTheOwnersOnly() throws {
        let harness = try WebHarness()
        let sha = try harness.services.blobs.store(Data("don_vi: so-tu-phap\n".utf8))
        XCTAssertEqual(try Self.mode(harness.services.blobs.url(of: sha)), 0o600)
        // Stored again: the same file, the folder synced again.
        XCTAssertEqual(try harness.services.blobs.store(Data("don_vi: so-tu-phap\n".utf8)), sha)
        let file = harness.folder.appendingPathComponent("tai-khoan.csv")
        try AccountExport.write([], to: file)
        XCTAssertEqual(try Self.mode(file), 0o600)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), AccountExport.header + "\r\n")
        XCTAssertThrowsError(try AccountExport.write([], to: file))
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: harness.folder.path).filter { $0.hasSuffix(".tam") }, [],
            "no temporary file left")
    }

    func testAFolderThatCannotBeSyncedIsAnError() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("khong-co-\(Secret.token())")
        XCTAssertThrowsError(try BlobStore.syncFolder(missing))
    }
}
