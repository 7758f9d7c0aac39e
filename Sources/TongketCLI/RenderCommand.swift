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

    @OptionGroup var outline: OutlineOptions
    @OptionGroup var templates: TemplateOptions
    @OptionGroup var output: RenderOutputOptions
    @Flag(help: "Coi cảnh báo là lỗi.") var strict = false
    @Flag(help: "Bản hoàn thiện: không ghi dấu \"DỰ THẢO LẦN N\" dù báo cáo đã có phiên bản ghi bằng 'tongket review'.")
    var final = false
    @Argument(help: ArgumentHelp("Các tệp báo cáo (.yaml), hoặc thư mục chứa chúng.", valueName: "tệp")) var files: [String]

    func validate() throws { try output.check() }

    func run() throws {
        let loaded = try outline.load()
        let renderer = try templates.renderer(for: loaded)
        var failed = false
        var documents: [RenderedDocument] = []
        for path in SubmissionFiles.expand(files, keepingEmptyFolders: true) {
            let result = SubmissionLoader.load(contentsOf: URL(fileURLWithPath: path), shownName: path, outline: loaded)
            for diagnostic in result.diagnostics { Console.error(diagnostic.description) }
            guard result.isValid(strict: strict), let submission = result.submission else {
                Console.error("\(path): không dựng báo cáo vì tệp có lỗi")
                failed = true
                continue
            }
            do {
                // A report under review (it has recorded versions) carries the round it will be.
                let mark = { (name: String) in
                    VersionStore(directory: output.directory, report: name).draftMark(final: final, alwaysDraft: false)
                }
                documents.append(try renderer.unitReport(submission, formats: output.formats, draftMark: mark(submission.unitID)))
                if let thematic = try renderer.thematicReport(
                    submission, formats: output.formats, draftMark: mark(submission.unitID + ".chuyen-de"))
                {
                    documents.append(thematic)
                }
            } catch {
                Console.error(error.description)
                throw Exit.invalidTemplates
            }
        }
        try output.emit(documents)
        if failed { throw Exit.invalidInput }
    }
}

/// `--templates DIR`, shared by every command that renders.
struct TemplateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Thư mục mẫu Mustache (mặc định: templates/ đi kèm tongket).", valueName: "thư-mục"))
    var templates: String?

    func url() throws -> URL {
        try locate(templates, bundled: "templates", option: "--templates", what: "thư mục mẫu", exit: Exit.invalidTemplates)
    }

    func renderer(for outline: Outline) throws -> ReportRenderer {
        let url = try url()
        do {
            return ReportRenderer(outline: outline, templates: try TemplateSet.load(from: url))
        } catch {
            Console.error(error.description)
            throw Exit.invalidTemplates
        }
    }
}

/// `-o`, `--format`, `--force`: shared by every command that writes reports.
struct RenderOutputOptions: ParsableArguments {
    @Option(
        name: .short, help: ArgumentHelp("Thư mục kết quả, hoặc - để in ra màn hình (mặc định: thư mục hiện tại).", valueName: "thư-mục"))
    var output: String = "."
    @Option(help: ArgumentHelp("Định dạng, cách nhau bởi dấu phẩy: md, html, docx (mặc định: md,html,docx).", valueName: "định-dạng"))
    var format: String = "md,html,docx"
    @Flag(help: "Ghi đè tệp kết quả đã có kể cả khi không do tongket tạo ra.") var force = false

    var formats: [DocumentFormat] { FormatOption.formats(format) }

    /// The folder outputs go to, and where a report's versions are looked for; "." with `-o -`.
    var directory: URL { URL(fileURLWithPath: output == "-" ? "." : output) }

    func check() throws {
        switch try FormatOption.checked(format) {
        case let list where output == "-" && list.count != 1:
            throw ValidationError("khi in ra màn hình (-o -) chỉ chọn một định dạng, ví dụ --format md")
        case let list where output == "-" && list == [.docx] && isatty(1) == 1:
            throw ValidationError("tệp Word không in ra màn hình được; chuyển hướng vào một tệp (> bao-cao.docx) hoặc dùng -o thư-mục")
        default: break
        }
    }

    /// Prints (with `-o -`) or writes every document in every chosen format.
    func emit(_ documents: [RenderedDocument]) throws {
        if output == "-" {
            for document in documents { FileHandle.standardOutput.write(formats[0].data(of: document)) }
            return
        }
        do {
            let written = try DocumentWriter.write(documents, formats: formats, to: URL(fileURLWithPath: output), force: force)
            for url in written { Console.error("đã ghi \(url.relativePathForDisplay(output))") }
        } catch {
            Console.error(error.description)
            throw Exit.outputFailed
        }
    }
}

/// `--format md,html,docx`, read the same way by every command that takes it.
enum FormatOption {
    static func formats(_ text: String) -> [DocumentFormat] {
        (try? DocumentFormat.parseList(text).get()) ?? DocumentFormat.allCases
    }

    /// The formats named, or the usage error naming the unknown one.
    static func checked(_ text: String) throws -> [DocumentFormat] {
        switch DocumentFormat.parseList(text) {
        case .failure(let error): throw ValidationError("định dạng '\(error.word)' không có; dùng md, html, docx")
        case .success(let list): return list
        }
    }
}
