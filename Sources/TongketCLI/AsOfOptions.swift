import ArgumentParser
import TongketKit

/// `--as-of DATE`.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Tính đến ngày (ngày/tháng/năm).", valueName: "ngày"))
    var asOf: String?

    var date: SimpleDate? { asOf.flatMap(VietnameseDate.parse) }

    func check() throws {
        if let asOf, VietnameseDate.parse(asOf) == nil {
            throw ValidationError("--as-of phải là một ngày có thật, dạng ngày/tháng/năm như 20/06/2020, nhưng gặp '\(asOf)'")
        }
    }
}
