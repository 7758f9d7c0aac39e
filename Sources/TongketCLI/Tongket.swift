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
            5 không làm được PDF (không có Chromium hay LibreOffice, hoặc nó chạy lỗi); 64 dùng lệnh sai.

            Dữ liệu đi kèm (đề cương outline/, mẫu templates/, ví dụ examples/) được tìm theo thứ tự: \
            --outline và --templates; thư mục trong biến môi trường TONGKET_DATA; PREFIX/share/tongket \
            khi chương trình ở PREFIX/bin (cài bằng scripts/install hay gói .deb); thư mục mã nguồn. \
            tongket --version in thư mục đang dùng.
            """,
        version: VersionText.current,
        subcommands: [
            OutlineCommand.self, SkeletonCommand.self, ValidateCommand.self, RenderCommand.self, ConsolidateCommand.self,
            StatusCommand.self, ReviewCommand.self, VersionsCommand.self, DiffCommand.self, CommentsCommand.self,
            SchemaCommand.self, GenerateCommand.self,
        ]
    )
}
