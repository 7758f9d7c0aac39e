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

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @OptionGroup var templates: TemplateOptions
    @OptionGroup var output: RenderOutputOptions
    @OptionGroup var timing: AsOfOptions
    @Flag(help: "Dừng nếu có tệp lỗi (coi cả cảnh báo là lỗi).") var strict = false
    @Flag(help: "Bản hoàn thiện: không ghi dấu \"DỰ THẢO LẦN N\" (lần N theo các phiên bản đã ghi bằng 'tongket review').")
    var final = false
    @Option(
        help: ArgumentHelp(
            "Nơi đặt nội dung của các đơn vị ở những mục cơ quan soạn thảo đã tự viết (tệp 'tong_hop:'): trong-muc (sau phần của tỉnh, mặc định cho dự thảo) hoặc phu-luc (phụ lục \"Tổng hợp báo cáo của các cơ quan, đơn vị\", mặc định cho --final).",
            valueName: "trong-muc|phu-luc"))
    var unitTexts: UnitTextPlacement?
    @Option(
        help: ArgumentHelp(
            "Thư mục bộ nhớ đệm: báo cáo YAML đã đọc và kiểm tra được giữ ở đây, lần chạy sau chỉ đọc lại tệp đã đổi (kết quả vẫn y hệt khi không dùng).",
            valueName: "thư-mục"))
    var cache: String?
    @Argument(
        help: ArgumentHelp(
            "Thư mục hoặc các tệp báo cáo của đơn vị (mặc định: thư mục báo cáo của thư mục làm việc).", valueName: "thư-mục"))
    var inputs: [String] = []

    func validate() throws {
        try output.check()
    }

    mutating func run() throws {
        let here = try workspace.enter()
        output.adopt(here)
        let loaded = try outline.load(in: here)
        let renderer = try output.renderer(templates, for: loaded, in: here)
        let asOf =
            try timing.date(in: here, example: loaded.programme.consolidatedDeadline)
            ?? loaded.programme.consolidatedDeadline
        let paths = try SubmissionInputs.resolve(inputs, in: here)
        let store = cache.map { SubmissionCache(directory: URL(fileURLWithPath: $0)) }
        let consolidator = SubmissionFolder.consolidator(
            paths: paths, outline: loaded, strict: strict, cache: store, progress: Progress.reporter("Đọc báo cáo"))
        for warning in store?.warnings ?? [] { Console.error(warning) }
        let problems = SubmissionInputs.report(consolidator)
        let consolidation = consolidator.consolidate(asOf: asOf)
        for notice in consolidation.notices { Console.error(notice.description) }
        if strict && problems > 0 {
            Console.error("tongket: lỗi: \(problems) tệp có lỗi; không ghi dự thảo vì có --strict")
            throw Exit.invalidInput
        }
        let versions = VersionStore(directory: output.directory, report: DocumentWriter.consolidatedBaseName)
        let written: [URL]
        do {
            written = try DocumentWriter.writeConsolidatedReport(
                consolidation, renderer: renderer, formats: output.formats, to: output.destination,
                draftMark: versions.draftMark(final: final, alwaysDraft: true), force: output.force, unitTexts: unitTexts)
        } catch {
            Console.error(error.description)
            throw Exit.code(for: error)
        }
        for url in written { Console.error("đã ghi \(url.relativePathForDisplay(output.folder))") }
        Console.error(StatusReport.summary(consolidation.annex, asOf: asOf))
    }
}

extension UnitTextPlacement: ExpressibleByArgument {}
