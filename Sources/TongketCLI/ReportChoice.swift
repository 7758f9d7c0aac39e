import ArgumentParser
import Foundation
import TongketKit

/// `-o` and `--report`: which report's outputs and versions, shared by review, versions and diff.
struct ReportChoice: ParsableArguments {
    @Option(
        name: .short,
        help: ArgumentHelp(
            "Thư mục chứa tệp kết quả của báo cáo (mặc định: thư mục kết quả của thư mục làm việc, không thì thư mục hiện tại).",
            valueName: "thư-mục"))
    var output: String?
    @Option(help: ArgumentHelp("Tên báo cáo: bao-cao-tong-hop (mặc định) hoặc mã đơn vị như so-tu-phap.", valueName: "tên"))
    var report: String = "bao-cao-tong-hop"

    /// The output folder as given, the working folder's, or ".".
    var folder: String { output ?? "." }

    var store: VersionStore { VersionStore(directory: URL(fileURLWithPath: folder), report: report) }

    /// Takes the working folder's output folder when `-o` was not given.
    mutating func adopt(_ workspace: Workspace?) {
        if output == nil, let workspace { output = WorkspaceOptions.displayPath(workspace.output) }
    }

    /// The report's name becomes a folder under phien-ban/: the library says which names may.
    func validate() throws {
        if !VersionStore.isReportName(report) {
            throw ValidationError(
                "--report phải là tên tệp kết quả không có phần mở rộng, như bao-cao-tong-hop hay so-tu-phap, nhưng gặp '\(report)'")
        }
    }
}
