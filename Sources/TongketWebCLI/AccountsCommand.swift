import ArgumentParser
import Foundation
import TongketWeb

struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Tạo tài khoản cho các đơn vị chưa có (mỗi đơn vị của đề cương một tài khoản, tên đăng nhập là mã đơn vị).",
        discussion: """
            Tệp CSV chỉ gồm các tài khoản vừa tạo, với mật khẩu ban đầu và mã API; tài khoản đã có không bao giờ được xuất lại. \
            Tệp đã có không bị ghi đè. Người dùng phải đổi mật khẩu ban đầu ở lần đăng nhập đầu tiên.
            """)

    @OptionGroup var options: ServerOptions
    @Option(help: ArgumentHelp("Tệp CSV ghi tài khoản vừa tạo (không được là tệp đã có).", valueName: "tệp.csv")) var export: String
    @Option(name: .customLong("bcrypt-cost"), help: ArgumentHelp("Độ khó bcrypt (10–16; mặc định 12).", valueName: "số"))
    var bcryptCost = 12

    func validate() throws {
        if !(10...16).contains(bcryptCost) { throw ValidationError("--bcrypt-cost phải từ 10 đến 16") }
    }

    func run() async throws {
        var settings = try options.settings()
        settings.bcryptCost = UInt8(bcryptCost)
        let target = URL(fileURLWithPath: export)
        if FileManager.default.fileExists(atPath: target.path) {
            FileHandle.standardError.write(Data("tongket-web: lỗi: \(export) đã có; không ghi đè, hãy chọn tên tệp khác\n".utf8))
            throw ExitCode(1)
        }
        let database = try WebDatabase(folder: settings.dataFolder)
        let store = AccountStore(database: database, cost: settings.bcryptCost)
        let created = try store.createMissingUnitAccounts(settings.outline.units)
        try AccountExport.write(created, to: target)
        let existing = settings.outline.units.count - created.count
        var message = "đã tạo \(created.count) tài khoản, ghi vào \(export)"
        if existing > 0 { message += "; \(existing) đơn vị đã có tài khoản từ trước nên không xuất lại" }
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
