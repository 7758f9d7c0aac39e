import ArgumentParser
import Foundation
import TongketKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Sinh JSON Schema cho bản báo cáo từ đề cương (để trình soạn thảo YAML kiểm tra và gợi ý khi gõ).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @Option(name: .short, help: ArgumentHelp("Tệp kết quả, hoặc - để in ra màn hình (mặc định: -).", valueName: "tệp"))
    var output: String = "-"
    @Flag(help: "Ghi đè tệp đã có kể cả khi không do tongket tạo ra.") var force = false

    func run() throws {
        let loaded = try outline.load(in: try workspace.enter())
        let data = try SchemaGenerator.json(for: loaded)
        if output == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        do throws(FileError) {
            try OutputFile.write(
                data, to: URL(fileURLWithPath: output), overwrite: .policy(for: .schema, force: force))
            Console.error("đã ghi \(output)")
        } catch {
            Console.error(error.description)
            throw Exit.outputFailed
        }
    }
}
