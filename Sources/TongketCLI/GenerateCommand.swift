import ArgumentParser
import Foundation
import TongketKit

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Sinh bộ báo cáo tổng hợp (giả định, hợp lệ) cho N đơn vị để đo tốc độ và kiểm thử tổng hợp.",
        discussion: "Ghi THƯ_MỤC/de-cuong (đề cương kèm danh mục N đơn vị) và THƯ_MỤC/bao-cao/*.yaml; cùng --seed cho cùng kết quả.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @Option(help: "Số đơn vị.") var units: Int = 100
    @Option(help: "Mô phỏng theo cấp: số xã của mỗi huyện (hay của mỗi tỉnh khi --districts 0).") var communes: Int?
    @Option(help: "Số huyện của mỗi tỉnh; 0: hai cấp, xã báo cáo thẳng tỉnh.") var districts: Int?
    @Option(help: "Số tỉnh (mô phỏng toàn quốc); 0: một tỉnh.") var provinces: Int?
    @Option(help: "Số sở, ngành của mỗi tỉnh (mô phỏng theo cấp).") var departments: Int = 25
    @Option(help: "Hạt giống ngẫu nhiên.") var seed: UInt64 = 2020
    @Option(name: .short, help: ArgumentHelp("Thư mục kết quả.", valueName: "thư-mục")) var output: String

    /// Whether a simulation by level was asked for.
    var byLevel: Bool { communes != nil || districts != nil || provinces != nil }

    func validate() throws {
        if units < 1 || units > 1_000_000 { throw ValidationError("--units phải từ 1 đến 1.000.000") }
        for (name, value) in [("--communes", communes), ("--districts", districts), ("--provinces", provinces)] {
            if let value, value < 0 || value > 10_000 { throw ValidationError("\(name) phải từ 0 đến 10.000") }
        }
        if departments < 0 || departments > 1_000 { throw ValidationError("--departments phải từ 0 đến 1.000") }
        let leaves = max(provinces ?? 0, 1) * max(districts ?? 0, 1) * (communes ?? 0)
        if leaves > 1_000_000 { throw ValidationError("mô phỏng quá lớn: \(leaves) xã (tối đa 1.000.000)") }
    }

    func run() throws {
        let here = try workspace.enter()
        let loaded = try outline.load(in: here)
        let source = try outline.url(in: here)
        var count = units
        do {
            if byLevel {
                count = try SyntheticTree(
                    provinces: provinces ?? 0, districts: districts ?? 0, communes: communes ?? 0, departments: departments, seed: seed
                ).write(outline: loaded, outlineDirectory: source, to: URL(fileURLWithPath: output))
            } else {
                try SyntheticGenerator(units: units, seed: seed).write(
                    outline: loaded, outlineDirectory: source, to: URL(fileURLWithPath: output))
            }
        } catch {
            Console.error("tongket: lỗi: không ghi được \(output): \(error.localizedDescription)")
            throw Exit.outputFailed
        }
        Console.error("đã ghi \(count) bản báo cáo vào \(output)/bao-cao và đề cương vào \(output)/de-cuong")
    }
}
