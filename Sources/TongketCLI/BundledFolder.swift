import ArgumentParser
import Foundation
import TongketKit

/// The data folders that come with tongket (outline, templates, examples), found for commands
/// whose user named none, in `ResourceLocator`'s order.
enum BundledFolder {
    /// The folder the user named, or the bundled one; exits with `exit` when neither exists.
    static func locate(_ given: String?, bundled: String, option: String, what: String, exit: ExitCode) throws -> URL {
        if let given { return URL(fileURLWithPath: given) }
        guard let data = ResourceLocator.dataFolder() else {
            Console.error(
                "tongket: lỗi: không tìm thấy \(what) \(bundled): không có thư mục dữ liệu của tongket "
                    + "(cài bằng scripts/install hoặc đặt \(ResourceLocator.environmentVariable)); chỉ rõ bằng \(option)")
            throw exit
        }
        let url = data.appending(bundled)
        guard FileManager.default.fileExists(atPath: url.path) else {
            Console.error("tongket: lỗi: không tìm thấy \(what) \(bundled) trong thư mục dữ liệu \(data); chỉ rõ bằng \(option)")
            throw exit
        }
        return url
    }
}
