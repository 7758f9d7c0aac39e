import GRDB

/// A signed-in user: Sở Nội vụ's administrator, or one unit's account.
public struct Account: Sendable, Equatable {
    /// What an account may do.
    public enum Role: String, Sendable {
        /// Sở Nội vụ: sees every unit, returns and accepts, makes the draft.
        case admin = "quan-tri"
        /// One unit: its own page, uploads and report only.
        case unit = "don-vi"
    }

    public var id: Int64
    public var login: String
    public var role: Role
    /// The unit's id, for a unit account.
    public var unit: String?
    /// True until the initial password has been changed.
    public var mustChangePassword: Bool
    /// Whether the API token works before the initial password is changed (`accounts --api-ready`).
    public var apiReady: Bool

    /// Whether the account may read `unit`'s pages.
    public func mayRead(unit id: String) -> Bool { role == .admin || unit == id }

    init(row: Row) {
        id = row["id"]
        login = row["ten_dang_nhap"]
        role = Role(rawValue: row["vai_tro"] ?? "") ?? .unit
        unit = row["don_vi"]
        mustChangePassword = (row["phai_doi_mat_khau"] as Int? ?? 1) != 0
        apiReady = (row["api_truoc_dang_nhap"] as Int? ?? 0) != 0
    }
}
