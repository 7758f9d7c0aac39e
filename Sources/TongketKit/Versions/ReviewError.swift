import TongketCore
import TongketDocument

/// Why a review recorded nothing. Each case carries what its message names, so that a front end
/// (and a test) can tell the refusals apart; `description` is the message the command line prints.
public enum ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The recorded history fails `VersionStore.verify()`: a version added to a broken chain would
    /// vouch for what can no longer be trusted.
    case damagedHistory(report: String, problems: [VersionProblem])
    /// None of the report's outputs (`.md`, `.html`, `.docx`) is in `directory` (as the user named it).
    case noOutputs(report: String, directory: String)
    /// An output that tongket did not render: only tongket's own results are recorded.
    case foreignOutput(path: String)
    /// A final version still carries a "DỰ THẢO LẦN N" mark.
    case finalWithDraftMark(path: String)
    /// The output's draft mark names round `marked`, but the version about to be recorded is `round`.
    case wrongDraftMark(path: String, marked: Int, round: Int)
    /// The outputs are byte for byte those of round `since`: a version would record nothing new.
    case unchanged(since: Int)
    /// An output could not be read or the version could not be written; the history is as it was.
    case notRecorded(FileError)

    /// Whether the user can mend this by rebuilding or choosing other outputs; otherwise the
    /// machine failed (a full disk, a permission), which the command line reports with another code.
    public var isRefusal: Bool {
        if case .notRecorded = self { return false }
        return true
    }

    /// The message the command line prints; a damaged history lists each problem on its own line
    /// before the conclusion.
    public var description: String {
        switch self {
        case .damagedHistory(let report, let problems):
            let summary =
                "tongket: lỗi: lịch sử phiên bản của '\(report)' bị hỏng; không ghi thêm phiên bản (xem 'tongket versions --verify')"
            return (problems.map(\.description) + [summary]).joined(separator: "\n")
        case .noOutputs(let report, let directory):
            return "tongket: lỗi: không có tệp kết quả \(report).md, .html hay .docx trong \(directory); "
                + "chạy 'tongket consolidate' hoặc 'tongket render' trước"
        case .foreignOutput(let path):
            return "\(path): lỗi: tệp không do tongket tạo ra; chỉ ghi phiên bản của kết quả do tongket dựng"
        case .finalWithDraftMark(let path):
            return "\(path): lỗi: bản hoàn thiện không được mang dấu DỰ THẢO; dựng lại với --final rồi ghi"
        case .wrongDraftMark(let path, let marked, let round):
            return "\(path): lỗi: kết quả mang dấu 'DỰ THẢO LẦN \(marked)' nhưng phiên bản sắp ghi là lần \(round); "
                + "dựng lại báo cáo để dấu khớp lần"
        case .unchanged(let since):
            return "tongket: lỗi: kết quả không thay đổi so với lần \(since); không ghi phiên bản trùng"
        case .notRecorded(let error):
            return error.description
        }
    }
}
