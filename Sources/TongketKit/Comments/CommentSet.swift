import Foundation

/// How the drafting team handled a comment.
public enum CommentResponse: String, CaseIterable, Sendable {
    case accepted = "Tiếp thu"
    case partly = "Tiếp thu một phần"
    case explained = "Giải trình"

    public static func parse(_ word: String) -> CommentResponse? {
        let key = ReviewStatus.simplified(word)
        return allCases.first { ReviewStatus.simplified($0.rawValue) == key }
    }

    public static let choices = "tiep-thu (tiếp thu), tiep-thu-mot-phan (tiếp thu một phần), giai-trinh (giải trình)"
}

/// One comment on the draft, against an outline section (or `chung`, the draft as a whole).
public struct Comment: Sendable, Equatable {
    public var sectionKey: String
    public var text: String
    public var response: CommentResponse?
    public var explanation: String
    /// Where the comment's `muc` is, for messages about it.
    public var location: SourceLocation
}

/// The comments of one body ("Sở Tài chính"), from one file.
public struct CommentSet: Sendable, Equatable {
    public var file: String
    public var body: String
    /// The letter that carried them, "Công văn số 512/STC-HCSN ngày 12/06/2020".
    public var reference: String?
    public var comments: [Comment]

    /// The key of a comment on the draft as a whole.
    public static let general = "chung"
}

public struct LoadedComments: Sendable {
    public var set: CommentSet?
    public var diagnostics: [Diagnostic]
}

/// Reads a comments file (docs/gop-y.md) against the outline; every problem is located.
public enum CommentLoader {
    public enum Key {
        static let body = "co_quan"
        static let reference = "van_ban"
        static let comments = "y_kien"
        static let section = "muc"
        static let text = "noi_dung"
        static let response = "xu_ly"
        static let explanation = "giai_trinh"
    }

    public static func load(contentsOf url: URL, shownName: String? = nil, outline: Outline) -> LoadedComments {
        let name = shownName ?? url.path
        switch InputFile.read(url, shownName: name, what: "tệp góp ý YAML", maximumSize: SubmissionLoader.maximumSize) {
        case .success(let data): return load(data, file: name, outline: outline)
        case .failure(let diagnostic): return LoadedComments(set: nil, diagnostics: [diagnostic])
        }
    }

    public static func load(_ data: Data, file: String, outline: Outline) -> LoadedComments {
        let root: Node
        do {
            let text = try SourceText.decode(data, file: file)
            guard let node = try YAMLInput.parse(text, file: file) else {
                let start = SourceLocation(file: file, line: 1, column: 1)
                return LoadedComments(
                    set: nil, diagnostics: [Diagnostic(.error, .missingField, at: start, "tệp trống: cần 'co_quan' và 'y_kien'")])
            }
            root = node
        } catch {
            return LoadedComments(set: nil, diagnostics: [error])
        }
        var r = NodeReader(file: file)
        guard let pairs = r.mapping(root, "tệp góp ý") else {
            if r.diagnostics.isEmpty { r.report(.error, .missingField, root, "tệp trống: cần 'co_quan' và 'y_kien'") }
            return LoadedComments(set: nil, diagnostics: r.diagnostics)
        }
        r.checkKeys(pairs, allowed: [Key.body, Key.reference, Key.comments], in: "tệp góp ý")
        let fields = Fields(pairs, root)
        let body = fields.text(Key.body, &r)
        let reference = fields.optionalText(Key.reference, &r)
        var comments: [Comment] = []
        if let node = fields.node(Key.comments), let items = r.sequence(node, "'\(Key.comments)'") {
            if items.isEmpty { r.report(.error, .missingField, node, "'\(Key.comments)' chưa có ý kiến nào") }
            for item in items {
                if let comment = self.comment(item, outline: outline, &r) { comments.append(comment) }
            }
        } else if fields.node(Key.comments) == nil {
            r.report(.error, .missingField, root, "thiếu khóa '\(Key.comments)' (danh sách ý kiến)")
        }
        let set = body.map { CommentSet(file: file, body: $0, reference: reference, comments: comments) }
        return LoadedComments(set: set, diagnostics: r.diagnostics.sortedByLocation())
    }

    private static func comment(_ item: Node, outline: Outline, _ r: inout NodeReader) -> Comment? {
        guard let pairs = r.mapping(item, "mỗi ý kiến") else { return nil }
        r.checkKeys(pairs, allowed: [Key.section, Key.text, Key.response, Key.explanation], in: "một ý kiến")
        let fields = Fields(pairs, item)
        guard let key = fields.text(Key.section, &r), let text = fields.text(Key.text, &r), let sectionNode = fields.node(Key.section)
        else { return nil }
        if key != CommentSet.general && outline.section(key) == nil {
            let keys = [CommentSet.general] + outline.flattened.map(\.section.key)
            r.report(
                .warning, .unknownSection, sectionNode,
                Suggestion.message(
                    unknown: "mục '\(key)' không có trong đề cương (ý kiến được xếp vào nhóm 'Ý kiến về mục không còn trong đề cương')",
                    candidates: keys, for: key))
        }
        var response: CommentResponse?
        if let word = fields.optionalText(Key.response, &r), let node = fields.node(Key.response) {
            response = CommentResponse.parse(word)
            if response == nil { r.report(.error, .wrongType, node, "'\(Key.response)' phải là một trong: \(CommentResponse.choices)") }
        } else {
            r.report(.warning, .missingField, item, "ý kiến chưa được xử lý (chưa có '\(Key.response)')")
        }
        let explanation = fields.optionalText(Key.explanation, &r) ?? ""
        if explanation.isEmpty, response == .partly || response == .explained {
            r.report(.warning, .missingField, item, "ý kiến \(response?.rawValue.lowercased() ?? "") cần '\(Key.explanation)' nói rõ lý do")
        }
        return Comment(sectionKey: key, text: text, response: response, explanation: explanation, location: r.location(sectionNode))
    }
}
