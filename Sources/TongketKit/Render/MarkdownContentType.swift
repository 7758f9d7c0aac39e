import Mustache
import TongketDocument

/// `{{% CONTENT_TYPE: MARKDOWN}}`: values are escaped so that a name or title stays text.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    static func registerOnce() { _ = registration }
}
