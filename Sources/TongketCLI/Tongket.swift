import ArgumentParser

/// The `tongket` command: a thin layer that parses arguments, calls TongketKit and chooses the exit code.
@main
struct Tongket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongket",
        abstract: "Lập báo cáo tổng kết theo đề cương: mẫu báo cáo cho đơn vị, kiểm tra, tổng hợp.",
        discussion: """
            Mã thoát: 0 thành công; 1 bản báo cáo có lỗi (hoặc có cảnh báo khi dùng --strict); \
            2 thư mục đề cương có lỗi; 3 không ghi được tệp kết quả; 4 mẫu (templates/) có lỗi; \
            5 không làm được PDF (không có Chromium hay LibreOffice, hoặc nó chạy lỗi); 64 dùng lệnh sai (kể cả \
            thiếu đề cương hay thư mục báo cáo ở ngoài thư mục làm việc, hoặc tongket.yaml có lỗi).

            Thư mục làm việc: 'tongket init THƯ_MỤC --outline MÃ' tạo tongket.yaml; mọi lệnh chạy trong thư mục đó \
            (hoặc 'tongket -C THƯ_MỤC lệnh …') lấy đề cương, báo cáo, góp ý, nơi ghi kết quả từ đó. Ngoài thư mục \
            làm việc phải ghi rõ đề cương (--outline) và báo cáo; ví dụ đi kèm chỉ được đọc khi ghi rõ.

            Dữ liệu đi kèm (đề cương outline/, mẫu templates/, ví dụ examples/) được tìm theo thứ tự: \
            --outline và --templates; thư mục trong biến môi trường TONGKET_DATA; PREFIX/share/tongket \
            khi chương trình ở PREFIX/bin (cài bằng scripts/install hay gói .deb); thư mục mã nguồn. \
            tongket --version in thư mục đang dùng.
            """,
        version: VersionText.current,
        subcommands: [
            InitCommand.self, OutlineCommand.self, SkeletonCommand.self, ValidateCommand.self, RenderCommand.self, ConsolidateCommand.self,
            StatusCommand.self, ReviewCommand.self, VersionsCommand.self, DiffCommand.self, CommentsCommand.self,
            SchemaCommand.self, GenerateCommand.self, ImportCommand.self,
        ]
    )

    /// `tongket -C DIR command …`, as git and make take it: the folder is entered before the
    /// command is parsed, so that every path after it is read from there. (`-C` after the
    /// command name is each command's own option.)
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        while arguments.count >= 2, arguments[0] == "-C" {
            do {
                try WorkspaceOptions.change(to: arguments[1])
            } catch {
                Self.exit(withError: error)
            }
            arguments.removeFirst(2)
        }
        main(arguments)
    }
}
