import ArgumentParser
import Foundation
import TongketKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Bảng tình hình gửi báo cáo của các đơn vị: đã gửi, đúng hạn hay muộn bao nhiêu ngày, hợp lệ hay có lỗi.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @OptionGroup var timing: AsOfOptions
    @Flag(help: "In dạng JSON.") var json = false
    @Option(
        help: ArgumentHelp(
            "Thư mục bộ nhớ đệm (như của consolidate): chỉ đọc lại tệp đã đổi.", valueName: "thư-mục"))
    var cache: String?
    @Option(
        name: .customLong("for"),
        help: ArgumentHelp(
            "Xem các đơn vị cấp dưới của một đơn vị (như một huyện): đọc thư mục con mang mã đơn vị nếu có (bao-cao/h-nga-son/), không thì thư mục đã chỉ.",
            valueName: "mã-đơn-vị"))
    var scope: String?
    @Argument(
        help: ArgumentHelp(
            "Thư mục hoặc các tệp báo cáo của đơn vị (mặc định: thư mục báo cáo của thư mục làm việc).", valueName: "thư-mục"))
    var inputs: [String] = []

    func run() throws {
        let here = try workspace.enter()
        let loaded = try outline.load(in: here)
        let asOf = try timing.date(in: here, example: loaded.programme.consolidatedDeadline) ?? SimpleDate.today()
        let unit = try scope.map { try ScopeOption.unit($0, in: loaded) }
        var paths = try SubmissionInputs.resolve(inputs, in: here)
        if let unit { paths = ScopeOption.folders(paths, of: unit) }
        let store = cache.map { SubmissionCache(directory: URL(fileURLWithPath: $0)) }
        let consolidator = SubmissionFolder.consolidator(
            paths: paths, outline: loaded, strict: false, cache: store, scope: unit?.id, progress: Progress.reporter("Đọc báo cáo"))
        for warning in store?.warnings ?? [] { Console.error(warning) }
        for problem in consolidator.misplaced { Console.error(problem.description) }
        var statuses = consolidator.consolidate(asOf: asOf).annex
        SubmissionFolder.checkRollUps(&statuses, consolidator: consolidator)
        if json {
            FileHandle.standardOutput.write(try StatusReport.json(statuses, asOf: asOf))
        } else {
            Console.out(StatusReport.text(statuses, asOf: asOf, programme: loaded.programme))
        }
    }
}
