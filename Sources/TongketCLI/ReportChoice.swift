import ArgumentParser
import Foundation
import TongketKit

/// `-o` and `--report`: which report's outputs and versions, shared by review, versions and diff.
struct ReportChoice: ParsableArguments {
    @Option(name: .short, help: ArgumentHelp("Thư mục chứa tệp kết quả của báo cáo (mặc định: thư mục hiện tại).", valueName: "thư-mục"))
    var output: String = "."
    @Option(help: ArgumentHelp("Tên báo cáo: bao-cao-tong-hop (mặc định) hoặc mã đơn vị như so-tu-phap.", valueName: "tên"))
    var report: String = "bao-cao-tong-hop"

    var store: VersionStore { VersionStore(directory: URL(fileURLWithPath: output), report: report) }

    /// The report's name becomes a folder under phien-ban/: the library says which names may.
    func validate() throws {
        if !VersionStore.isReportName(report) {
            throw ValidationError(
                "--report phải là tên tệp kết quả không có phần mở rộng, như bao-cao-tong-hop hay so-tu-phap, nhưng gặp '\(report)'")
        }
    }
}
