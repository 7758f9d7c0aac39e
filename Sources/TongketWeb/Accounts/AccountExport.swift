import Foundation
import TongketKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The CSV of accounts just created, handed to the units once: written beside its target and
/// renamed, never over an existing file.
public enum AccountExport {
    /// The header line.
    public static let header = "ma_don_vi,ten_don_vi,ten_dang_nhap,mat_khau_ban_dau,api_token"

    /// The CSV text of `accounts`.
    public static func csv(_ accounts: [NewAccount]) -> String {
        var lines = [header]
        for account in accounts {
            lines.append(
                [account.unit ?? "", account.unitName, account.login, account.password, account.apiToken].map(Board.quoted).joined(
                    separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Writes `accounts` to `url`, refusing an existing file. The file holds passwords: it is
    /// readable by its owner only (0600) from its first byte — written to a 0600 temporary file
    /// beside it, synced, then linked to its name (which fails if the name exists).
    public static func write(_ accounts: [NewAccount], to url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path) {
            throw BlobError(message: "\(url.path) đã có; không ghi đè")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(Secret.token().prefix(8)).tam")
        try BlobStore.writeSynced(Data(csv(accounts).utf8), to: temporary, mode: 0o600)
        defer { unlink(temporary.path) }
        guard link(temporary.path, url.path) == 0 else {
            throw BlobError(message: "không ghi được \(url.path) (mã lỗi \(errno))")
        }
        try? BlobStore.syncFolder(url.deletingLastPathComponent())
    }
}
