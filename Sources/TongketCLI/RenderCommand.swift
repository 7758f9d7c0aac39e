import ArgumentParser
import Foundation
import TongketKit

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract:
            "Dựng báo cáo của đơn vị (và báo cáo chuyên đề nếu có) thành Markdown, HTML và Word (DOCX) theo thể thức Nghị định 30/2020.",
        discussion: """
            Bản báo cáo có lỗi không được dựng (mã thoát 1). Tệp kết quả được ghi vào tệp tạm rồi đổi tên; \
            tệp không do tongket tạo ra không bị ghi đè nếu không có --force.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @OptionGroup var templates: TemplateOptions
    @OptionGroup var output: RenderOutputOptions
    @Flag(help: "Coi cảnh báo là lỗi.") var strict = false
    @Flag(help: "Bản hoàn thiện: không ghi dấu \"DỰ THẢO LẦN N\" dù báo cáo đã có phiên bản ghi bằng 'tongket review'.")
    var final = false
    @Argument(
        help: ArgumentHelp(
            "Các tệp báo cáo (.yaml), hoặc thư mục chứa chúng (mặc định: thư mục báo cáo của thư mục làm việc).", valueName: "tệp"))
    var files: [String] = []

    func validate() throws { try output.check() }

    mutating func run() throws {
        let here = try workspace.enter()
        output.adopt(here)
        // The submissions are read as soon as the outline is, while the templates are read on the
        // other core; their problems are still printed after the outline's and the templates'.
        let inputs = SubmissionInputs.given(files, in: here)
        let read = Slots<[SubmissionSources.Entry]>(count: 1)
        let (loaded, renderer) = try output.outlineAndRenderer(outline, templates, in: here) { outline in
            if let inputs { read.set(0, SubmissionSources.load(inputs, outline: outline, keepingEmptyFolders: true)) }
        }
        let entries =
            try read.first ?? SubmissionSources.load(SubmissionInputs.resolve(files, in: here), outline: loaded, keepingEmptyFolders: true)
        var failed = false
        var documents: [RenderedDocument] = []
        for entry in entries {
            let path = entry.files.joined(separator: " + ")
            let result = entry.loaded
            for diagnostic in result.diagnostics { Console.error(diagnostic.description) }
            guard result.isValid(strict: strict), let submission = result.submission else {
                Console.error("\(path): không dựng báo cáo vì tệp có lỗi")
                failed = true
                continue
            }
            if submission.isDraftingText {
                Console.error(
                    "\(path): văn bản tổng hợp của cơ quan soạn thảo, không phải báo cáo của đơn vị; được dùng khi chạy 'tongket consolidate'"
                )
                continue
            }
            do {
                documents += try renderer.unitReports(submission, formats: output.formats, final: final, versionsIn: output.directory)
            } catch {
                Console.error(error.description)
                throw Exit.code(for: error)
            }
        }
        try output.emit(documents)
        if failed { throw Exit.invalidInput }
    }
}
