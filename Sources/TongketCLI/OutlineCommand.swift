import ArgumentParser
import TongketKit

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "In đề cương dạng cây đánh số, kèm loại đơn vị phải viết từng mục.")

    @OptionGroup var outline: OutlineOptions
    @Flag(help: "In danh mục đơn vị theo loại, xếp theo thứ tự chữ cái tiếng Việt.") var units = false
    @Flag(help: "In các phụ lục số liệu, chỉ tiêu và mục tiêu.") var appendices = false

    func run() throws {
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
