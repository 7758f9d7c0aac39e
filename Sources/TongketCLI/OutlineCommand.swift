import ArgumentParser
import Foundation
import TongketKit

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "In đề cương dạng cây đánh số, kèm loại đơn vị phải viết từng mục.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @Flag(help: "In danh mục đơn vị theo loại, xếp theo thứ tự chữ cái tiếng Việt.") var units = false
    @Flag(help: "In các phụ lục số liệu, chỉ tiêu và mục tiêu.") var appendices = false
    @Flag(help: "Liệt kê các đề cương đi kèm tongket (mã dùng cho --outline và 'tongket init').") var list = false
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
        let here = try workspace.enter()
        if list {
            try listInstalled()
            return
        }
        let loaded = try outline.load(in: here)
        if units {
            Console.out(OutlinePrinter.units(loaded))
        } else if appendices {
            Console.out(OutlinePrinter.appendices(loaded))
        } else {
            Console.out(OutlinePrinter.tree(loaded))
        }
    }

    /// The bundled outlines, each with the review it is for; one that does not load says so
    /// rather than hiding the others.
    func listInstalled() throws {
        let data = ResourceLocator.dataFolder()
        let ids = OutlineChoice.installedOutlines(in: data)
        guard let data, !ids.isEmpty else {
            Console.error(
                "tongket: lỗi: không có đề cương đi kèm nào: "
                    + (data.map { "thư mục dữ liệu \($0) không có thư mục outline/<mã>/chuong-trinh.yaml" }
                        ?? "không tìm thấy thư mục dữ liệu của tongket (cài bằng scripts/install hoặc đặt TONGKET_DATA)"))
            throw Exit.invalidOutline
        }
        var lines: [String] = []
        for id in ids {
            switch Result(catching: { () throws(OutlineError) in try OutlineLoader.load(from: data.appending("outline/\(id)")) }) {
            case .success(let loaded):
                let programme = loaded.programme
                lines.append(
                    "\(id)\t\(programme.reportTitle) \(programme.title), \(programme.province) (\(programme.firstYear)–\(programme.lastYear))"
                )
            case .failure:
                lines.append("\(id)\t(có lỗi: xem 'tongket outline --check \(data.appending("outline/\(id)").path)')")
            }
        }
        Console.out(lines.joined(separator: "\n") + "\n")
    }
}
