import Foundation

/// A submission as read, with every problem found in it. The submission is there whenever the
/// file could be parsed and names a known unit, even if it has errors, so that `validate` can
/// say everything at once; callers that merge reports use it only when `isValid`.
public struct LoadedSubmission: Sendable {
    public var submission: Submission?
    public var diagnostics: [Diagnostic]

    public func isValid(strict: Bool = false) -> Bool { submission != nil && !diagnostics.hasErrors(strict: strict) }
}

/// Reads and checks one unit's submission against the outline.
public enum SubmissionLoader {
    /// The top-level keys of a submission file.
    public enum Key {
        public static let unit = "don_vi"
        public static let report = "bao_cao"
        public static let signer = "nguoi_ky"
        public static let recipients = "noi_nhan"
        public static let sections = "noi_dung"
        public static let thematic = "chuyen_de"
        public static let figures = "phu_luc"
        public static let commendations = "khen_thuong"
        public static let all = [unit, report, signer, recipients, sections, thematic, figures, commendations]
    }

    /// The largest file accepted as one unit's report (a long report is well under 1 MB).
    public static let maximumSize: Int64 = 64 << 20

    /// Reads the file at `url`; `shownName` is how messages name it (the path the user typed).
    public static func load(contentsOf url: URL, shownName: String? = nil, outline: Outline) -> LoadedSubmission {
        let name = shownName ?? url.path
        switch InputFile.read(url, shownName: name, what: "tệp báo cáo YAML", maximumSize: maximumSize) {
        case .success(let data): return load(data, file: name, outline: outline)
        case .failure(let diagnostic): return LoadedSubmission(submission: nil, diagnostics: [diagnostic])
        }
    }

    /// Reads a submission from bytes.
    public static func load(_ data: Data, file: String, outline: Outline) -> LoadedSubmission {
        let root: Node
        do {
            root = try YAMLInput.document(
                data, file: file,
                whenEmpty: "tệp trống: cần ít nhất khóa 'don_vi' và 'noi_dung' (dùng 'tongket skeleton --unit MÃ' để có tệp mẫu)")
        } catch {
            return LoadedSubmission(submission: nil, diagnostics: [error])
        }
        var checker = SubmissionChecker(outline: outline, reader: NodeReader(file: file))
        let submission = checker.check(root)
        return LoadedSubmission(submission: submission, diagnostics: checker.reader.diagnostics.sortedByLocation())
    }

    private static func failure(_ file: String, _ kind: DiagnosticKind, _ message: String) -> LoadedSubmission {
        LoadedSubmission(
            submission: nil, diagnostics: [Diagnostic(.error, kind, at: SourceLocation(file: file, line: 1, column: 1), message)])
    }
}
