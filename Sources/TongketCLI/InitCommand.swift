import ArgumentParser
import Foundation
import TongketKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Tạo thư mục làm việc cho một đợt báo cáo: tongket.yaml và các thư mục báo cáo, góp ý, kết quả.",
        discussion: """
            tongket.yaml ghi đề cương, thư mục báo cáo của đơn vị (bao-cao/), thư mục góp ý (gop-y/), thư mục kết quả \
            (ket-qua/) và ngày tính đến (nếu có). Mọi lệnh chạy trong thư mục này hay thư mục con của nó (hoặc với -C \
            thư-mục) lấy đầu vào từ đó, nên không cần ghi lại --outline và thư mục báo cáo. Không ghi đè một \
            tongket.yaml đã có (mã 3).
            """)

    @Argument(help: ArgumentHelp("Thư mục làm việc (tạo mới nếu chưa có).", valueName: "thư-mục")) var directory: String
    @Option(
        name: .customLong("outline"),
        help: ArgumentHelp("Đề cương: mã một đề cương đi kèm (xem 'tongket outline --list') hoặc một thư mục.", valueName: "mã|thư-mục"))
    var outline: String
    @OptionGroup var timing: AsOfOptions

    func run() throws {
        let data = ResourceLocator.dataFolder()
        let outlineFolder: URL
        do {
            outlineFolder = try OutlineChoice.resolve(given: outline, workspace: nil, data: data)
        } catch {
            Console.error("tongket: lỗi: \(error.message)")
            throw Exit.invalidOutline
        }
        let loaded = try OutlineOptions.load(from: outlineFolder)
        let asOf = try timing.date(in: nil, example: loaded.programme.consolidatedDeadline)
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        let file = folder.appendingPathComponent(Workspace.fileName)
        if FileManager.default.fileExists(atPath: file.path) {
            Console.error("tongket: lỗi: \(directory) đã là thư mục làm việc (có \(Workspace.fileName)); không ghi đè")
            throw Exit.outputFailed
        }
        let text = Workspace.text(
            outline: written(outlineFolder, in: folder, data: data), asOf: asOf,
            example: loaded.programme.consolidatedDeadline)
        do {
            for name in Workspace.defaultFolders.values.sorted() {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            try OutputFile.write(Data(text.utf8), to: file, overwrite: .never)
        } catch let error as FileError {
            Console.error(error.description)
            throw Exit.outputFailed
        } catch {
            Console.error("tongket: lỗi: không tạo được thư mục trong \(directory): \(error.localizedDescription)")
            throw Exit.outputFailed
        }
        Console.out(
            """
            Đã tạo thư mục làm việc \(directory): \(loaded.programme.reportTitle.lowercasedFirst) \
            \(loaded.programme.title), \(loaded.programme.province) (đề cương \(outline)).
              \(Workspace.fileName)  đề cương, các thư mục và ngày tính đến
              bao-cao/      báo cáo của các đơn vị (.yaml)
              gop-y/        góp ý dự thảo (.yaml)
              ket-qua/      kết quả: mẫu cho đơn vị, báo cáo đã dựng, dự thảo tổng hợp, phiên bản
            Tiếp theo, trong thư mục đó:
              tongket skeleton --all     mẫu báo cáo cho từng đơn vị, vào ket-qua/
              tongket status             tình hình gửi báo cáo trong bao-cao/
              tongket consolidate        dự thảo báo cáo tổng hợp, vào ket-qua/

            """)
    }

    /// What `tongket.yaml` names: the id of a bundled outline, so that the working folder keeps
    /// following the installed copy; otherwise the folder, relative to the working folder when
    /// it lies inside it.
    func written(_ outlineFolder: URL, in folder: URL, data: DataFolder?) -> String {
        if !ResourceLocator.isDirectory(URL(fileURLWithPath: outline)),
            OutlineChoice.installedOutlines(in: data).contains(outline)
        {
            return outline
        }
        return WorkspaceOptions.displayPath(outlineFolder, from: folder)
    }
}
