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

    /// The store over `database` hashing with bcrypt `cost`.
    public init(database: WebDatabase, cost: UInt8) {
        self.database = database
        self.cost = cost
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
    public func createMissingUnitAccounts(_ units: [ReportingUnit]) throws -> [NewAccount] {
        let existing = try database.pool.read { db in Set(try String.fetchAll(db, sql: "SELECT ten_dang_nhap FROM tai_khoan")) }
        var created: [NewAccount] = []
        for unit in units where !existing.contains(unit.id) {
            let password = Secret.password()
            let token = Secret.token()
            let hash = Bcrypt.hash(password, cost: cost)
            try database.pool.write { db in
                try insert(db, login: unit.id, role: .unit, unit: unit.id, hash: hash, token: token)
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
            _ = Bcrypt.verify(password, hash: Bcrypt.hash("khong-co-tai-khoan", cost: cost))
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

    /// Replaces the password after checking the current one; a Vietnamese refusal otherwise.
    public func changePassword(_ account: Account, current: String, new: String, repeated: String) throws -> String? {
        if new != repeated { return "Mật khẩu mới và mật khẩu nhập lại không giống nhau." }
        if new.count < Self.minimumPasswordLength { return "Mật khẩu mới phải có ít nhất \(Self.minimumPasswordLength) ký tự." }
        if new == current { return "Mật khẩu mới phải khác mật khẩu cũ." }
        guard try authenticate(login: account.login, password: current) != nil else { return "Mật khẩu cũ không đúng." }
        let hash = Bcrypt.hash(new, cost: cost)
        try database.pool.write { db in
            try db.execute(
                sql: "UPDATE tai_khoan SET mat_khau_bam = ?, phai_doi_mat_khau = 0 WHERE id = ?", arguments: [hash, account.id])
        }
        return nil
    }
}
