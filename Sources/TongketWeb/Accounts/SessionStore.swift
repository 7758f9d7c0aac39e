import Foundation
import GRDB

/// Sessions in the database: a random 256-bit id in the user's cookie, only its SHA-256 stored,
/// with the session's CSRF token.
public struct SessionStore: Sendable {
    /// How long a session lasts without signing in again.
    public static let lifetime: TimeInterval = 8 * 3600

    let database: WebDatabase

    /// A new session for `account`: the id for the cookie.
    public func create(for account: Account) throws -> String {
        try database.pool.write { db in try Self.insert(db, accountID: account.id) }
    }

    /// Inserts a new session of `accountID` inside the caller's transaction; the id for the cookie.
    static func insert(_ db: Database, accountID: Int64) throws -> String {
        let id = Secret.token()
        try db.execute(sql: "DELETE FROM phien WHERE het_han < ?", arguments: [Date().timeIntervalSince1970])
        try db.execute(
            sql: "INSERT INTO phien (id_bam, tai_khoan_id, csrf, het_han) VALUES (?, ?, ?, ?)",
            arguments: [Secret.digest(id), accountID, Secret.token(), Date().timeIntervalSince1970 + lifetime])
        return id
    }

    /// The account and CSRF token of a live session.
    public func find(_ id: String) throws -> (account: Account, csrf: String)? {
        try database.pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT tai_khoan.*, phien.csrf AS csrf FROM phien JOIN tai_khoan ON tai_khoan.id = phien.tai_khoan_id
                        WHERE phien.id_bam = ? AND phien.het_han > ?
                        """, arguments: [Secret.digest(id), Date().timeIntervalSince1970])
            else { return nil }
            return (Account(row: row), row["csrf"])
        }
    }

    /// Ends a session.
    public func delete(_ id: String) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM phien WHERE id_bam = ?", arguments: [Secret.digest(id)])
        }
    }
}
