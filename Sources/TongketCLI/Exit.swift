import ArgumentParser
import TongketKit

/// Exit codes, documented in docs/dong-lenh.md and in `tongket --help`.
enum Exit {
    static let invalidInput = ExitCode(1)
    static let invalidOutline = ExitCode(2)
    static let outputFailed = ExitCode(3)
    static let invalidTemplates = ExitCode(4)
    /// No PDF: the engine is not installed, failed, or made a file tongket cannot finish.
    static let pdfFailed = ExitCode(5)
    /// The command was used wrongly: what it needs was not named (the same code as the argument
    /// parser's own usage errors), or the working folder's tongket.yaml is wrong.
    static let usage = ExitCode(64)

    /// The code for a report that could not be rendered: PDF, writing, or else the templates.
    static func code(for error: RenderError) -> ExitCode {
        if error.pdf != nil { return pdfFailed }
        return error.output == nil ? invalidTemplates : outputFailed
    }
}
