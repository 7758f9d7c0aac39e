import CmarkDoor
import Foundation

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
        let prepared = try prepare(parts, deferSections: deferSections)
        for format in formats {
            try emit(prepared, format: format) { try write(format, $0) }
        }
    }

    /// The same, each format on its own core: the formats share nothing but the prepared parts,
    /// and each has its own tree, so the Markdown renderer (the slower one) and the HTML one run
    /// side by side. `sinks[format]` is called from that format's thread only.
    func streamConcurrently(
        _ parts: Parts, sinks: [DocumentFormat: @Sendable (String) throws -> Void], deferSections: Bool
    ) throws(RenderError) {
        let prepared = try prepare(parts, deferSections: deferSections)
        let formats = DocumentFormat.allCases.filter { sinks[$0] != nil }
        let failures = FailureSlots(count: formats.count)
        DispatchQueue.concurrentPerform(iterations: formats.count) { index in
            let format = formats[index]
            guard let sink = sinks[format] else { return }
            do throws(RenderError) {
                try emit(prepared, format: format, write: sink)
            } catch {
                failures.set(index, error)
            }
        }
        if let failure = failures.first { throw failure }
    }

    /// What every format of one report shares: the template's Markdown, the page around the
    /// body, the insertions and the natively rendered blocks.
    struct Prepared: Sendable {
        var template: String
        var markdown: String
        var pageHead: String
        var pageTail: String
        var stampLine: String
        var immediate: [String: Insertion]
        var deferred: [String: Insertion]
        var natives: [TreeFormat: [String: String]]
    }

    func prepare(_ parts: Parts, deferSections: Bool) throws(RenderError) -> Prepared {
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
        return Prepared(
            template: parts.template, markdown: markdown, pageHead: String(page[..<split.lowerBound]),
            pageTail: String(page[split.upperBound...]),
            stampLine: "<!-- \(Self.stamp) từ \(parts.source); sửa tệp nguồn rồi chạy lại tongket. -->\n\n",
            immediate: parts.insertions.filter { deferred[$0.key] == nil }, deferred: deferred,
            natives: [
                .commonMark: parts.tables.mapValues(MarkdownTableWriter.markdown).merging(parts.natives.mapValues { _ in "" }) { a, _ in a
                },
                .html: parts.tables.mapValues(HTMLTableWriter.html).merging(parts.natives) { a, _ in a },
            ])
    }

    /// One format of a prepared report, from a tree of its own.
    func emit(_ prepared: Prepared, format: DocumentFormat, write: (String) throws -> Void) throws(RenderError) {
        let location = "\(templates.directory.path)/\(prepared.template).mustache: lỗi:"
        let tree: MarkdownTree
        do {
            tree = try MarkdownTree(markdown: prepared.markdown)
            try tree.resolve(prepared.immediate, deferring: prepared.deferred)
        } catch {
            throw RenderError(message: "\(location) Markdown do mẫu sinh ra, \(error.description)")
        }
        let treeFormat: TreeFormat = format == .html ? .html : .commonMark
        do {
            try write(format == .html ? prepared.pageHead : prepared.stampLine)
            try tree.stream([treeFormat], native: prepared.natives, deferred: prepared.deferred) { _, text in try write(text) }
            if format == .html { try write(prepared.pageTail) }
        } catch let error as MarkdownTreeError {
            throw RenderError(message: "\(location) \(error.description)")
        } catch let error as RenderError {
            throw error
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

/// The first error of concurrently rendered formats.
private final class FailureSlots: @unchecked Sendable {
    private var errors: [RenderError?]
    private let lock = NSLock()

    init(count: Int) { errors = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ error: RenderError) {
        lock.lock()
        errors[index] = error
        lock.unlock()
    }

    var first: RenderError? { errors.compactMap { $0 }.first }
}
