import ArgumentParser
import Foundation
import TongketWeb

struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Tạo tài khoản cho các đơn vị chưa có (mỗi đơn vị của đề cương một tài khoản, tên đăng nhập là mã đơn vị).",
        discussion: """
            Tệp CSV chỉ gồm các tài khoản vừa tạo, với mật khẩu ban đầu và mã API; tài khoản đã có không bao giờ được xuất lại. \
            Tệp đã có không bị ghi đè; tệp được tạo chỉ chủ sở hữu đọc được (0600). Người dùng phải đổi mật khẩu ban đầu ở lần \
            đăng nhập đầu tiên, và mã API chỉ dùng được sau đó — trừ khi tạo với --api-ready (cho hệ thống của đơn vị chỉ nộp \
            qua API). --new-token TÊN cấp mã API mới cho một tài khoản (mã cũ thôi dùng được) và in nó một lần.
            """)

    @OptionGroup var options: ServerOptions
    @Option(help: ArgumentHelp("Tệp CSV ghi tài khoản vừa tạo (không được là tệp đã có).", valueName: "tệp.csv")) var export: String?
    @Flag(
        name: .customLong("api-ready"),
        help: "Mã API của các tài khoản vừa tạo dùng được ngay, trước lần đăng nhập và đổi mật khẩu đầu tiên (hệ thống chỉ nộp qua API).")
    var apiReady = false
    @Option(
        name: .customLong("new-token"),
        help: ArgumentHelp("Cấp mã API mới cho tài khoản này (mã cũ thôi dùng được) và in mã mới một lần.", valueName: "tên-đăng-nhập"))
    var newToken: String?
    @Option(name: .customLong("bcrypt-cost"), help: ArgumentHelp("Độ khó bcrypt (10–16; mặc định 12).", valueName: "số"))
    var bcryptCost = 12

    func validate() throws {
        if !(10...16).contains(bcryptCost) { throw ValidationError("--bcrypt-cost phải từ 10 đến 16") }
        if (export == nil) == (newToken == nil) {
            throw ValidationError("hãy ghi đúng một trong hai: --export tệp.csv hoặc --new-token tên")
        }
        if apiReady && export == nil { throw ValidationError("--api-ready chỉ dùng cùng --export") }
    }

    func run() async throws {
        if let login = newToken {
            // Only the database is needed: no outline; never a new one.
            let folder = URL(fileURLWithPath: options.data)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(WebDatabase.fileName).path) else {
                FileHandle.standardError.write(
                    Data("tongket-web: lỗi: \(options.data) không có cơ sở dữ liệu \(WebDatabase.fileName)\n".utf8))
                throw ExitCode(1)
            }
            let database = try WebDatabase(folder: folder)
            let store = AccountStore(database: database, cost: UInt8(bcryptCost))
            guard let token = try store.rotateToken(login: login) else {
                FileHandle.standardError.write(Data("tongket-web: lỗi: không có tài khoản \(login)\n".utf8))
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(Data("Mã API mới của \(login): \(token)\n".utf8))
            FileHandle.standardError.write(Data("mã API cũ của \(login) đã thôi dùng được; mã mới chỉ in một lần này\n".utf8))
            return
        }
        guard let export else { throw ExitCode(2) }
        var settings = try options.settings()
        settings.bcryptCost = UInt8(bcryptCost)
        let target = URL(fileURLWithPath: export)
        if FileManager.default.fileExists(atPath: target.path) {
            FileHandle.standardError.write(Data("tongket-web: lỗi: \(export) đã có; không ghi đè, hãy chọn tên tệp khác\n".utf8))
            throw ExitCode(1)
        }
        let database = try WebDatabase(folder: settings.dataFolder)
        let store = AccountStore(database: database, cost: settings.bcryptCost)
        let created = try store.createMissingUnitAccounts(settings.outline.units, apiReady: apiReady)
        try AccountExport.write(created, to: target)
        let existing = settings.outline.units.count - created.count
        var message = "đã tạo \(created.count) tài khoản, ghi vào \(export)"
        if existing > 0 { message += "; \(existing) đơn vị đã có tài khoản từ trước nên không xuất lại" }
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
