import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketKit
import TongketTestSupport
import TongketWeb
import XCTest

/// The in-memory index of latest uploads and events never differs from the database, whatever
/// wrote to it and whenever the board was last looked at.
final class SubmissionIndexTests: XCTestCase {
    /// Latest upload id per unit and event ids per unit, read straight from the tables.
    static func fromTables(_ path: String) throws -> (latest: [String: Int64], events: [String: [Int64]]) {
        try DatabaseQueue(path: path).read { db in
            var latest: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT don_vi, MAX(id) FROM lan_nop GROUP BY don_vi") { latest[row[0]] = row[1] }
            var events: [String: [Int64]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT don_vi, id FROM su_kien ORDER BY id") {
                events[row[0], default: []].append(row[1])
            }
            return (latest, events)
        }
    }

    static func check(_ harness: WebHarness, _ path: String) throws {
        let snapshot = try harness.services.uploads.snapshot()
        let tables = try fromTables(path)
        XCTAssertEqual(snapshot.latest.mapValues { (record: UploadRecord) in record.id }, tables.latest)
        XCTAssertEqual(snapshot.events.mapValues { (events: [SubmissionEvent]) in events.map { $0.id } }, tables.events)
    }

    func testTheIndexFollowsEveryWriteAndTheBoardShowsIt() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 30))
        let admin = try harness.session("quan-tri")
        let tuPhap = try harness.session("so-tu-phap")
        let yTe = try harness.session("so-y-te")
        let path = harness.folder.appendingPathComponent("tongket.sqlite").path
        try await harness.application.test(.router) { client in
            func row(_ unit: String) async throws -> String {
                let board = try await client.executeRequest(uri: "/tong-hop", method: .get, headers: admin.headers, body: nil).text
                let start = try XCTUnwrap(board.range(of: "<tr data-don-vi=\"\(unit)\""))
                return String(board[start.lowerBound...].prefix { $0 != "\n" })
            }
            let before = try await row("so-tu-phap")
            XCTAssertTrue(before.contains("Chưa gửi"), before)
            try Self.check(harness, path)
            // Written after the board was seen: the next view shows it.
            _ = try await StateTests.uploadAndSend(client, tuPhap, unit: "so-tu-phap")
            _ = try await UploadTests.upload(client, yTe, unit: "so-y-te", files: [("so-y-te.yaml", Data("don_vi: so-y-te\n".utf8))])
            let sent = try await row("so-tu-phap")
            XCTAssertTrue(sent.contains("Đã gửi"), sent)
            let invalid = try await row("so-y-te")
            XCTAssertTrue(invalid.contains("Chưa gửi"), invalid)
            try Self.check(harness, path)
            // Another process's writes (an administrator's script on the same file) are seen too.
            try await DatabaseQueue(path: path).write { db in
                try db.execute(
                    sql: """
                        INSERT INTO lan_nop (don_vi, tai_khoan, thoi_gian, sha256, hop_le, so_loi, so_canh_bao, chan_doan)
                        VALUES ('so-y-te', 'so-y-te', '2020-04-30T01:00:00Z', ?, 1, 0, 3, '[]')
                        """, arguments: [String(repeating: "a", count: 64)])
                let upload = db.lastInsertedRowID
                try db.execute(
                    sql: """
                        INSERT INTO su_kien (don_vi, lan_nop_id, loai, ghi_chu, thoi_gian, ngay, tai_khoan)
                        VALUES ('so-y-te', ?, 'gui', '', '2020-04-30T01:00:00Z', '2020-04-30', 'so-y-te')
                        """, arguments: [upload])
            }
            let other = try await row("so-y-te")
            XCTAssertTrue(other.contains("Đã gửi") && other.contains("<td>3</td>"), other)
            try Self.check(harness, path)
        }
    }
}
