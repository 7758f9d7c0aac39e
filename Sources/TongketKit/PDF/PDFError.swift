import TongketDocument

/// Why no PDF was made. Every case leaves nothing written; `description` is the message the
/// command line prints, in Vietnamese, with what to do about it.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The engine is not installed (or the override names no program).
    case engineMissing(PDFEngine, override: String?)
    /// The engine ran and failed, or wrote no PDF; `detail` is the end of what it printed.
    case engineFailed(PDFEngine, status: Int32, detail: String)
    /// The engine did not finish within `seconds`, and was stopped.
    case timedOut(PDFEngine, seconds: Int)
    /// The engine's PDF is not one tongket can finish.
    case unreadable(PDFEngine, PDFStructureError)
    /// tongket's own working files could not be written.
    case workingFiles(FileError)

    public var description: String {
        switch self {
        case .engineMissing(let engine, let override?):
            return "tongket: lỗi: không làm được PDF: \(engine.overrideVariable ?? "")=\(override) không phải là chương trình chạy được; "
                + "sửa biến này, bỏ nó đi để tìm \(engine.displayName) trong PATH, hoặc cài gói Debian '\(engine.debianPackage)'"
        case .engineMissing(let engine, nil):
            let names = engine.commandNames.joined(separator: ", ")
            let other = engine == .chromium ? "; hoặc dùng --pdf-engine libreoffice" : ""
            let variable = engine.overrideVariable.map { ", hoặc đặt \($0) là đường dẫn tới chương trình" } ?? ""
            return "tongket: lỗi: không làm được PDF: không tìm thấy \(engine.displayName) (đã tìm \(names) trong PATH); "
                + "cài gói Debian '\(engine.debianPackage)' (sudo apt-get install \(engine.debianPackage))\(variable)\(other)"
        case .engineFailed(let engine, let status, let detail):
            let tail = detail.isEmpty ? "" : ":\n\(detail)"
            return "tongket: lỗi: \(engine.displayName) không làm được PDF (mã thoát \(status))\(tail)"
        case .timedOut(let engine, let seconds):
            return "tongket: lỗi: \(engine.displayName) chưa làm xong PDF sau \(seconds) giây nên đã bị dừng"
        case .unreadable(let engine, let problem):
            return "tongket: lỗi: tệp PDF do \(engine.displayName) làm ra không đọc được: \(problem.message)"
        case .workingFiles(let error):
            return error.description
        }
    }
}
