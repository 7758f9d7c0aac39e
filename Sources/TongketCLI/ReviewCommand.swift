import ArgumentParser
import Foundation
import TongketKit

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Ghi kết quả hiện tại của một báo cáo thành một phiên bản (lần 1, 2, 3…) không sửa được.",
        discussion: """
            Phiên bản nằm trong THƯ_MỤC/phien-ban/TÊN/lan-NN/: bản sao các tệp kết quả (.md, .html, .docx) và phien-ban.yaml \
            (lần, trạng thái, người rà soát, ngày, ghi chú, SHA-256 của từng tệp kết quả và từng tệp nguồn, SHA-256 của phiên \
            bản trước). Phiên bản chỉ được thêm, không bao giờ bị ghi đè; một lần ghi bị ngắt để nguyên lịch sử. \
            Dấu "DỰ THẢO LẦN N" trên kết quả phải khớp với lần sắp ghi; bản hoàn thiện (dựng với --final) không có dấu.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var choice: ReportChoice
    @OptionGroup var outline: OutlineOptions
    @OptionGroup var templates: TemplateOptions
    @Option(help: ArgumentHelp("Trạng thái: \(ReviewStatus.choices).", valueName: "trạng-thái")) var status: String
    @Option(help: ArgumentHelp("Người rà soát (họ tên, chức vụ).", valueName: "họ-tên")) var reviewer: String
    @Option(help: ArgumentHelp("Ngày rà soát, ngày/tháng/năm (mặc định: hôm nay).", valueName: "ngày")) var date: String?
    @Option(help: ArgumentHelp("Ghi chú cho phiên bản.", valueName: "ghi-chú")) var note: String = ""
    @Argument(
        help: ArgumentHelp(
            "Các tệp hay thư mục báo cáo đã dùng để lập kết quả (mặc định: thư mục báo cáo của thư mục làm việc).", valueName: "nguồn"))
    var inputs: [String] = []

    func validate() throws {
        if ReviewStatus.parse(status) == nil { throw ValidationError("--status phải là một trong: \(ReviewStatus.choices)") }
        if reviewer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reviewer không được để trống") }
        if let date, VietnameseDate.parse(date) == nil {
            throw ValidationError("--date phải là một ngày có thật, dạng ngày/tháng/năm như \(SimpleDate.today()), nhưng gặp '\(date)'")
        }
    }

    mutating func run() throws {
        let here = try workspace.enter()
        choice.adopt(here)
        let recorder = ReviewRecorder(store: choice.store, shownDirectory: choice.folder)
        let review = Review(
            status: ReviewStatus.parse(status) ?? .draft, reviewer: reviewer.trimmingCharacters(in: .whitespaces),
            date: date.flatMap(VietnameseDate.parse) ?? SimpleDate.today(), note: note)
        do {
            let plan = try recorder.check(review)
            // The sources are looked for only once the outputs may be recorded: a refusal is what
            // the user needs to hear first, before any trouble finding the bundled data.
            let sources = ReviewSources(
                submissions: try SubmissionInputs.resolve(inputs, in: here), outline: try outline.url(in: here),
                templates: try templates.url(in: here))
            let manifest = try recorder.record(plan, sources: sources)
            let folder = recorder.store.folder(round: manifest.round).path
            Console.error(
                "đã ghi phiên bản lần \(manifest.round) (\(manifest.status.rawValue)) của '\(choice.report)': "
                    + "\(manifest.files.count) tệp kết quả, \(manifest.inputs.count) tệp nguồn, vào \(folder)")
        } catch let error as ReviewError {
            Console.error(error.description)
            throw error.isRefusal ? Exit.invalidInput : Exit.outputFailed
        }
    }
}
