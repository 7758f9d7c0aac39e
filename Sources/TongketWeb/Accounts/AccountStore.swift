import Foundation
import GRDB
import HummingbirdBcrypt
import TongketKit

/// Accounts in the database: bcrypt hashes of passwords and SHA-256 of API tokens only.
public struct AccountStore: Sendable {
    /// The administrator's login.
    public static let adminLogin = "quan-tri"
    /// The shortest password a user may choose.
    public static let minimumPasswordLength = 10

    let database: WebDatabase
    /// bcrypt's cost: at least 10 in production; tests may pass 4.
    let cost: UInt8
    /// A hash of a random password at `cost`, made once: an unknown login is checked against it,
    /// so that it costs one bcrypt check like a known login, not a hash and a check.
    let dummyHash: String

    /// The store over `database` hashing with bcrypt `cost`.
    public init(database: WebDatabase, cost: UInt8) {
        self.database = database
        self.cost = cost
        dummyHash = Bcrypt.hash(Secret.token(), cost: cost)
    }

    /// Creates Sở Nội vụ's administrator when there is none; its secrets when created now.
    public func createAdminIfMissing(name: String) throws -> NewAccount? {
        let password = Secret.password()
        let token = Secret.token()
        let hash = Bcrypt.hash(password, cost: cost)
        let created = try database.pool.write { db -> Bool in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM tai_khoan WHERE ten_dang_nhap = ?", arguments: [Self.adminLogin]) != nil {
                return false
            }
            try insert(db, login: Self.adminLogin, role: .admin, unit: nil, hash: hash, token: token)
            return true
        }
        return created ? NewAccount(login: Self.adminLogin, unit: nil, unitName: name, password: password, apiToken: token) : nil
    }

    /// Creates the account of each unit that has none; the accounts created now, in the outline's order.
    /// With `apiReady`, their API tokens work before the first sign-in (systems that only use the API).
    public func createMissingUnitAccounts(_ units: [ReportingUnit], apiReady: Bool = false) throws -> [NewAccount] {
        let existing = try database.pool.read { db in Set(try String.fetchAll(db, sql: "SELECT ten_dang_nhap FROM tai_khoan")) }
        var created: [NewAccount] = []
        for unit in units where !existing.contains(unit.id) {
            let password = Secret.password()
            let token = Secret.token()
            let hash = Bcrypt.hash(password, cost: cost)
            try database.pool.write { db in
                try insert(db, login: unit.id, role: .unit, unit: unit.id, hash: hash, token: token)
                if apiReady {
                    try db.execute(sql: "UPDATE tai_khoan SET api_truoc_dang_nhap = 1 WHERE ten_dang_nhap = ?", arguments: [unit.id])
                    try WebDatabase.audit(db, account: nil, address: nil, action: "api-truoc-dang-nhap", object: unit.id)
                }
            }
            created.append(NewAccount(login: unit.id, unit: unit.id, unitName: unit.name, password: password, apiToken: token))
        }
        return created
    }

    private func insert(_ db: Database, login: String, role: Account.Role, unit: String?, hash: String, token: String) throws {
        try db.execute(
            sql: """
                INSERT INTO tai_khoan (ten_dang_nhap, vai_tro, don_vi, mat_khau_bam, phai_doi_mat_khau, ma_api_bam, tao_luc)
                VALUES (?, ?, ?, ?, 1, ?, ?)
                """, arguments: [login, role.rawValue, unit, hash, Secret.digest(token), Clock.timestamp()])
        try WebDatabase.audit(db, account: nil, address: nil, action: "tao-tai-khoan", object: login)
    }

    /// The account whose password this is, or nil (the same answer for an unknown login).
    public func authenticate(login: String, password: String) throws -> Account? {
        let row = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM tai_khoan WHERE ten_dang_nhap = ?", arguments: [login])
        }
        guard let row, let hash: String = row["mat_khau_bam"] else {
            // Spend the same time as a real check, so that timing does not tell which logins exist.
            _ = Bcrypt.verify(password, hash: dummyHash)
            return nil
        }
        return Bcrypt.verify(password, hash: hash) ? Account(row: row) : nil
    }

    /// The account holding this API token.
    public func account(token: String) throws -> Account? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM tai_khoan WHERE ma_api_bam = ?", arguments: [Secret.digest(token)]).map(Account.init)
        }
    }

    /// Gives `login` a new API token, the old one no longer working; the new token (shown once),
    /// or nil when there is no such account.
    public func rotateToken(login: String, by actor: String? = nil, address: String? = nil) throws -> String? {
        let token = Secret.token()
        let changed = try database.pool.write { db -> Bool in
            try db.execute(sql: "UPDATE tai_khoan SET ma_api_bam = ? WHERE ten_dang_nhap = ?", arguments: [Secret.digest(token), login])
            guard db.changesCount > 0 else { return false }
            try WebDatabase.audit(db, account: actor, address: address, action: "cap-ma-api", object: login)
            return true
        }
        return changed ? token : nil
    }

    /// What a password change did.
    public enum PasswordChange: Sendable, Equatable {
        /// Refused, with the Vietnamese reason; nothing changed.
        case refused(String)
        /// Changed; every session of the account ended, and `session` is the new one that replaces them.
        case changed(session: String)
    }

    /// Replaces the password after checking the current one. In the same transaction every
    /// session of the account ends (a stolen cookie dies with the old password), a new session
    /// is opened for the caller, and the audit line is written.
    public func changePassword(_ account: Account, current: String, new: String, repeated: String, address: String? = nil) throws
        -> PasswordChange
    {
        if new != repeated { return .refused("Mật khẩu mới và mật khẩu nhập lại không giống nhau.") }
        if new.count < Self.minimumPasswordLength {
            return .refused("Mật khẩu mới phải có ít nhất \(Self.minimumPasswordLength) ký tự.")
        }
        if new == current { return .refused("Mật khẩu mới phải khác mật khẩu cũ.") }
        guard try authenticate(login: account.login, password: current) != nil else { return .refused("Mật khẩu cũ không đúng.") }
        let hash = Bcrypt.hash(new, cost: cost)
        let session = try database.pool.write { db -> String in
            try db.execute(
                sql: "UPDATE tai_khoan SET mat_khau_bam = ?, phai_doi_mat_khau = 0 WHERE id = ?", arguments: [hash, account.id])
            try db.execute(sql: "DELETE FROM phien WHERE tai_khoan_id = ?", arguments: [account.id])
            let session = try SessionStore.insert(db, accountID: account.id)
            try WebDatabase.audit(db, account: account.login, address: address, action: "doi-mat-khau", object: account.login)
            return session
        }
        return .changed(session: session)
    }
}
