import ArgumentParser
import Foundation
import TongketKit

struct ConsolidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consolidate",
        abstract: "Tổng hợp báo cáo của mọi đơn vị thành dự thảo báo cáo tổng kết của tỉnh (Markdown, HTML, Word).",
        discussion: """
            Tệp có lỗi được báo (tệp:dòng:cột), không đưa vào dự thảo và được ghi trong phụ lục tình hình gửi báo cáo; \
            các tệp còn lại vẫn được tổng hợp. Với --strict, một tệp có lỗi làm lệnh dừng (mã 1) và không ghi dự thảo.
            """)

    @OptionGroup var outline: OutlineOptions
    @OptionGroup var templates: TemplateOptions
    @OptionGroup var output: RenderOutputOptions
    @OptionGroup var timing: AsOfOptions
    @Flag(help: "Dừng nếu có tệp lỗi (coi cả cảnh báo là lỗi).") var strict = false
    @Flag(help: "Bản hoàn thiện: không ghi dấu \"DỰ THẢO LẦN N\" (lần N theo các phiên bản đã ghi bằng 'tongket review').")
    var final = false
    @Argument(help: ArgumentHelp("Thư mục hoặc các tệp báo cáo của đơn vị (mặc định: ví dụ đi kèm).", valueName: "thư-mục"))
    var inputs: [String] = []

    func validate() throws {
        try output.check()
        try timing.check()
    }

    func run() throws {
        let loaded = try outline.load()
        let renderer = try templates.renderer(for: loaded)
        let paths = try SubmissionInputs.resolve(inputs)
        let consolidator = SubmissionFolder.consolidator(
            paths: paths, outline: loaded, strict: strict, progress: Progress.reporter("Đọc báo cáo"))
        let problems = SubmissionInputs.report(consolidator)
        let asOf = timing.date ?? loaded.programme.consolidatedDeadline
        let consolidation = consolidator.consolidate(asOf: asOf)
        if strict && problems > 0 {
            Console.error("tongket: lỗi: \(problems) tệp có lỗi; không ghi dự thảo vì có --strict")
            throw Exit.invalidInput
        }
        try write(consolidation, with: renderer)
        Console.error(StatusReport.summary(consolidation.annex, asOf: asOf))
    }
}

extension ConsolidateCommand {
    /// Streams the draft into each format's file (or stdout); every file is committed only when
    /// all are complete, and none is left half-written.
    func write(_ consolidation: Consolidation, with renderer: ReportRenderer) throws {
        let formats = output.formats
        var files: [DocumentFormat: StreamingOutputFile] = [:]
        do {
            var sinks = ReportSinks()
            if output.output == "-" {
                if formats[0] == .docx {
                    sinks.docx = DOCXSink(spillDirectory: nil) { data in FileHandle.standardOutput.write(data) }
                } else {
                    sinks.text[formats[0]] = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
                }
            } else {
                let directory = URL(fileURLWithPath: output.output)
                for format in formats {
                    let file = try StreamingOutputFile(
                        directory.appendingPathComponent("bao-cao-tong-hop.\(format.rawValue)"),
                        overwrite: output.force ? .always : .ifMadeByTongket(isOurs: { ReportRenderer.isGenerated([UInt8]($0)) }))
                    files[format] = file
                    if format == .docx {
                        sinks.docx = DOCXSink(spillDirectory: directory) { data throws(OutputError) in try file.write(data) }
                    } else {
                        sinks.text[format] = { text in try file.write(text) }
                    }
                }
            }
            let store = VersionStore(
                directory: output.directory, report: "bao-cao-tong-hop")
            try renderer.streamConsolidatedReport(consolidation, sinks: sinks, draftMark: store.draftMark(final: final, alwaysDraft: true))
            for format in formats { try files[format]?.commit() }
        } catch let error as OutputError {
            for file in files.values { file.discard() }
            Console.error(error.description)
            throw Exit.outputFailed
        } catch let error as RenderError {
            for file in files.values { file.discard() }
            Console.error(error.description)
            throw error.output == nil ? Exit.invalidTemplates : Exit.outputFailed
        }
        for format in formats where files[format] != nil {
            let name = "bao-cao-tong-hop.\(format.rawValue)"
            Console.error(
                "đã ghi \(URL(fileURLWithPath: output.output).appendingPathComponent(name).relativePathForDisplay(output.output))")
        }
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Bảng tình hình gửi báo cáo của các đơn vị: đã gửi, đúng hạn hay muộn bao nhiêu ngày, hợp lệ hay có lỗi.")

    @OptionGroup var outline: OutlineOptions
    @OptionGroup var timing: AsOfOptions
    @Flag(help: "In dạng JSON.") var json = false
    @Argument(help: ArgumentHelp("Thư mục hoặc các tệp báo cáo của đơn vị (mặc định: ví dụ đi kèm).", valueName: "thư-mục"))
    var inputs: [String] = []

    func validate() throws { try timing.check() }

    func run() throws {
        let loaded = try outline.load()
        let paths = try SubmissionInputs.resolve(inputs)
        let consolidator = SubmissionFolder.consolidator(
            paths: paths, outline: loaded, strict: false, progress: Progress.reporter("Đọc báo cáo"))
        let asOf = timing.date ?? SimpleDate.today()
        let statuses = consolidator.consolidate(asOf: asOf).annex
        if json {
            FileHandle.standardOutput.write(try StatusReport.json(statuses, asOf: asOf))
        } else {
            Console.out(StatusReport.text(statuses, asOf: asOf))
        }
    }
}

/// `--as-of DATE`.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Tính đến ngày (ngày/tháng/năm).", valueName: "ngày"))
    var asOf: String?

    var date: SimpleDate? { asOf.flatMap(VietnameseDate.parse) }

    func check() throws {
        if let asOf, VietnameseDate.parse(asOf) == nil {
            throw ValidationError("--as-of phải là một ngày có thật, dạng ngày/tháng/năm như 20/06/2020, nhưng gặp '\(asOf)'")
        }
    }
}

enum SubmissionInputs {
    /// The paths given, or the bundled example.
    static func resolve(_ inputs: [String]) throws -> [String] {
        if !inputs.isEmpty { return inputs }
        return [
            try locate(
                nil, bundled: "examples/thanh-hoa-2020", option: "một thư mục báo cáo", what: "thư mục ví dụ", exit: Exit.invalidInput
            ).path
        ]
    }

    /// Prints every problem found while reading; returns how many files can't be used.
    static func report(_ consolidator: Consolidator) -> Int {
        var problems = 0
        for (file, diagnostics) in consolidator.unattributed {
            for diagnostic in diagnostics { Console.error(diagnostic.description) }
            Console.error("\(file): không đưa vào tổng hợp vì không xác định được đơn vị")
            problems += 1
        }
        for (file, diagnostics) in consolidator.problems {
            for diagnostic in diagnostics { Console.error(diagnostic.description) }
            Console.error("\(file): không đưa vào tổng hợp vì tệp có lỗi")
            problems += 1
        }
        for duplicate in consolidator.duplicates {
            Console.error(duplicate.description)
            problems += 1
        }
        return problems
    }
}

/// Progress on stderr, only when stderr is a terminal (never in logs or pipes).
enum Progress {
    static func reporter(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        return { done, total in
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)\(done == total ? "\n" : "")".utf8))
        }
    }
}
