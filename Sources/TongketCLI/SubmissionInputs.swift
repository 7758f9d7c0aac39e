import Foundation
import TongketKit

/// The submissions a command reads, and what went wrong reading them.
enum SubmissionInputs {
    /// What a command reads from: submissions or comments.
    enum Kind {
        case submissions, comments

        var example: String { self == .submissions ? "tongket status bao-cao/" : "tongket comments gop-y/" }
        var what: String { self == .submissions ? "tệp hay thư mục báo cáo" : "tệp hay thư mục góp ý" }
    }

    /// The paths given, or the working folder's folder of that kind. Outside a working folder a
    /// command given nothing stops (exit 64) and reads nothing: the bundled examples are read
    /// only when named, so that a forgotten argument never brings in another review's data.
    static func resolve(_ inputs: [String], _ kind: Kind = .submissions, in workspace: Workspace?) throws -> [String] {
        if !inputs.isEmpty { return inputs }
        if let workspace {
            let folder = kind == .submissions ? workspace.submissions : workspace.comments
            return [WorkspaceOptions.displayPath(folder)]
        }
        let examples = ResourceLocator.find("examples").map { " (ví dụ đi kèm: \($0.path))" } ?? ""
        Console.error(
            "tongket: lỗi: chưa chỉ \(kind.what) nào: ghi sau lệnh (như \(kind.example)), hoặc chạy lệnh trong thư mục "
                + "làm việc tạo bằng 'tongket init' (hay với -C thư-mục). Ví dụ đi kèm chỉ được đọc khi ghi rõ\(examples).")
        throw Exit.usage
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
        for problem in consolidator.misplaced {
            Console.error(problem.description)
            problems += 1
        }
        for duplicate in consolidator.duplicates {
            Console.error(duplicate.description)
            problems += 1
        }
        return problems
    }
}
