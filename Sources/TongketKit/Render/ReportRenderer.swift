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
        var markdown = ""
        var html = ""
        try stream(parts, formats: [.markdown, .html], deferSections: false) { format, text in
            switch format {
            case .markdown: markdown += text
            case .html: html += text
            }
        }
        return RenderedDocument(baseName: parts.baseName, markdown: markdown, html: html)
    }

    /// Writes the report piece by piece to `write`, in each format; with `deferSections`, each
    /// section's contributions become nodes only when written, so that a report of every
    /// province's units never sits in memory as a whole.
    func stream(
        _ parts: Parts, formats: [DocumentFormat], deferSections: Bool, write: (DocumentFormat, String) throws -> Void
    ) throws(RenderError) {
        let markdown: String
        let page: String
        let marker = "<!--tongket-than-->"
        do {
            markdown = try templates.render(parts.template, parts.context)
            page = try templates.render(
                "trang.html", ["tieu_de_trang": parts.title, "than": marker, "nguon": parts.source, "kieu_trang": templates.styleSheet])
        } catch {
            throw RenderError(message: error.description)
        }
        guard let split = page.range(of: marker) else {
            throw RenderError(message: "\(templates.directory.path)/trang.html.mustache: lỗi: mẫu trang phải có {{{than}}}")
        }
        let deferred = deferSections ? parts.insertions.filter { $0.key.hasPrefix("muc:") } : [:]
        let tree: MarkdownTree
        do {
            tree = try MarkdownTree(markdown: markdown)
            try tree.resolve(parts.insertions.filter { deferred[$0.key] == nil }, deferring: deferred)
        } catch {
            throw RenderError(
                message: "\(templates.directory.path)/\(parts.template).mustache: lỗi: Markdown do mẫu sinh ra, \(error.description)")
        }
        let natives: [TreeFormat: [String: String]] = [
            .commonMark: parts.tables.mapValues(MarkdownTableWriter.markdown).merging(parts.natives.mapValues { _ in "" }) { a, _ in a },
            .html: parts.tables.mapValues(HTMLTableWriter.html).merging(parts.natives) { a, _ in a },
        ]
        let treeFormats = formats.map { $0 == .html ? TreeFormat.html : TreeFormat.commonMark }
        do {
            if formats.contains(.markdown) {
                try write(.markdown, "<!-- \(Self.stamp) từ \(parts.source); sửa tệp nguồn rồi chạy lại tongket. -->\n\n")
            }
            if formats.contains(.html) { try write(.html, String(page[..<split.lowerBound])) }
            try tree.stream(treeFormats, native: natives, deferred: deferred) { format, text in
                try write(format == .html ? .html : .markdown, text)
            }
            if formats.contains(.html) { try write(.html, String(page[split.upperBound...])) }
        } catch let error as RenderError {
            throw error
        } catch let error as MarkdownTreeError {
            throw RenderError(message: "\(templates.directory.path)/\(parts.template).mustache: lỗi: \(error.description)")
        } catch {
            throw RenderError(message: "\(error)")
        }
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
