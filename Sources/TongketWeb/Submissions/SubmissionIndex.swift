import Foundation
import GRDB

/// Every unit's latest upload and its events, kept in memory and brought up to date on each use
/// from the rows added since the last one. Exact because the tables are append-only (triggers
/// refuse UPDATE and DELETE) and SQLite commits one writer at a time, so ids only grow and the
/// rows above the highest id seen are all that can have changed, whichever process wrote them.
/// Reading 10,000 units' uploads and 20,000 events again for every view of the board was most
/// of its time.
public final class SubmissionIndex: @unchecked Sendable {
    /// A consistent view: the latest upload of each unit (diagnostics not decoded, their counts
    /// kept) and each unit's events, oldest first.
    public struct Snapshot: Sendable {
        public var latest: [String: UploadRecord] = [:]
        public var events: [String: [SubmissionEvent]] = [:]
    }

    private let lock = NSLock()
    private var snapshot = Snapshot()
    private var lastUpload: Int64 = 0
    private var lastEvent: Int64 = 0

    /// The index brought up to date with `database`.
    func current(_ database: WebDatabase) throws -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        try database.pool.read { db in
            let files = try UploadStore.files(db, where: "lan_nop_id > ?", arguments: [lastUpload])
            for row in try Row.fetchAll(
                db, sql: "SELECT \(UploadRecord.columns) FROM lan_nop WHERE id > ? ORDER BY id", arguments: [lastUpload])
            {
                let record = UploadRecord(row: row, files: files[row[0]] ?? [], diagnostics: false)
                snapshot.latest[record.unit] = record
                lastUpload = record.id
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT \(SubmissionEvent.columns) FROM su_kien WHERE id > ? ORDER BY id", arguments: [lastEvent])
            {
                let event = SubmissionEvent(row: row)
                snapshot.events[event.unit, default: []].append(event)
                lastEvent = event.id
            }
        }
        return snapshot
    }
}
