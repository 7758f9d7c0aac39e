import Foundation
import TongketKit

/// The submissions a command reads, and what went wrong reading them.
enum SubmissionInputs {
    /// The paths given, or the bundled example.
    static func resolve(_ inputs: [String]) throws -> [String] {
        if !inputs.isEmpty { return inputs }
        return [
            try BundledFolder.locate(
                nil, bundled: "examples/thanh-hoa-2020", option: "một thư mục báo cáo", what: "thư mục ví dụ", exit: Exit.invalidInput
            ).path
        ]
    }

    /// Prints every problem found while reading; returns how many files can't be used.
    static func report(_ consolidator: Consolidator) -> Int {
        var problems = 0
        for (file, diagnostics) in consolidator.unattributed {
            for diagnostic in diagnostics { Console.error(diagnostic.description) }
            Console.error("\(file): không đưa vào tổng hợp vì không xác định được đơn vị")
            problems += 1
        }
        for (file, diagnostics) in consolidator.problems {
            for diagnostic in diagnostics { Console.error(diagnostic.description) }
            Console.error("\(file): không đưa vào tổng hợp vì tệp có lỗi")
            problems += 1
        }
        for duplicate in consolidator.duplicates {
            Console.error(duplicate.description)
            problems += 1
        }
        return problems
    }
}
