import ArgumentParser
import Foundation
import TongketKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "So sánh hai phiên bản của báo cáo: đoạn nào sửa, thêm, bỏ, từ nào đổi.",
        discussion: """
            A và B là số lần đã ghi (1, 2…), 'hien-tai' (tệp .md hiện có trong thư mục) hoặc đường dẫn tới một tệp .md. \
            Số thứ tự mục chỉ dịch đi vì mục khác được thêm, bớt không bị coi là thay đổi. \
            --html ghi thêm bản so sánh in được: chữ thêm gạch dưới, chữ bỏ gạch ngang, mục không đổi được gấp lại.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var choice: ReportChoice
    @Argument(help: ArgumentHelp("Bản cũ.", valueName: "A")) var old: String
    @Argument(help: ArgumentHelp("Bản mới (mặc định: hien-tai).", valueName: "B")) var new: String = "hien-tai"
    @Option(help: ArgumentHelp("Ghi bản so sánh dạng HTML vào tệp này.", valueName: "tệp")) var html: String?

    mutating func run() throws {
        choice.adopt(try workspace.enter())
        let store = choice.store
        if !store.verify().isEmpty {
            Console.error("tongket: cảnh báo: có phiên bản không còn như lúc ghi; so sánh có thể sai (xem 'tongket versions --verify')")
        }
        let before: ComparisonSide
        let after: ComparisonSide
        do {
            before = try ComparisonSide.resolve(old, in: store)
            after = try ComparisonSide.resolve(new, in: store)
        } catch {
            Console.error(error.description)
            throw Exit.invalidInput
        }
        let redline = Redline.compare(old: before.markdown, new: after.markdown)
        let sides = "\(before.name) → \(after.name)"
        Console.out(RedlineWriter.text(redline, title: "So sánh '\(choice.report)': \(sides)"))
        guard let html else { return }
        let url = URL(fileURLWithPath: html)
        do {
            try OutputFile.write(
                Data(RedlineWriter.html(redline, title: "So sánh các phiên bản", legend: "\(choice.report): \(sides)").utf8),
                to: url, overwrite: .policy(for: .report, force: false))
            Console.error("đã ghi \(html)")
        } catch {
            Console.error(error.description)
            throw Exit.outputFailed
        }
    }
}
