import ArgumentParser
import TongketKit

/// `--as-of DATE`.
struct AsOfOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Tính đến ngày (ngày/tháng/năm; mặc định: ngày ghi trong thư mục làm việc nếu có).", valueName: "ngày"))
    var asOf: String?

    /// The date named, or the working folder's. A date that is not one is a usage error whose
    /// example is `example`, a date of the review itself (its deadline), so that a 2025 review
    /// is never shown a 2020 date.
    func date(in workspace: Workspace?, example: SimpleDate) throws -> SimpleDate? {
        guard let asOf else { return workspace?.asOf }
        guard let date = VietnameseDate.parse(asOf) else {
            throw ValidationError("--as-of phải là một ngày có thật, dạng ngày/tháng/năm như \(example), nhưng gặp '\(asOf)'")
        }
        return date
    }
}
