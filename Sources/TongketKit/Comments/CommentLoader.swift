import Foundation
import TongketCore
import TongketDocument

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
        do {
            return load(try InputFile.data(url, shownName: name, what: "tệp góp ý YAML"), file: name, outline: outline)
        } catch {
            return LoadedComments(set: nil, diagnostics: [error])
        }
    }

    public static func load(_ data: Data, file: String, outline: Outline) -> LoadedComments {
        let root: Node
        do {
            root = try InputFile.yaml(data, file: file, whenEmpty: .init("tệp trống: cần 'co_quan' và 'y_kien'"))
        } catch {
            return LoadedComments(set: nil, diagnostics: [error])
        }
        var r = NodeReader(file: file, exampleDate: outline.programme.exampleDate)
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
