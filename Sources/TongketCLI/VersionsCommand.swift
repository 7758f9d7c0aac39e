import ArgumentParser
import Foundation
import TongketKit

struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "Liệt kê các phiên bản đã ghi của báo cáo; với --verify, kiểm tra không phiên bản nào bị sửa, thiếu hay thay.",
        discussion: "Mã thoát 1 khi --verify thấy một phiên bản không còn như lúc ghi.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var choice: ReportChoice
    @Flag(help: "Kiểm tra từng tệp của mọi phiên bản với SHA-256 đã ghi và chuỗi phiên bản.") var verify = false

    mutating func run() throws {
        choice.adopt(try workspace.enter())
        let store = choice.store
        Console.out(store.listing())
        guard verify else { return }
        let problems = store.verify()
        for problem in problems { Console.error(problem.description) }
        if !problems.isEmpty {
            Console.error("tongket: lỗi: \(problems.count) chỗ không còn như lúc ghi")
            throw Exit.invalidInput
        }
        Console.error("mọi phiên bản còn nguyên như lúc ghi (\(store.rounds().count) lần)")
    }
}
