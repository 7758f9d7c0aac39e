import Foundation
import GRDB

/// Failed sign-ins counted per login and per address over a sliding window: past the limit,
/// further attempts are refused (429) without checking the password.
public struct LoginThrottle: Sendable {
    /// Failures allowed in the window.
    public static let limit = 5
    /// The window, 15 minutes.
    public static let window: TimeInterval = 15 * 60

    let database: WebDatabase

    /// Counts an attempt before its password is checked, in one write transaction with the
    /// count that decides: parallel attempts each see the ones before them, so they cannot all
    /// pass the limit together. Nil when blocked; otherwise the attempt, to forget on success.
    public func begin(login: String, address: String) throws -> Int64? {
        let now = Date().timeIntervalSince1970
        return try database.pool.write { db -> Int64? in
            try db.execute(sql: "DELETE FROM dang_nhap_loi WHERE thoi_diem < ?", arguments: [now - Self.window])
            let since = now - Self.window
            let byLogin =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM dang_nhap_loi WHERE ten_dang_nhap = ? AND thoi_diem > ?", arguments: [login, since]) ?? 0
            let byAddress =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM dang_nhap_loi WHERE dia_chi = ? AND thoi_diem > ?", arguments: [address, since]) ?? 0
            if byLogin >= Self.limit || byAddress >= Self.limit { return nil }
            try db.execute(
                sql: "INSERT INTO dang_nhap_loi (thoi_diem, ten_dang_nhap, dia_chi) VALUES (?, ?, ?)", arguments: [now, login, address])
            return db.lastInsertedRowID
        }
    }

    /// The attempt succeeded: it is not a failure.
    public func succeeded(_ attempt: Int64) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM dang_nhap_loi WHERE rowid = ?", arguments: [attempt])
        }
    }

    /// The attempt failed: it stays counted; the audit line.
    public func failed(login: String, address: String) throws {
        try database.pool.write { db in
            try WebDatabase.audit(db, account: login, address: address, action: "dang-nhap-sai", object: login)
        }
    }
}
