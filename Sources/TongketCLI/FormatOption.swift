import ArgumentParser
import TongketKit

/// `--format md,html,docx,pdf`, read the same way by every command that takes it.
enum FormatOption {
    /// The help of `--format`, the same for every command.
    static let help = "Định dạng, cách nhau bởi dấu phẩy: md, html, docx, pdf (mặc định: md,html,docx)."

    static func formats(_ text: String) -> [DocumentFormat] {
        (try? DocumentFormat.parseList(text).get()) ?? DocumentFormat.defaults
    }

    /// The formats named, or the usage error naming the unknown one.
    static func checked(_ text: String) throws -> [DocumentFormat] {
        switch DocumentFormat.parseList(text) {
        case .failure(let error): throw ValidationError("định dạng '\(error.word)' không có; dùng md, html, docx, pdf")
        case .success(let list): return list
        }
    }
}
