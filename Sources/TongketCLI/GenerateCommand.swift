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
    @Option(help: "Hạt giống ngẫu nhiên.") var seed: UInt64 = 2020
    @Option(name: .short, help: ArgumentHelp("Thư mục kết quả.", valueName: "thư-mục")) var output: String

    func validate() throws {
        if units < 1 || units > 1_000_000 { throw ValidationError("--units phải từ 1 đến 1.000.000") }
    }

    func run() throws {
        let here = try workspace.enter()
        let loaded = try outline.load(in: here)
        let source = try outline.url(in: here)
        do {
            try SyntheticGenerator(units: units, seed: seed).write(
                outline: loaded, outlineDirectory: source, to: URL(fileURLWithPath: output))
        } catch {
            Console.error("tongket: lỗi: không ghi được \(output): \(error.localizedDescription)")
            throw Exit.outputFailed
        }
        Console.error("đã ghi \(units) bản báo cáo vào \(output)/bao-cao và đề cương vào \(output)/de-cuong")
    }
}
