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
            "Thư mục bộ nhớ đệm: báo cáo YAML đã đọc và kiểm tra, cùng các mục của dự thảo đã dựng, được giữ ở đây; lần chạy sau chỉ đọc lại tệp đã đổi và chỉ dựng lại các mục đã đổi (kết quả vẫn y hệt khi không dùng).",
            valueName: "thư-mục"))
    var cache: String?
    @Option(
        name: .customLong("for"),
        help: ArgumentHelp(
            "Tổng hợp cho một đơn vị có cấp dưới (như một huyện): đọc báo cáo của chính đơn vị và của các đơn vị có 'cap_tren' là đơn vị này; ghi báo cáo tổng hợp của đơn vị và tệp MÃ.yaml để gửi cấp trên (docs/cap-bao-cao.md).",
            valueName: "mã-đơn-vị"))
    var scope: String?
    @Flag(
        help: ArgumentHelp(
            "Tổng hợp cả các cấp dưới trong một lượt: mỗi thư mục con mang mã một đơn vị cấp dưới (như h-nga-son/) được tổng hợp trước, sâu nhất trước (như --for mã ấy); báo cáo của đơn vị ấy ghi vào thư-mục-kết-quả/MÃ/, tệp gửi lên ghi đè MÃ.yaml cạnh thư mục con (chỉ thay bản tổng hợp trước)."
        ))
    var levels = false
    @Argument(
        help: ArgumentHelp(
            "Thư mục hoặc các tệp báo cáo của đơn vị (mặc định: thư mục báo cáo của thư mục làm việc).", valueName: "thư-mục"))
    var inputs: [String] = []

    func validate() throws {
        try output.check()
        if levels && output.folder == "-" {
            throw ValidationError("--levels ghi báo cáo của từng cấp: dùng -o thư-mục, không dùng -o -")
        }
        if scope != nil && output.folder == "-" {
            throw ValidationError("--for ghi hai kết quả (báo cáo và tệp gửi cấp trên): dùng -o thư-mục, không dùng -o -")
        }
    }

    mutating func run() throws {
        let here = try workspace.enter()
        output.adopt(here)
        // The templates are read beside the outline, on the other core, and once for every level
        // of a `--levels` run: they were read after the reports, on their own.
        let (loaded, renderer) = try output.outlineAndRenderer(outline, templates, in: here)
        let unit = try scope.map { try ScopeOption.unit($0, in: loaded) }
        let paths = try SubmissionInputs.resolve(inputs, in: here)
        if levels { try rollUpBelow(unit?.id, folders: paths, outline: loaded, renderer: renderer, in: here) }
        let target = unit.map { output.directory.appendingPathComponent($0.submissionFileName) }
        try consolidate(
            paths, for: unit, outline: loaded, renderer: renderer, in: here, into: output.directory, destination: output.destination,
            rollUpTo: target)
    }

    /// One consolidation: the top's draft, or with `unit` that unit's report and its roll-up
    /// written to `target`. `base` renders for the whole outline; its templates serve every level.
    func consolidate(
        _ paths: [String], for unit: ReportingUnit?, outline loaded: Outline, renderer base: ReportRenderer, in here: Workspace?,
        into directory: URL, destination: ReportDestination, rollUpTo target: URL?
    ) throws {
        // A unit below the top consolidates its children by the units' own deadline.
        let due = unit == nil ? loaded.programme.consolidatedDeadline : loaded.programme.unitDeadline
        let asOf = try timing.date(in: here, example: due) ?? due
        let store = cache.map { SubmissionCache(directory: URL(fileURLWithPath: $0)) }
        let consolidator = SubmissionFolder.consolidator(
            paths: paths, outline: loaded, strict: strict, cache: store, scope: unit?.id, progress: Progress.reporter("Đọc báo cáo"))
        for warning in store?.warnings ?? [] { Console.error(warning) }
        let problems = SubmissionInputs.report(consolidator)
        var consolidation = consolidator.consolidate(asOf: asOf)
        SubmissionFolder.checkRollUps(&consolidation.annex, consolidator: consolidator)
        for notice in consolidation.notices { Console.error(notice.description) }
        for status in consolidation.annex where status.rollUp?.isStale == true {
            Console.error("tongket: cảnh báo: \(status.files.first ?? status.unit.id): \(status.rollUp?.summary ?? "")")
        }
        if strict && problems > 0 {
            Console.error("tongket: lỗi: \(problems) tệp có lỗi; không ghi dự thảo vì có --strict")
            throw Exit.invalidInput
        }
        var rollUp: RollUpWriter?
        if let unit, let target {
            guard let own = consolidator.ownSubmission else {
                Console.error(
                    "tongket: lỗi: chưa có báo cáo hợp lệ của chính \(unit.name) (don_vi: \(unit.id)) trong \(paths.joined(separator: ", ")): báo cáo gửi cấp trên lấy số, ngày, người ký và phần viết của đơn vị từ báo cáo đó; không ghi gì"
                )
                throw Exit.invalidInput
            }
            rollUp = RollUpWriter(
                outline: loaded, unit: unit, own: own, consolidation: consolidation,
                digests: try ScopeOption.digests(of: consolidator, scope: unit.id),
                placement: unitTexts ?? (final ? .annex : .inline))
            do {
                try RollUpWriter.checkTarget(target, force: output.force)
            } catch {
                Console.error(error.description)
                throw Exit.outputFailed
            }
        }
        let issuing = unit.map { loaded.scoped(to: $0, own: consolidator.ownSubmission) } ?? loaded
        let renderer = unit == nil ? base : base.rendering(issuing)
        let versions = VersionStore(directory: directory, report: DocumentWriter.consolidatedBaseName)
        let written: [URL]
        let pieces = cache.map { DraftPieceCache(directory: URL(fileURLWithPath: $0)) }
        do {
            written = try DocumentWriter.writeConsolidatedReport(
                consolidation, renderer: renderer, formats: output.formats, to: destination,
                draftMark: versions.draftMark(final: final, alwaysDraft: true), force: output.force, unitTexts: unitTexts,
                cache: pieces)
        } catch {
            Console.error(error.description)
            throw Exit.code(for: error)
        }
        for warning in pieces?.warnings ?? [] { Console.error(warning) }
        for url in written { Console.error("đã ghi \(url.relativePathForDisplay(output.folder))") }
        if let rollUp, let target {
            do {
                try rollUp.write(to: target, force: output.force)
            } catch {
                Console.error(error.description)
                throw Exit.outputFailed
            }
            Console.error("đã ghi \(target.relativePathForDisplay(output.folder)) (báo cáo của \(rollUp.unit.name) gửi cấp trên)")
        }
        Console.error(StatusReport.summary(consolidation.annex, asOf: asOf))
        KeptUntilExit.keep(consolidation)
    }
}

extension UnitTextPlacement: ExpressibleByArgument {}
