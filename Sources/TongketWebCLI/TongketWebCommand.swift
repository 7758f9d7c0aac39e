import ArgumentParser

@main
struct TongketWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongket-web",
        abstract: "Ứng dụng web của tongket: đơn vị nộp báo cáo, Sở Nội vụ theo dõi, trả lại, chấp nhận và lập dự thảo tổng hợp.",
        subcommands: [ServeCommand.self, AccountsCommand.self, BackupCommand.self])
}
