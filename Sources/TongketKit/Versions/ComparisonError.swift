/// Why a side of a comparison could not be read; `description` is the message the command line prints.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The report has no round `round`; `recorded` lists those it has.
    case unknownRound(report: String, round: Int, recorded: [Int])
    /// The Markdown file of a side is missing or unreadable (a version recorded without `.md`).
    case unreadable(path: String)

    /// The message the command line prints.
    public var description: String {
        switch self {
        case .unknownRound(let report, let round, let recorded):
            return "tongket: lỗi: '\(report)' không có lần \(round) (có: \(recorded.map(String.init).joined(separator: ", ")))"
        case .unreadable(let path):
            return "\(path): lỗi: không đọc được tệp Markdown để so sánh (phiên bản cần có tệp .md)"
        }
    }
}
