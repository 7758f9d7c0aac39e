import Foundation
import TongketKit

/// What reading one upload gave: the submission when it could be read, and every diagnostic.
public struct SubmissionCheck: Sendable {
    public var submission: Submission?
    public var diagnostics: [WebDiagnostic]

    /// Valid: read whole, of the right unit, without errors (warnings allowed).
    public var isValid: Bool { submission != nil && !diagnostics.contains(where: \.isError) }

    public var errorCount: Int { diagnostics.filter(\.isError).count }
    public var warningCount: Int { diagnostics.count - errorCount }

    /// Reads `files` (a YAML file, or a unit's Word and Excel forms) as `unit`'s submission, laid
    /// out where a draft reads them too, so that what one reading of a YAML file leaves in `cache`
    /// serves the others.
    static func read(_ files: [UploadFile], unit: String, outline: Outline, services: WebServices) throws -> SubmissionCheck {
        let staged = try services.staged(files.map { (unit, $0) })
        let cache = services.submissionCache()
        let entries = SubmissionSources.load(staged.paths, outline: outline, cache: cache)
        services.log(cache.warnings)
        var diagnostics = entries.flatMap { entry in entry.loaded.diagnostics.map { WebDiagnostic($0, rename: staged.rename) } }
        let first = files.first?.name ?? "tep"
        let yaml = files.filter { !FormSubmission.isForm($0.name) }
        let forms = files.filter { FormSubmission.isForm($0.name) }
        if !yaml.isEmpty && !forms.isEmpty || yaml.count > 1 {
            diagnostics.insert(
                WebDiagnostic(
                    file: first,
                    message: "Mỗi lần nộp chỉ gồm một tệp YAML, hoặc tệp Word (.nhap.docx) và biểu Excel (.bieu.xlsx) của đơn vị; "
                        + "lần này có: \(files.map(\.name).joined(separator: ", "))."), at: 0)
            return SubmissionCheck(submission: nil, diagnostics: diagnostics)
        }
        let readable = entries.compactMap(\.loaded.submission)
        if entries.count != 1 {
            if diagnostics.isEmpty || entries.count > 1 {
                diagnostics.insert(
                    WebDiagnostic(file: first, message: "Các tệp không cùng là báo cáo của một đơn vị, hoặc không đọc được tệp nào."),
                    at: 0)
            }
            return SubmissionCheck(submission: nil, diagnostics: diagnostics)
        }
        guard let submission = readable.first else { return SubmissionCheck(submission: nil, diagnostics: diagnostics) }
        if submission.unitID != unit {
            let name = outline.unit(submission.unitID)?.name ?? submission.unitID
            diagnostics.insert(
                WebDiagnostic(
                    file: first,
                    message: "Tệp này là báo cáo của đơn vị '\(submission.unitID)' (\(name)), không phải của đơn vị '\(unit)': "
                        + "hãy nộp đúng báo cáo của đơn vị mình."), at: 0)
            return SubmissionCheck(submission: nil, diagnostics: diagnostics)
        }
        return SubmissionCheck(submission: submission, diagnostics: diagnostics)
    }
}
