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
    @Argument(
        help: ArgumentHelp(
            "Thư mục hoặc các tệp báo cáo của đơn vị (mặc định: thư mục báo cáo của thư mục làm việc).", valueName: "thư-mục"))
    var inputs: [String] = []

    func run() throws {
        let here = try workspace.enter()
        let loaded = try outline.load(in: here)
        let asOf = try timing.date(in: here, example: loaded.programme.consolidatedDeadline) ?? SimpleDate.today()
        let paths = try SubmissionInputs.resolve(inputs, in: here)
        let store = cache.map { SubmissionCache(directory: URL(fileURLWithPath: $0)) }
        let consolidator = SubmissionFolder.consolidator(
            paths: paths, outline: loaded, strict: false, cache: store, progress: Progress.reporter("Đọc báo cáo"))
        for warning in store?.warnings ?? [] { Console.error(warning) }
        let statuses = consolidator.consolidate(asOf: asOf).annex
        if json {
            FileHandle.standardOutput.write(try StatusReport.json(statuses, asOf: asOf))
        } else {
            Console.out(StatusReport.text(statuses, asOf: asOf, programme: loaded.programme))
        }
    }
}
