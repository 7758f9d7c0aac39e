import CmarkDoor

/// A report rendered from one document tree to every format.
public struct RenderedDocument: Sendable {
    /// The file name without extension, "so-tu-phap", "so-tu-phap.chuyen-de".
    public var baseName: String
    public var markdown: String
    public var html: String
}

/// Why a report could not be rendered: a template problem, located.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The rendering pipeline: model → view model → Mustache (templates/) → Markdown → one cmark
/// tree with unit texts grafted in and tables as native blocks → Markdown and HTML writers.
public struct ReportRenderer: Sendable {
    public let outline: Outline
    public let templates: TemplateSet

    public init(outline: Outline, templates: TemplateSet) {
        self.outline = outline
        self.templates = templates
    }

    /// Everything one report needs besides its template.
    struct Parts {
        var template: String
        var context: [String: Any]
        var insertions: [String: Insertion]
        var tables: [String: Table]
        /// Blocks given directly as their HTML (charts); Markdown leaves them out.
        var natives: [String: String] = [:]
        var title: String
        var baseName: String
        var source: String
    }

    func render(_ parts: Parts) throws(RenderError) -> RenderedDocument {
        let markdown: String
        do {
            markdown = try templates.render(parts.template, parts.context)
        } catch {
            throw RenderError(message: error.description)
        }
        let tree: MarkdownTree
        do {
            tree = try MarkdownTree(markdown: markdown)
            try tree.resolve(parts.insertions)
        } catch {
            throw RenderError(
                message: "\(templates.directory.path)/\(parts.template).mustache: lỗi: Markdown do mẫu sinh ra, \(error.description)")
        }
        let markdownTables = parts.tables.mapValues(MarkdownTableWriter.markdown).merging(parts.natives.mapValues { _ in "" }) { a, _ in a }
        let htmlTables = parts.tables.mapValues(HTMLTableWriter.html).merging(parts.natives) { a, _ in a }
        let body = tree.render(.html, native: htmlTables)
        let page: String
        do {
            page = try templates.render(
                "trang.html",
                ["tieu_de_trang": parts.title, "than": body, "nguon": parts.source, "kieu_trang": templates.styleSheet])
        } catch {
            throw RenderError(message: error.description)
        }
        let stamp = "<!-- \(Self.stamp) từ \(parts.source); sửa tệp nguồn rồi chạy lại tongket. -->\n\n"
        return RenderedDocument(baseName: parts.baseName, markdown: stamp + tree.render(.commonMark, native: markdownTables), html: page)
    }

    /// The words every generated file starts with (Markdown) or carries (HTML), by which tongket
    /// knows it may replace the file.
    public static let stamp = "Tạo bởi tongket"

    /// Whether an existing output file was written by tongket.
    @Sendable public static func isGenerated(_ data: [UInt8]) -> Bool {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        return head.contains(stamp) || head.contains("<meta name=\"generator\" content=\"tongket\">")
    }
}
