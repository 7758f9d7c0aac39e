import ArgumentParser
import Foundation
import TongketKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Đọc tệp Word (.nhap.docx) và biểu Excel (.bieu.xlsx) đơn vị đã điền, ghi thành tệp báo cáo YAML tương ứng.",
        discussion:
            "Hai tệp của cùng một đơn vị được ghép theo mã đơn vị ghi bên trong, không theo tên tệp. Tệp YAML đã có không bị ghi đè trừ khi thêm --force. "
            + "Mã thoát: 0 đã ghi; 1 biểu mẫu có lỗi (không ghi tệp của đơn vị đó); 2 đề cương có lỗi; 3 không ghi được tệp.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @Flag(help: "Coi cảnh báo là lỗi.") var strict = false
    @Flag(help: "Ghi đè tệp YAML đã có.") var force = false
    @Option(name: .short, help: ArgumentHelp("Thư mục ghi tệp YAML (mặc định: thư mục hiện tại).", valueName: "thư-mục"))
    var output: String = "."
    @Argument(help: ArgumentHelp("Các tệp .docx và .xlsx, hoặc thư mục chứa chúng.", valueName: "tệp"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty {
            throw ValidationError("cần ít nhất một tệp Word hoặc Excel của đơn vị (như so-tu-phap.nhap.docx so-tu-phap.bieu.xlsx)")
        }
    }

    func run() throws {
        let here = try workspace.enter()
        let loaded = try outline.load(in: here)
        var invalid = false
        var unwritten = false
        let outcomes = FormImport.run(files, outline: loaded, to: URL(fileURLWithPath: output), strict: strict, force: force)
        if outcomes.isEmpty {
            Console.error("tongket: lỗi: không có tệp .docx hay .xlsx nào trong \(files.joined(separator: ", "))")
            throw Exit.invalidInput
        }
        for outcome in outcomes {
            for diagnostic in outcome.diagnostics { Console.error(diagnostic.description) }
            switch outcome.written {
            case .success(let url): Console.error("đã ghi \(url.relativePathForDisplay(output))")
            case .failure(let error):
                Console.error(error.description)
                unwritten = true
            case nil:
                Console.error("\(outcome.files.joined(separator: " + ")): không ghi tệp YAML vì biểu mẫu có lỗi")
                invalid = true
            }
        }
        if invalid { throw Exit.invalidInput }
        if unwritten { throw Exit.outputFailed }
    }
}
