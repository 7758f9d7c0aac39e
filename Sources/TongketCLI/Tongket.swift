import ArgumentParser

/// The `tongket` command: a thin layer that parses arguments, calls TongketKit and chooses the exit code.
@main
struct Tongket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongket",
        abstract: "Lập báo cáo tổng kết theo đề cương: mẫu báo cáo cho đơn vị, kiểm tra, tổng hợp.",
        discussion: """
            Mã thoát: 0 thành công; 1 bản báo cáo có lỗi (hoặc có cảnh báo khi dùng --strict); \
            2 thư mục đề cương có lỗi; 3 không ghi được tệp kết quả; 4 mẫu (templates/) có lỗi; 64 dùng lệnh sai.
            """,
        version: "0.1.0",
        subcommands: [
            OutlineCommand.self, SkeletonCommand.self, ValidateCommand.self, RenderCommand.self, ConsolidateCommand.self,
            StatusCommand.self, ReviewCommand.self, VersionsCommand.self, DiffCommand.self, CommentsCommand.self,
            SchemaCommand.self, GenerateCommand.self,
        ]
    )
}
