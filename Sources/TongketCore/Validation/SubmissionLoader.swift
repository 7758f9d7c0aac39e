import Foundation

/// Reads and checks one unit's submission against the outline.
public enum SubmissionLoader {
    /// The top-level keys of a submission file.
    public enum Key {
        public static let unit = "don_vi"
        /// Instead of `don_vi`: the drafting body's own text for the consolidated report.
        public static let draftingText = "tong_hop"
        public static let report = "bao_cao"
        public static let signer = "nguoi_ky"
        public static let recipients = "noi_nhan"
        public static let sections = "noi_dung"
        public static let thematic = "chuyen_de"
        public static let figures = "phu_luc"
        public static let commendations = "khen_thuong"
        /// Figures of the units the unit was formed from, for the years before it existed.
        public static let predecessorFigures = "so_lieu_don_vi_cu"
        /// What a report rolled up by `consolidate --for` was made from (`RollUp`).
        public static let rollUp = "tong_hop_tu"
        public static let all = [
            unit, draftingText, report, signer, recipients, sections, thematic, figures, predecessorFigures, commendations, rollUp,
        ]
    }

    /// Reads the file at `url`; `shownName` is how messages name it (the path the user typed).
    public static func load(contentsOf url: URL, shownName: String? = nil, outline: Outline) -> LoadedSubmission {
        let name = shownName ?? url.path
        do {
            return load(try InputFile.data(url, shownName: name, what: "tệp báo cáo YAML"), file: name, outline: outline)
        } catch {
            return LoadedSubmission(submission: nil, diagnostics: [error])
        }
    }

    /// Reads a submission from bytes.
    public static func load(_ data: Data, file: String, outline: Outline) -> LoadedSubmission {
        let root: Node
        do {
            root = try InputFile.yaml(
                data, file: file,
                whenEmpty: .init("tệp trống: cần ít nhất khóa 'don_vi' và 'noi_dung' (dùng 'tongket skeleton --unit MÃ' để có tệp mẫu)"))
        } catch {
            return LoadedSubmission(submission: nil, diagnostics: [error])
        }
        var checker = SubmissionChecker(outline: outline, reader: NodeReader(file: file, exampleDate: outline.programme.exampleDate))
        let submission = checker.check(root)
        return LoadedSubmission(submission: submission, diagnostics: checker.reader.diagnostics.sortedByLocation())
    }
}
