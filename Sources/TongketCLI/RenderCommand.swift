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
        let made = reports(of: entries, renderer)
        var failed = false
        var documents: [RenderedDocument] = []
        for (index, entry) in entries.enumerated() {
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
            do throws(RenderError) {
                if let result = made[index] { documents += try result.get() } else { documents += try unitReports(submission, renderer) }
            } catch {
                Console.error(error.description)
                throw Exit.code(for: error)
            }
        }
        try output.emit(documents)
        if failed { throw Exit.invalidInput }
    }

    /// The submission of an entry whose report is made: checked without error (or warning, with
    /// `--strict`), and a unit's report rather than the drafting body's text.
    private func renderable(_ entry: SubmissionSources.Entry) -> Submission? {
        guard entry.loaded.isValid(strict: strict), let submission = entry.loaded.submission, !submission.isDraftingText else {
            return nil
        }
        return submission
    }

    private func unitReports(_ submission: Submission, _ renderer: ReportRenderer) throws(RenderError) -> [RenderedDocument] {
        try renderer.unitReports(submission, formats: output.formats, final: final, versionsIn: output.directory)
    }

    /// Every unit's reports of a folder made side by side, a unit on each core, by entry; what
    /// went wrong is printed later, in the entries' order, as when they were made in turn. A
    /// unit's report alone used about one core and a quarter. One entry, or PDF (a browser or
    /// LibreOffice run for each report), is made in the loop, one after another.
    private func reports(of entries: [SubmissionSources.Entry], _ renderer: ReportRenderer) -> [Result<[RenderedDocument], RenderError>?] {
        let units = entries.indices.compactMap { index in renderable(entries[index]).map { (index, $0) } }
        let made = Slots<Result<[RenderedDocument], RenderError>>(count: entries.count)
        guard units.count > 1, !output.formats.contains(.pdf) else { return made.all }
        let command = self
        DispatchQueue.concurrentPerform(iterations: units.count) { unit in
            let (index, submission) = units[unit]
            made.set(index, Result { () throws(RenderError) in try command.unitReports(submission, renderer) })
        }
        return made.all
    }
}
