import ArgumentParser
import Foundation
import TongketKit

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract:
            "In đề cương dạng cây đánh số, kèm loại đơn vị phải viết từng mục; kiểm tra (--check) hay nâng định dạng (--upgrade) một thư mục đề cương."
    )

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
    @Option(
        help: ArgumentHelp(
            "Nâng một thư mục đề cương viết theo định dạng cũ lên định dạng mới nhất: in các thay đổi (dạng diff) rồi ghi; mã thoát 2 khi đề cương có lỗi (không sửa gì).",
            valueName: "thư-mục"))
    var upgrade: String?
    @Flag(help: "Với --upgrade: chỉ in các thay đổi, không ghi tệp nào.") var dryRun = false

    func validate() throws {
        if dryRun && upgrade == nil { throw ValidationError("--dry-run chỉ dùng cùng --upgrade THƯ_MỤC") }
        if check != nil && upgrade != nil { throw ValidationError("chọn một trong --check và --upgrade") }
    }

    func run() throws {
        // -C first, so that --check and --upgrade folders are read from there, as every path is;
        // the working folder's tongket.yaml is read only when the outline is (a broken one must
        // not stop the check of an outline being written).
        if let directory = workspace.directory { try WorkspaceOptions.change(to: directory) }
        if let upgrade { return try runUpgrade(upgrade) }
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
        let here = try WorkspaceOptions.current()
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

    /// `--upgrade`: the diff on stdout, what was done on stderr.
    private func runUpgrade(_ folder: String) throws {
        let plan: OutlineUpgrade
        do throws(OutlineError) {
            plan = try OutlineUpgrade.plan(for: URL(fileURLWithPath: folder))
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            Console.error("tongket: lỗi: thư mục đề cương \(folder) có lỗi; sửa các lỗi trên rồi chạy lại --upgrade (chưa sửa tệp nào)")
            throw Exit.invalidOutline
        }
        guard !plan.isCurrent else {
            Console.error("thư mục đề cương \(folder) đã ở định dạng mới nhất (\(OutlineFormat.current)); không sửa gì")
            return
        }
        for change in plan.changes { Console.out(change.diff) }
        let from = "từ định dạng \(plan.format) lên định dạng \(OutlineFormat.current)"
        if dryRun {
            Console.error("chưa ghi gì (--dry-run); chạy lại không có --dry-run để nâng thư mục đề cương \(folder) \(from)")
            return
        }
        do throws(FileError) {
            try plan.write()
        } catch {
            Console.error(error.description)
            throw Exit.outputFailed
        }
        Console.error("đã nâng thư mục đề cương \(folder) \(from): " + plan.changes.map(\.name).joined(separator: ", "))
    }
}
