import ArgumentParser
import Foundation
import TongketWeb

/// `--data`, `--outline`, `--templates`, `--as-of`: shared by every subcommand.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Thư mục dữ liệu của máy chủ (cơ sở dữ liệu tongket.sqlite, tệp tải lên tep/).", valueName: "thư-mục"))
    var data: String
    @Option(help: ArgumentHelp("Đề cương: mã một đề cương đi kèm (như cchc-2011-2020) hoặc một thư mục.", valueName: "thư-mục|mã"))
    var outline: String?
    @Option(help: ArgumentHelp("Thư mục mẫu (mặc định: templates/ đi kèm tongket; trang web ở templates/web/).", valueName: "thư-mục"))
    var templates: String?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Coi hôm nay là ngày này (ngày/tháng/năm), để tính muộn hạn; mặc định: ngày thật.", valueName: "ngày"))
    var asOf: String?

    /// The settings, or exit 2 after printing why not.
    func settings() throws -> WebSettings {
        do {
            return try WebSettings.resolve(data: data, outline: outline, templates: templates, asOf: asOf)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
