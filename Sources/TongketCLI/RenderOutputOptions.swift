import ArgumentParser
import Foundation
import TongketKit

/// `-o`, `--format`, `--force`, `--pdf-engine`: shared by every command that writes reports.
struct RenderOutputOptions: ParsableArguments {
    @Option(
        name: .short,
        help: ArgumentHelp(
            "Thư mục kết quả, hoặc - để in ra màn hình (mặc định: thư mục kết quả của thư mục làm việc, không thì thư mục hiện tại).",
            valueName: "thư-mục"))
    var output: String?
    @Option(help: ArgumentHelp(FormatOption.help, valueName: "định-dạng"))
    var format: String = "md,html,docx"
    @Flag(help: "Ghi đè tệp kết quả đã có kể cả khi không do tongket tạo ra.") var force = false
    @OptionGroup var pdf: PDFOptions

    var formats: [DocumentFormat] { FormatOption.formats(format) }

    /// The output folder as given, the working folder's, or "."; "-" for standard output.
    var folder: String { output ?? "." }

    /// Takes the working folder's output folder when `-o` was not given.
    mutating func adopt(_ workspace: Workspace?) {
        if output == nil, let workspace { output = WorkspaceOptions.displayPath(workspace.output) }
    }

    /// The folder outputs go to, and where a report's versions are looked for; "." with `-o -`.
    var directory: URL { URL(fileURLWithPath: folder == "-" ? "." : folder) }

    /// The named folder, or standard output with `-o -`.
    var destination: ReportDestination {
        folder == "-" ? .stream { FileHandle.standardOutput.write($0) } : .directory(URL(fileURLWithPath: folder))
    }

    func check() throws {
        switch try FormatOption.checked(format) {
        case let list where folder == "-" && list.count != 1:
            throw ValidationError("khi in ra màn hình (-o -) chỉ chọn một định dạng, ví dụ --format md")
        case let list where folder == "-" && list == [.docx] && isatty(1) == 1:
            throw ValidationError("tệp Word không in ra màn hình được; chuyển hướng vào một tệp (> bao-cao.docx) hoặc dùng -o thư-mục")
        case let list where folder == "-" && list == [.pdf] && isatty(1) == 1:
            throw ValidationError("tệp PDF không in ra màn hình được; chuyển hướng vào một tệp (> bao-cao.pdf) hoặc dùng -o thư-mục")
        default: break
        }
    }

    /// The renderer of `outline` from `templates`, with the PDF engine when PDF is asked for: a
    /// missing engine ends the run here, before anything is written.
    func renderer(_ templates: TemplateOptions, for outline: Outline, in workspace: Workspace?) throws -> ReportRenderer {
        let printer = try pdf.printer(for: formats)
        var renderer = try templates.renderer(for: outline, in: workspace)
        renderer.printer = printer
        return renderer
    }

    /// The outline and its renderer, read side by side (`TemplateOptions.outlineAndRenderer`),
    /// with the PDF engine as `renderer` gives it.
    func outlineAndRenderer(
        _ outline: OutlineOptions, _ templates: TemplateOptions, in workspace: Workspace?, meanwhile: @Sendable (Outline) -> Void = { _ in }
    ) throws -> (Outline, ReportRenderer) {
        var printer: PDFPrinter?
        var (loaded, renderer) = try templates.outlineAndRenderer(
            outline, in: workspace, between: { printer = try pdf.printer(for: formats) }, meanwhile: meanwhile)
        renderer.printer = printer
        return (loaded, renderer)
    }

    /// Prints (with `-o -`) or writes every document in every chosen format.
    func emit(_ documents: [RenderedDocument]) throws {
        do {
            let written = try DocumentWriter.write(documents, formats: formats, to: destination, force: force)
            for url in written { Console.error("đã ghi \(url.relativePathForDisplay(folder))") }
        } catch {
            Console.error(error.description)
            throw Exit.outputFailed
        }
    }
}
