import ArgumentParser
import Foundation
import TongketKit

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "In đề cương dạng cây đánh số, kèm loại đơn vị phải viết từng mục.")

    @OptionGroup var outline: OutlineOptions
    @Flag(help: "In danh mục đơn vị theo loại, xếp theo thứ tự chữ cái tiếng Việt.") var units = false
    @Flag(help: "In các phụ lục số liệu, chỉ tiêu và mục tiêu.") var appendices = false
    @Option(
        help: ArgumentHelp(
            "Kiểm tra một thư mục đề cương (khi viết đề cương mới): in mọi lỗi và cảnh báo dạng tệp:dòng:cột; mã thoát 2 khi có lỗi.",
            valueName: "thư-mục"))
    var check: String?

    func run() throws {
        if let check {
            let url = URL(fileURLWithPath: check)
            let result = OutlineLoader.check(url)
            for diagnostic in result.diagnostics { Console.error(diagnostic.description) }
            guard let checked = result.outline else {
                Console.error("tongket: lỗi: thư mục đề cương \(check) có lỗi")
                throw Exit.invalidOutline
            }
            Console.out(OutlinePrinter.summary(checked, folder: check))
            return
        }
        let loaded = try outline.load()
        if units {
            Console.out(OutlinePrinter.units(loaded))
        } else if appendices {
            Console.out(OutlinePrinter.appendices(loaded))
        } else {
            Console.out(OutlinePrinter.tree(loaded))
        }
    }
}
