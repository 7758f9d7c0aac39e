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
        if let given = given(inputs, kind, in: workspace) { return given }
        let examples = ResourceLocator.find("examples").map { " (ví dụ đi kèm: \($0.path))" } ?? ""
        Console.error(
            "tongket: lỗi: chưa chỉ \(kind.what) nào: ghi sau lệnh (như \(kind.example)), hoặc chạy lệnh trong thư mục "
                + "làm việc tạo bằng 'tongket init' (hay với -C thư-mục). Ví dụ đi kèm chỉ được đọc khi ghi rõ\(examples).")
        throw Exit.usage
    }

    /// What `resolve` returns, or nil where it would fail, without a word.
    static func given(_ inputs: [String], _ kind: Kind = .submissions, in workspace: Workspace?) -> [String]? {
        if !inputs.isEmpty { return inputs }
        guard let workspace else { return nil }
        return [WorkspaceOptions.displayPath(kind == .submissions ? workspace.submissions : workspace.comments)]
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
