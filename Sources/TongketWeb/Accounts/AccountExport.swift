import Foundation
import TongketKit

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

    /// Writes `accounts` to `url`, refusing an existing file.
    public static func write(_ accounts: [NewAccount], to url: URL) throws {
        try OutputFile.write(Data(csv(accounts).utf8), to: url, overwrite: .never)
    }
}
