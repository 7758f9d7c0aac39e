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

    /// Whether this login or this address has failed too often lately.
    public func isBlocked(login: String, address: String) throws -> Bool {
        let since = Date().timeIntervalSince1970 - Self.window
        return try database.pool.read { db in
            let byLogin =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM dang_nhap_loi WHERE ten_dang_nhap = ? AND thoi_diem > ?", arguments: [login, since]) ?? 0
            let byAddress =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM dang_nhap_loi WHERE dia_chi = ? AND thoi_diem > ?", arguments: [address, since]) ?? 0
            return byLogin >= Self.limit || byAddress >= Self.limit
        }
    }

    /// Counts one failure, and forgets those older than the window.
    public func recordFailure(login: String, address: String) throws {
        let now = Date().timeIntervalSince1970
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM dang_nhap_loi WHERE thoi_diem < ?", arguments: [now - Self.window])
            try db.execute(
                sql: "INSERT INTO dang_nhap_loi (thoi_diem, ten_dang_nhap, dia_chi) VALUES (?, ?, ?)", arguments: [now, login, address])
            try WebDatabase.audit(db, account: login, address: address, action: "dang-nhap-sai", object: login)
        }
    }
}
