import ArgumentParser
import Foundation
import TongketKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kiểm tra bản báo cáo của đơn vị: in mọi lỗi cùng lúc, dạng tệp:dòng:cột: lỗi: …",
        discussion: "Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo khi dùng --strict); 2 đề cương có lỗi.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @Flag(help: "Coi cảnh báo là lỗi.") var strict = false
    @Argument(
        help: ArgumentHelp(
            "Các tệp báo cáo (.yaml, hoặc tệp Word .docx và biểu Excel .xlsx của đơn vị), hoặc thư mục chứa chúng (mặc định: thư mục báo cáo của thư mục làm việc).",
            valueName: "tệp"))
    var files: [String] = []

    func run() throws {
        let here = try workspace.enter()
        let loaded = try outline.load(in: here)
        let entries = SubmissionSources.load(try SubmissionInputs.resolve(files, in: here), outline: loaded, keepingEmptyFolders: true)
        var errors = 0
        var warnings = 0
        for entry in entries {
            let path = entry.files.joined(separator: " + ")
            let result = entry.loaded
            for diagnostic in result.diagnostics {
                let shown =
                    strict && diagnostic.severity == .warning
                    ? Diagnostic(.error, diagnostic.kind, at: diagnostic.location, diagnostic.message) : diagnostic
                Console.error(shown.description)
                if shown.severity == .error { errors += 1 } else { warnings += 1 }
            }
            let fileErrors = result.diagnostics.filter { $0.severity == .error || strict }.count
            Console.out(fileErrors == 0 ? "\(path): hợp lệ\n" : "\(path): không hợp lệ\n")
        }
        Console.out("Đã kiểm tra \(entries.reduce(0) { $0 + $1.files.count }) tệp: \(errors) lỗi, \(warnings) cảnh báo.\n")
        if errors > 0 { throw Exit.invalidInput }
    }
}
