import Foundation
import HummingbirdTesting
import TongketKit
import TongketTestSupport
import TongketWeb
import XCTest

/// The web draft through the caches in `bo-nho-dem/`: the submissions read when they were
/// uploaded and the draft's sections made by an earlier request. Whatever the caches hold, the
/// draft is the one made with them emptied, byte for byte; after one unit's new upload only the
/// sections it touched are made again.
final class DraftCacheTests: XCTestCase {
    func testTheDraftThroughTheCachesIsTheDraftWithoutThem() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 30))
        let token = harness.admin.apiToken
        let cache = harness.folder.appendingPathComponent("bo-nho-dem")
        let sections = cache.appendingPathComponent("muc")
        _ = try harness.session("quan-tri")  // the API answers once the first password is changed
        var made: [String: Session] = [:]
        for unit in WebHarness.unitIDs { made[unit] = try harness.session(unit) }
        let sessions = made
        try await harness.application.test(.router) { client in
            for unit in WebHarness.unitIDs {
                let posted = try await UploadTests.upload(
                    client, try XCTUnwrap(sessions[unit]), unit: unit, files: [("\(unit).yaml", try WebHarness.example("\(unit).yaml"))])
                XCTAssertEqual(posted.status, .seeOther, unit)
            }
            // Each file is read at a lasting place, `tep-doc/<sha256>/<unit>/<name>`, through a
            // link relative to the data folder (a data folder moved whole still works).
            let lasting = harness.folder.appendingPathComponent("tep-doc")
            for unit in WebHarness.unitIDs {
                let bytes = try WebHarness.example("\(unit).yaml")
                let place = lasting.appendingPathComponent(Secret.digest(bytes)).appendingPathComponent("\(unit)/\(unit).yaml")
                let target = try FileManager.default.destinationOfSymbolicLink(atPath: place.path)
                XCTAssertTrue(target.hasPrefix("../../../tep/"), target)
                XCTAssertEqual(try Data(contentsOf: place), bytes)
            }
            // Each upload was read once, and what reading it gave is kept.
            XCTAssertEqual(try Self.files(in: cache, except: ["muc", "dau-tep"]).count, WebHarness.unitIDs.count)
            func draft(_ format: String) async throws -> [UInt8] {
                let response = try await client.executeRequest(
                    uri: "/api/v1/draft?format=\(format)&nguon=moi-nhat", method: .get, headers: APITests.bearer(token), body: nil)
                XCTAssertEqual(response.status, .ok)
                return Array(response.body.readableBytesView)
            }

            let first = (md: try await draft("md"), html: try await draft("html"))
            XCTAssertEqual(
                try Self.files(in: cache, except: ["muc", "dau-tep"]).count, WebHarness.unitIDs.count, "the draft read them from the cache")
            // The draft made by the library over the example files, in memory and without a cache.
            let services = harness.services
            let consolidation = SubmissionFolder.consolidator(
                paths: WebHarness.unitIDs.map { Fixtures.examples.appendingPathComponent("\($0).yaml").path },
                outline: services.settings.outline, strict: false
            ).consolidate(asOf: services.settings.today)
            let mark = VersionStore(directory: services.draftFolder, report: DocumentWriter.consolidatedBaseName)
                .draftMark(final: false, alwaysDraft: true)
            let direct = try services.renderer.consolidatedReport(consolidation, draftMark: mark, formats: [.markdown, .html])
            XCTAssertEqual(first.md, Array(direct.markdown.utf8))
            XCTAssertEqual(first.html, Array(direct.html.utf8))
            let kept = try Self.inodes(sections)
            XCTAssertGreaterThan(kept.count, 10, "the sections are kept")
            let warm = (md: try await draft("md"), html: try await draft("html"))
            XCTAssertEqual(warm.md, first.md)
            XCTAssertEqual(warm.html, first.html)
            XCTAssertEqual(try Self.inodes(sections), kept, "nothing changed: every section copied, none written again")
            try FileManager.default.removeItem(at: cache)
            let emptied = (md: try await draft("md"), html: try await draft("html"))
            XCTAssertEqual(emptied.md, first.md, "the caches emptied")
            XCTAssertEqual(emptied.html, first.html, "the caches emptied")
            let before = try Self.inodes(sections)

            // Sở Nội vụ uploads its file with one figure changed.
            var yaml = String(decoding: try WebHarness.example("so-noi-vu.yaml"), as: UTF8.self)
            XCTAssertTrue(yaml.contains("tổ chức 15 cuộc kiểm tra"))
            yaml = yaml.replacingOccurrences(of: "tổ chức 15 cuộc kiểm tra", with: "tổ chức 93 cuộc kiểm tra")
            let posted = try await UploadTests.upload(
                client, try XCTUnwrap(sessions["so-noi-vu"]), unit: "so-noi-vu", files: [("so-noi-vu.yaml", Data(yaml.utf8))])
            XCTAssertEqual(posted.status, .seeOther)
            let readings = WebHarness.unitIDs.count + 1
            XCTAssertEqual(
                try Self.files(in: cache, except: ["muc", "dau-tep"]).count, readings, "the new upload's reading is kept beside the others")
            let changed = (md: try await draft("md"), html: try await draft("html"))
            XCTAssertEqual(
                try Self.files(in: cache, except: ["muc", "dau-tep"]).count, readings, "the draft read every upload from the cache")
            let text = String(decoding: changed.md, as: UTF8.self)
            XCTAssertTrue(text.contains("tổ chức 93 cuộc kiểm tra"))
            XCTAssertFalse(String(decoding: first.md, as: UTF8.self).contains("tổ chức 93 cuộc kiểm tra"))
            let after = try Self.inodes(sections)
            let copied = before.filter { after[$0.key] == $0.value }.count
            XCTAssertGreaterThan(copied, 0, "the sections Sở Nội vụ's change did not touch are copied")
            XCTAssertLessThan(copied, before.count, "the sections it touched are made again")

            // A damaged section in the cache is made again; the draft is the one without caches.
            let damaged = try XCTUnwrap(try Self.files(in: sections, except: []).first { $0.pathExtension == "md" })
            try Data("hỏng".utf8).write(to: damaged)
            let repaired = try await draft("md")
            XCTAssertEqual(repaired, changed.md, "a damaged entry")
            try FileManager.default.removeItem(at: cache)
            let fresh = (md: try await draft("md"), html: try await draft("html"))
            XCTAssertEqual(fresh.md, changed.md, "the caches emptied after the change")
            XCTAssertEqual(fresh.html, changed.html, "the caches emptied after the change")
        }
    }

    /// The regular files under `folder`, leaving out the names in `except` (the kept sections
    /// `muc`, the file stamps `dau-tep`: not readings of uploads).
    static func files(in folder: URL, except: [String]) throws -> [URL] {
        var found: [URL] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where !except.contains(name) {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            if isFolder.boolValue { found += try files(in: url, except: []) } else { found.append(url) }
        }
        return found
    }

    /// Each file's inode: an entry written again is a new file renamed over the old one.
    static func inodes(_ folder: URL) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for url in try files(in: folder, except: []) {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            result[url.lastPathComponent] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        }
        return result
    }
}
