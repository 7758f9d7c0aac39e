import Foundation
import GRDB

/// The application's SQLite file, `DIR/tongket.sqlite`: WAL journal, `synchronous=FULL` (a
/// committed upload survives a power cut), versioned migrations applied at every open.
public struct WebDatabase: Sendable {
    /// The file's name inside the data folder.
    public static let fileName = "tongket.sqlite"

    /// The connection pool: one writer, concurrent readers.
    public let pool: DatabasePool

    /// Opens (creating when absent) the database of the data folder and migrates it.
    public init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: folder.appendingPathComponent(Self.fileName).path, configuration: configuration)
        try Migrations.migrator.migrate(pool)
        // GRDB opens a WAL writer with synchronous=NORMAL; FULL makes every commit durable
        // before the response that reports it. Readers never write, so the writer is enough.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    }

    /// A consistent copy of the database into `target` through SQLite's online backup, safe while
    /// the server writes.
    public func backup(to target: URL) throws {
        let copy = try DatabaseQueue(path: target.path)
        try pool.backup(to: copy)
    }

    /// Appends one line to the audit table.
    public static func audit(_ db: Database, account: String?, address: String?, action: String, object: String) throws {
        try db.execute(
            sql: "INSERT INTO nhat_ky (thoi_gian, tai_khoan, dia_chi, hanh_dong, doi_tuong) VALUES (?, ?, ?, ?, ?)",
            arguments: [Clock.timestamp(), account, address, action, object])
    }
}
