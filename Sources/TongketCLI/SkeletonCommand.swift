import ArgumentParser
import Foundation
import TongketKit

struct SkeletonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skeleton",
        abstract:
            "Tạo tệp báo cáo mẫu cho một đơn vị: các mục phải viết kèm hướng dẫn, bảng số liệu phụ lục để trống, và biểu Excel để điền số liệu.",
        discussion: "Tệp mẫu không bao giờ ghi đè lên tệp đã có (bản báo cáo đơn vị đang viết) trừ khi thêm --force.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @Option(help: ArgumentHelp("Mã đơn vị (xem 'tongket outline --units').", valueName: "mã")) var unit: String?
    @OptionGroup var templates: TemplateOptions
    @Flag(help: "Chỉ ghi tệp YAML, không dựng bản mẫu báo cáo (.md, .html, .docx) và biểu Excel (.bieu.xlsx).") var yamlOnly = false
    @Option(help: ArgumentHelp("Định dạng bản mẫu. " + FormatOption.help, valueName: "định-dạng"))
    var format: String = "md,html,docx"
    @OptionGroup var pdf: PDFOptions
    @Flag(help: "Tạo tệp mẫu cho mọi đơn vị trong danh mục.") var all = false
    @Option(
        name: .short,
        help: ArgumentHelp(
            "Thư mục kết quả, hoặc - để in tệp mẫu ra màn hình (mặc định: thư mục kết quả của thư mục làm việc, "
                + "không thì thư mục hiện tại).", valueName: "thư-mục"))
    var output: String?
    @Flag(help: "Ghi đè tệp đã có.") var force = false
    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "Chỉ ghi tệp Word (.nhap.docx) và biểu Excel (.bieu.xlsx), điền sẵn nội dung, số liệu và khen thưởng từ tệp YAML này (với --unit) hoặc từ mọi tệp YAML trong thư mục này (với --all), để chuyển từ YAML sang Word và Excel.",
            valueName: "tệp.yaml|thư-mục"))
    var from: String?

    func validate() throws {
        if all == (unit != nil) { throw ValidationError("cần đúng một trong hai: --unit MÃ hoặc --all") }
        if all && folder == "-" { throw ValidationError("--all cần một thư mục kết quả, không dùng -o -") }
        _ = try FormatOption.checked(format)
        if from != nil && (yamlOnly || folder == "-") {
            throw ValidationError("--from cần một thư mục kết quả, không dùng với --yaml-only hay -o -")
        }
    }

    var formats: [DocumentFormat] { FormatOption.formats(format) }

    /// The output folder as given, the working folder's, or ".".
    var folder: String { output ?? "." }

    mutating func run() throws {
        let here = try workspace.enter()
        if output == nil, let here { output = WorkspaceOptions.displayPath(here.output) }
        let loaded = try outline.load(in: here)
        let units: [ReportingUnit]
        do {
            units = try SkeletonFiles.units(unit, in: loaded)
        } catch {
            Console.error(error.description)
            throw Exit.invalidInput
        }
        if folder == "-", let only = units.first {
            Console.out(SkeletonWriter.yaml(for: only, outline: loaded))
            return
        }
        let directory = URL(fileURLWithPath: folder)
        if let from {
            let files: [URL]
            do {
                files = all ? try SkeletonFiles.submissions(in: URL(fileURLWithPath: from)) : [URL(fileURLWithPath: from)]
            } catch {
                Console.error("\(from): lỗi: không đọc được thư mục các tệp YAML")
                throw Exit.invalidInput
            }
            var failed = false
            for file in files where !writeFilled(from: file, expecting: all ? nil : units.first, outline: loaded, to: directory) {
                failed = true
            }
            if failed { throw Exit.invalidInput }
            return
        }
        let printer = yamlOnly ? nil : try pdf.printer(for: formats)
        var renderer = yamlOnly ? nil : try templates.renderer(for: loaded, in: here)
        renderer?.printer = printer
        var failed = false
        do {
            try SkeletonFiles.write(
                units, outline: loaded, renderer: renderer, formats: formats, to: directory, force: force, forms: !yamlOnly
            ) {
                written in if !show(written) { failed = true }
            }
            try SkeletonFiles.writeSchema(for: loaded, in: directory, force: force)
        } catch let error as RenderError {
            Console.error(error.description)
            throw Exit.code(for: error)
        } catch let error as FileError {
            Console.error(error.description)
            failed = true
        }
        if failed { throw Exit.outputFailed }
    }

    /// The forms of the submission at `file` filled from it; false when it cannot be read, is not
    /// `expected`'s, or a form cannot be written.
    func writeFilled(from file: URL, expecting expected: ReportingUnit?, outline: Outline, to directory: URL) -> Bool {
        let loaded = SubmissionLoader.load(contentsOf: file, shownName: file.relativePathForDisplay("."), outline: outline)
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error { Console.error(diagnostic.description) }
        guard let submission = loaded.submission, let unit = outline.unit(submission.unitID) else { return false }
        // The drafting body's own text is no unit's report: it has no forms. Passed over in a
        // folder; named alone, an error.
        if submission.isDraftingText {
            Console.error(
                "\(file.relativePathForDisplay(".")): \(expected == nil ? "bỏ qua" : "lỗi"): văn bản tổng hợp (tong_hop:), không phải báo cáo của đơn vị; không có biểu mẫu"
            )
            return expected == nil
        }
        if let expected, expected.id != unit.id {
            Console.error("\(file.path): lỗi: tệp là báo cáo của đơn vị '\(unit.id)', không phải '\(expected.id)'")
            return false
        }
        var written = true
        SkeletonFiles.writeForms(filledFrom: submission, unit: unit, outline: outline, to: directory, force: force) { result in
            if !show(result) { written = false }
        }
        return written
    }

    /// Prints what became of one file; false when it could not be written.
    func show(_ written: Result<URL, FileError>) -> Bool {
        switch written {
        case .success(let url):
            Console.error("đã ghi \(url.relativePathForDisplay(folder))")
            return true
        case .failure(let error):
            Console.error(error.description)
            return false
        }
    }
}
