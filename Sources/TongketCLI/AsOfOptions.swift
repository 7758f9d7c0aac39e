import ArgumentParser
import TongketKit

/// `--as-of DATE`.
struct AsOfOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Tính đến ngày (ngày/tháng/năm; mặc định: ngày ghi trong thư mục làm việc nếu có).", valueName: "ngày"))
    var asOf: String?

    /// The date named, or the working folder's.
    func date(in workspace: Workspace?) -> SimpleDate? { asOf.flatMap(VietnameseDate.parse) ?? workspace?.asOf }

    func check() throws {
        if let asOf, VietnameseDate.parse(asOf) == nil {
            throw ValidationError("--as-of phải là một ngày có thật, dạng ngày/tháng/năm như 20/06/2020, nhưng gặp '\(asOf)'")
        }
    }
}
