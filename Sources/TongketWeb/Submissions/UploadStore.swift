import Foundation
import GRDB
import TongketKit

/// Uploads, their files and the submission events in the database; the files themselves in the
/// blob store, written and synced before the row that names them is committed.
public struct UploadStore: Sendable {
    let database: WebDatabase
    let blobs: BlobStore
    /// The latest uploads and events of every unit, in memory, for the board and the states.
    let index = SubmissionIndex()

    /// Records a checked upload and its audit line in one transaction; the new record.
    func record(
        unit: String, account: String, address: String, files: [UploadFile], check: SubmissionCheck
    ) throws -> UploadRecord {
        let diagnostics = String(decoding: try JSONEncoder().encode(check.diagnostics), as: UTF8.self)
        let sha256 = UploadRecord.digest(of: files)
        let id = try database.pool.write { db -> Int64 in
            try db.execute(
                sql: """
                    INSERT INTO lan_nop (don_vi, tai_khoan, thoi_gian, sha256, hop_le, so_loi, so_canh_bao, chan_doan)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    unit, account, Clock.timestamp(), sha256, check.isValid ? 1 : 0, check.errorCount, check.warningCount, diagnostics,
                ])
            let id = db.lastInsertedRowID
            for (index, file) in files.enumerated() {
                try db.execute(
                    sql: "INSERT INTO tep_nop (lan_nop_id, thu_tu, ten, sha256, kich_thuoc) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id, index, file.name, file.sha256, file.size])
            }
            try WebDatabase.audit(db, account: account, address: address, action: "nop", object: "lan-nop/\(id)")
            return id
        }
        guard let record = try upload(id) else { throw BlobError(message: "lần nộp vừa ghi không đọc lại được") }
        return record
    }

    /// One upload with its files.
    public func upload(_ id: Int64) throws -> UploadRecord? {
        try database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(UploadRecord.columns) FROM lan_nop WHERE id = ?", arguments: [id]) else {
                return nil
            }
            return UploadRecord(row: row, files: try files(db, upload: id))
        }
    }

    /// A unit's uploads, newest first.
    public func uploads(unit: String) throws -> [UploadRecord] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(UploadRecord.columns) FROM lan_nop WHERE don_vi = ? ORDER BY id DESC", arguments: [unit])
                .map { row in
                    UploadRecord(row: row, files: try files(db, upload: row[0]))
                }
        }
    }

    /// The latest upload of each unit (valid ones only with `validOnly`), by unit id.
    public func latestUploads(validOnly: Bool) throws -> [String: UploadRecord] {
        try database.pool.read { db in
            let condition = validOnly ? "WHERE hop_le = 1" : ""
            let latest = "SELECT MAX(id) FROM lan_nop \(condition) GROUP BY don_vi"
            let files = try Self.files(db, where: "lan_nop_id IN (\(latest))")
            var result: [String: UploadRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(UploadRecord.columns) FROM lan_nop WHERE id IN (\(latest))") {
                let record = UploadRecord(row: row, files: files[row[0]] ?? [])
                result[record.unit] = record
            }
            return result
        }
    }

    /// The files of the uploads `condition` selects, by upload, in one statement rather than one
    /// per upload (10,000 statements for the board of 10,000 units).
    static func files(_ db: Database, where condition: String, arguments: StatementArguments = []) throws -> [Int64: [UploadFile]] {
        var files: [Int64: [UploadFile]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT lan_nop_id, ten, sha256, kich_thuoc FROM tep_nop WHERE \(condition) ORDER BY lan_nop_id, thu_tu",
            arguments: arguments)
        {
            files[row[0], default: []].append(UploadFile(name: row[1], sha256: row[2], size: row[3]))
        }
        return files
    }

    private func files(_ db: Database, upload: Int64) throws -> [UploadFile] {
        try Row.fetchAll(db, sql: "SELECT * FROM tep_nop WHERE lan_nop_id = ? ORDER BY thu_tu", arguments: [upload]).map {
            UploadFile(name: $0["ten"], sha256: $0["sha256"], size: $0["kich_thuoc"])
        }
    }

    /// Every event, oldest first, grouped by unit.
    public func events() throws -> [String: [SubmissionEvent]] { try snapshot().events }

    /// Each unit's latest upload (without its diagnostics) and events, from one read.
    public func snapshot() throws -> SubmissionIndex.Snapshot { try index.current(database) }

    /// A unit's events, oldest first.
    public func events(unit: String) throws -> [SubmissionEvent] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(SubmissionEvent.columns) FROM su_kien WHERE don_vi = ? ORDER BY id", arguments: [unit]).map(
                SubmissionEvent.init)
        }
    }

    /// Appends an event and its audit line, in one transaction with `check`, which sees the
    /// unit's events as they are at that moment (oldest first) and throws to refuse: two requests
    /// racing cannot both pass a check made on a state the other one changes.
    func addEvent(
        _ kind: SubmissionEvent.Kind, unit: String, upload: Int64, note: String, day: SimpleDate, account: String, address: String,
        check: ([SubmissionEvent]) throws -> Void
    ) throws {
        try database.pool.write { db in
            let events = try Row.fetchAll(
                db, sql: "SELECT \(SubmissionEvent.columns) FROM su_kien WHERE don_vi = ? ORDER BY id", arguments: [unit]
            )
            .map(SubmissionEvent.init)
            try check(events)
            try db.execute(
                sql: "INSERT INTO su_kien (don_vi, lan_nop_id, loai, ghi_chu, thoi_gian, ngay, tai_khoan) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [unit, upload, kind.rawValue, note, Clock.timestamp(), day.iso, account])
            try WebDatabase.audit(db, account: account, address: address, action: kind.rawValue, object: "lan-nop/\(upload)")
        }
    }
}
