import Foundation

/// Progress on stderr, only when stderr is a terminal (never in logs or pipes).
enum Progress {
    static func reporter(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        return { done, total in
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)\(done == total ? "\n" : "")".utf8))
        }
    }
}
