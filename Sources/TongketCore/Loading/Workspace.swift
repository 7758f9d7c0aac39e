import Foundation

/// A working folder for one review, made by `tongket init`: a `tongket.yaml` that names the
/// outline and the folders of submissions, comments and outputs. Every command run inside it
/// takes its inputs from it, so that a clerk never reads another review's data by leaving out
/// an argument, and the bundled examples are read only when named.
public struct Workspace: Sendable, Equatable {
    /// The file that marks a working folder.
    public static let fileName = "tongket.yaml"

    /// The keys of `tongket.yaml`.
    public enum Key {
        public static let outline = "de_cuong"
        public static let submissions = "bao_cao"
        public static let comments = "gop_y"
        public static let output = "ket_qua"
        public static let templates = "mau"
        public static let asOf = "tinh_den_ngay"
        static let all = [outline, submissions, comments, output, templates, asOf]
    }

    /// The folders a new working folder gets, by key, when `tongket.yaml` names none.
    public static let defaultFolders = [Key.submissions: "bao-cao", Key.comments: "gop-y", Key.output: "ket-qua"]

    /// The `tongket.yaml` read.
    public let file: URL
    /// The outline as written: a bundled outline's id or a folder (relative to the working folder).
    public let outline: String
    public let submissions: URL
    public let comments: URL
    public let output: URL
    /// Templates of the province's own, when it has them; the bundled ones otherwise.
    public let templates: URL?
    /// The date status and consolidation count to, when the review fixes one.
    public let asOf: SimpleDate?

    /// The working folder itself.
    public var folder: URL { file.deletingLastPathComponent() }

    /// The `tongket.yaml` in `directory` or the nearest folder above it, as git finds its
    /// repository: a command run in `bao-cao/` belongs to the review above it.
    public static func find(from directory: URL) -> URL? {
        var folder = directory.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Reads `file`, reporting every problem at its line and column under `shownName`.
    public static func load(_ file: URL, shownName: String) throws(WorkspaceError) -> Workspace {
        let root: Node
        do {
            root = try InputFile.yaml(
                file, shownName: shownName, what: "tệp thư mục làm việc",
                whenEmpty: .init("tệp \(fileName) trống: cần ít nhất '\(Key.outline): <đề cương>'"))
        } catch {
            throw WorkspaceError(diagnostics: [error])
        }
        // No outline is known yet: a date's example is today's, not some programme's.
        var r = NodeReader(file: shownName, exampleDate: SimpleDate.today().description)
        guard let pairs = r.mapping(root, "tệp \(fileName)") else { throw WorkspaceError(diagnostics: r.diagnostics) }
        r.checkKeys(pairs, allowed: Key.all, in: "tệp \(fileName)")
        let fields = Fields(pairs, root)
        let folder = file.deletingLastPathComponent()
        func place(_ key: String) -> URL {
            let written = fields.optionalText(key, &r) ?? defaultFolders[key] ?? key
            return URL(fileURLWithPath: written, relativeTo: folder).standardizedFileURL
        }
        let outline = fields.text(Key.outline, &r)
        let submissions = place(Key.submissions)
        let comments = place(Key.comments)
        let output = place(Key.output)
        let templates = fields.optionalText(Key.templates, &r).map {
            URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL
        }
        let asOf = fields.node(Key.asOf).flatMap { NodeReader.isNull($0) ? nil : fields.date(Key.asOf, &r) }
        guard let outline, !r.diagnostics.hasErrors() else { throw WorkspaceError(diagnostics: r.diagnostics) }
        return Workspace(
            file: file, outline: outline, submissions: submissions, comments: comments, output: output, templates: templates,
            asOf: asOf)
    }

    /// The `tongket.yaml` that `tongket init` writes: every key present, with a word on each, so
    /// the clerk who opens it sees what can be changed.
    /// `example` is the date shown in the commented-out as-of line: the outline's own deadline.
    public static func text(outline: String, asOf: SimpleDate?, example: SimpleDate) -> String {
        let date = asOf.map { "\(Key.asOf): \(YAMLText.quoted($0.description))" } ?? "# \(Key.asOf): \"\(example)\""
        return """
            # Thư mục làm việc của tongket cho một đợt báo cáo. Mọi lệnh tongket chạy trong thư mục này
            # (hoặc với -C thư-mục) lấy đề cương, báo cáo, góp ý và nơi ghi kết quả từ đây.
            # Đường dẫn tương đối tính từ thư mục chứa tệp này.

            # Đề cương: mã một đề cương đi kèm tongket (xem 'tongket outline --list') hoặc một thư mục.
            \(Key.outline): \(YAMLText.quoted(outline))
            # Báo cáo của các đơn vị (.yaml).
            \(Key.submissions): \(defaultFolders[Key.submissions] ?? "")
            # Góp ý dự thảo (.yaml).
            \(Key.comments): \(defaultFolders[Key.comments] ?? "")
            # Nơi ghi kết quả: mẫu cho đơn vị, báo cáo đã dựng, dự thảo tổng hợp, phiên bản.
            \(Key.output): \(defaultFolders[Key.output] ?? "")
            # Thư mục mẫu riêng của tỉnh (bỏ trống: dùng mẫu đi kèm tongket).
            # \(Key.templates): mau
            # Tính đến ngày (cho status và consolidate; bỏ trống: hôm nay với status, hạn tổng hợp với consolidate).
            \(date)

            """
    }
}

/// `tongket.yaml` could not be used; every problem found is listed.
public struct WorkspaceError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
