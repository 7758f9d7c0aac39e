/// How serious a problem is; `--strict` treats warnings as errors.
public enum Severity: String, Equatable, Sendable {
    case error
    case warning

    /// The word printed before the message, as compilers print `error:`.
    public var label: String {
        switch self {
        case .error: return "lỗi"
        case .warning: return "cảnh báo"
        }
    }
}
