import ArgumentParser
import Foundation
import Hummingbird
import TongketWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Chạy máy chủ web trên thư mục dữ liệu (tạo cơ sở dữ liệu và tài khoản quản trị ở lần chạy đầu).",
        discussion: """
            Lần chạy đầu in tên đăng nhập, mật khẩu dùng một lần và mã API của tài khoản quản trị (Sở Nội vụ) một lần duy nhất. \
            Sau một proxy TLS, ghi --public-url https://… để cookie có thuộc tính Secure; --trust-proxy để đọc địa chỉ \
            người dùng từ X-Forwarded-For (chỉ khi proxy luôn ghi đè tiêu đề này).
            """)

    @OptionGroup var options: ServerOptions
    @Option(help: ArgumentHelp("Địa chỉ lắng nghe.", valueName: "địa-chỉ")) var host = "127.0.0.1"
    @Option(help: ArgumentHelp("Cổng; 0 để chọn một cổng còn trống.", valueName: "cổng")) var port = 8080
    @Option(name: .customLong("public-url"), help: ArgumentHelp("Địa chỉ người dùng mở, như https://tongket.example.vn.", valueName: "url"))
    var publicURL: String?
    @Flag(name: .customLong("trust-proxy"), help: "Tin X-Forwarded-For của proxy phía trước.") var trustProxy = false
    @Option(name: .customLong("bcrypt-cost"), help: ArgumentHelp("Độ khó bcrypt (10–16; mặc định 12).", valueName: "số"))
    var bcryptCost = 12

    func validate() throws {
        if !(10...16).contains(bcryptCost) { throw ValidationError("--bcrypt-cost phải từ 10 đến 16") }
    }

    func run() async throws {
        var settings = try options.settings()
        settings.publicURL = publicURL
        settings.trustProxy = trustProxy
        settings.bcryptCost = UInt8(bcryptCost)
        let services = try WebServices(settings: settings)
        for line in try WebServer.firstStartLines(services) { Self.say(line) }
        let app = WebServer.application(services, host: host, port: port) { line in Self.say(line) }
        try await app.runService()
    }

    /// One line on standard output, flushed at once (scripts wait for it).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
