import ArgumentParser
import Foundation
import TongketWeb

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sao lưu cơ sở dữ liệu đang chạy vào một tệp (sao lưu trực tuyến của SQLite, nhất quán kể cả khi máy chủ đang ghi).",
        discussion: """
            TỆP chỉ là cơ sở dữ liệu. Các tệp tải lên nằm trong THƯ_MỤC/tep/, đặt tên theo SHA-256 của nội dung và không \
            bao giờ bị sửa: sao chép thư mục đó sau khi sao lưu (ví dụ rsync -a THƯ_MỤC/tep/ nơi-lưu/tep/) là đủ, mọi tệp \
            cơ sở dữ liệu nhắc đến đều đã có ở đó trước khi dòng của nó được ghi.
            """)

    @Option(help: ArgumentHelp("Thư mục dữ liệu của máy chủ.", valueName: "thư-mục")) var data: String
    @Argument(help: ArgumentHelp("Tệp sao lưu (chưa có).", valueName: "tệp")) var file: String

    func run() async throws {
        let target = URL(fileURLWithPath: file)
        if FileManager.default.fileExists(atPath: target.path) {
            FileHandle.standardError.write(Data("tongket-web: lỗi: \(file) đã có; không ghi đè\n".utf8))
            throw ExitCode(1)
        }
        let database = try WebDatabase(folder: URL(fileURLWithPath: data))
        try database.backup(to: target)
        FileHandle.standardError.write(Data("đã sao lưu cơ sở dữ liệu vào \(file)\n".utf8))
    }
}
