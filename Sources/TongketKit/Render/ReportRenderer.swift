import CmarkDoor
import Foundation
import TongketCore
import TongketDocument

/// The rendering pipeline: model → view model → Mustache (templates/) → Markdown → one cmark
/// tree with unit texts grafted in and tables as native blocks → Markdown and HTML writers.
public struct ReportRenderer: Sendable {
    public let outline: Outline
    public let templates: TemplateSet
    /// The engine that prints PDF when `.pdf` is among the formats; asking for PDF without one is
    /// an error, so that a run never writes the other formats and quietly leaves PDF out.
    public var printer: PDFPrinter?

    public init(outline: Outline, templates: TemplateSet, printer: PDFPrinter? = nil) {
        self.outline = outline
        self.templates = templates
        self.printer = printer
    }

    /// The same templates and PDF engine for another outline (a unit's scope of it): the templates
    /// are read once for every level of a consolidation.
    public func rendering(_ other: Outline) -> ReportRenderer { ReportRenderer(outline: other, templates: templates, printer: printer) }

    /// Everything one report needs besides its template.
    struct Parts: Sendable {
        var template: String
        var context: any TemplateView
        var insertions: [InsertionKey: Insertion]
        var tables: [InsertionKey: Table]
        /// Charts: SVG in HTML, a native chart in DOCX; Markdown leaves them out.
        var charts: [InsertionKey: Chart] = [:]
        var title: String
        var baseName: String
        var source: String
        /// The PDF's title, author, subject, keywords and date.
        var info: PDFDocumentInfo
        /// Sections kept from an earlier run (`DraftPieceCache`).
        var pieces: (any PieceStore)? = nil
    }

    func render(_ parts: Parts, formats: [DocumentFormat]) throws(RenderError) -> RenderedDocument {
        try render([parts], formats: formats)[0]
    }

    /// Several reports (a unit's and its thematic report) made together over both cores: each
    /// prepared side by side, then every format of every report from a tree of its own, Word's
    /// (the longest) first, so that neither core waits while the other has work. What goes
    /// wrong is reported as when they were made in turn: the first report's problem first, and
    /// in a report the text formats' before Word's.
    func render(_ all: [Parts], formats: [DocumentFormat]) throws(RenderError) -> [RenderedDocument] {
        var jobs: [PDFJob?] = []
        for _ in all { jobs.append(try pdfJob(formats)) }
        // PDF reads the HTML page (its bookmarks always, its pages with Chromium) or the Word document.
        let made = jobs.map { job in formats + (job.map { [.html, $0.source == .docx ? .docx : .html] } ?? []) }
        let preparing = Slots<Result<Prepared, RenderError>>(count: all.count)
        DispatchQueue.concurrentPerform(iterations: all.count) { index in
            preparing.set(index, Result { () throws(RenderError) in try prepare(all[index], deferSections: false) })
        }
        var ready: [Prepared] = []
        for result in preparing.all {
            guard let result else { throw RenderError(message: "tongket: lỗi: một báo cáo không được dựng") }
            ready.append(try result.get())
        }
        let prepared = ready
        let tasks =
            all.indices.filter { made[$0].contains(.docx) }.map { (report: $0, word: true) }
            + all.indices.map { (report: $0, word: false) }
        let texts = Slots<[DocumentFormat: String]>(count: all.count)
        let words = Slots<Data>(count: all.count)
        let failures = Slots<RenderError>(count: all.count * 2)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
            let (report, word) = tasks[index]
            do throws(RenderError) {
                if word {
                    words.set(report, try emitDOCX(prepared[report], spillDirectory: nil))
                } else {
                    var textual: [DocumentFormat: String] = [:]
                    for format in [DocumentFormat.markdown, .html] where made[report].contains(format) {
                        var bytes: [UInt8] = []
                        try emit(prepared[report], format: format) { bytes += $0 }
                        textual[format] = String(decoding: bytes, as: UTF8.self)
                    }
                    texts.set(report, textual)
                }
            } catch {
                failures.set(report * 2 + (word ? 1 : 0), error)
            }
        }
        if let failure = failures.first { throw failure }
        let textsMade = texts.all
        let wordsMade = words.all
        var documents: [RenderedDocument] = []
        for (index, parts) in all.enumerated() {
            let html = textsMade[index]?[.html] ?? ""
            var document = RenderedDocument(
                baseName: parts.baseName, markdown: textsMade[index]?[.markdown] ?? "", html: html, docx: wordsMade[index])
            if let job = jobs[index] {
                let docx = wordsMade[index]
                job.readHTML(html)
                try pdfStep { () throws(FileError) in try job.writeSource(job.source == .html ? Data(html.utf8) : docx ?? Data()) }
                document.pdf = try finishPDF(job, info: prepared[index].info)
            }
            documents.append(document)
        }
        return documents
    }

    /// Writes the report piece by piece to `write`, in each text format; with `deferSections`,
    /// each section's contributions become nodes only when written, so that a report of every
    /// province's units never sits in memory as a whole.
    func stream(
        _ parts: Parts, formats: [DocumentFormat], deferSections: Bool, write: (DocumentFormat, String) throws -> Void
    ) throws(RenderError) {
        let prepared = try prepare(parts, deferSections: deferSections)
        for format in formats where format.isText {
            try emit(prepared, format: format) { try write(format, String(decoding: $0, as: UTF8.self)) }
        }
    }

    /// The same, each format on its own thread: the formats share nothing but the prepared parts,
    /// and each has its own tree, so the Markdown renderer (the slower one) and the HTML one run
    /// side by side. `sinks[format]` is called by one thread at a time: that format's, or its
    /// workers in turn (`OrderedGate`).
    func streamConcurrently(_ parts: Parts, sinks given: ReportSinks, deferSections: Bool) throws(RenderError) {
        let prepared = try prepare(parts, deferSections: deferSections)
        let job = given.pdf == nil ? nil : try pdfJob([.pdf])
        let sinks = job.map { feeding(given, to: $0) } ?? given
        // The slowest format first (Word, then Markdown), so that on two cores the longest work
        // never waits for a shorter one to finish.
        let formats = [DocumentFormat.docx, .markdown, .html].filter { $0 == .docx ? sinks.docx != nil : sinks.text[$0] != nil }
        let failures = Slots<RenderError>(count: formats.count)
        // Threads of their own, so that the Markdown workers and the Word body's compression,
        // which spread over the cores in turn, get them all (`OwnThreads`).
        OwnThreads.perform(formats.count) { index in
            let format = formats[index]
            do throws(RenderError) {
                if format == .docx, let docx = sinks.docx {
                    let data = try emitDOCX(prepared, spillDirectory: docx.spillDirectory)
                    do throws(FileError) { try docx.write(data) } catch { throw RenderError(message: error.description, output: error) }
                } else if let sink = sinks.text[format] {
                    try emit(prepared, format: format, write: sink)
                }
            } catch {
                failures.set(index, error)
            }
        }
        if let failure = failures.first { throw failure }
        if let job, let sink = sinks.pdf {
            let pdf = try finishPDF(job, info: prepared.info)
            try pdfStep { () throws(FileError) in try sink.write(pdf) }
        }
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
        var tables: [String: Table]
        var charts: [String: Chart]
        var title: String
        var info: PDFDocumentInfo
        var pieces: (any PieceStore)?
    }

    func prepare(_ parts: Parts, deferSections: Bool) throws(RenderError) -> Prepared {
        let marker = "<!--tongket-than-->"
        // The door and the writers name blocks by the marker's text.
        let insertions = Dictionary(uniqueKeysWithValues: parts.insertions.map { ($0.key.marker, $0.value) })
        let tables = Dictionary(uniqueKeysWithValues: parts.tables.map { ($0.key.marker, $0.value) })
        let charts = Dictionary(uniqueKeysWithValues: parts.charts.map { ($0.key.marker, $0.value) })
        // The templates are filled while the tables are written, on the other core: for one
        // unit's report the two were a fifth of its work, one after the other.
        let filled = Slots<Result<(markdown: String, page: String), Diagnostic>>(count: 1)
        let natives = Self.natives(tables, charts) {
            filled.set(
                0,
                Result { () throws(Diagnostic) in
                    (
                        try templates.render(parts.template, parts.context),
                        try templates.render(
                            "trang.html",
                            PageView(title: parts.title, body: marker, source: parts.source, styleSheet: templates.styleSheet))
                    )
                })
        }
        let markdown: String
        let page: String
        switch filled.first {
        case .success(let texts)?: (markdown, page) = texts
        case .failure(let error)?: throw RenderError(message: error.description)
        case nil: throw RenderError(message: "tongket: lỗi: mẫu báo cáo không được điền")
        }
        guard let at = Self.utf8Offset(of: marker, in: page) else {
            throw RenderError(message: "\(templates.directory.path)/trang.html.mustache: lỗi: mẫu trang phải có {{{than}}}")
        }
        let sections = Set(parts.insertions.keys.filter(\.isSection).map(\.marker))
        let deferred = deferSections ? insertions.filter { sections.contains($0.key) } : [:]
        return Prepared(
            template: parts.template, markdown: markdown, pageHead: String(decoding: page.utf8.prefix(at), as: UTF8.self),
            pageTail: String(decoding: page.utf8.dropFirst(at + marker.utf8.count), as: UTF8.self),
            stampLine: "<!-- \(Self.stamp) từ \(parts.source); sửa tệp nguồn rồi chạy lại tongket. -->\n\n",
            immediate: insertions.filter { deferred[$0.key] == nil }, deferred: deferred,
            natives: natives, tables: tables, charts: charts, title: parts.title, info: parts.info,
            pieces: parts.pieces)
    }

    /// How many UTF-8 bytes into `text` `needle` first is. Foundation's range(of:) copied the
    /// page, style sheet and all, into UTF-16 to search it (a fifth of a millisecond of every
    /// report), and the standard library's generic search looked up its metadata at each call.
    static func utf8Offset(of needle: String, in text: String) -> Int? {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard let first = needle.first, haystack.count >= needle.count else { return nil }
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    if haystack[start..<start + needle.count].elementsEqual(needle) { return start }
                }
                return nil
            }
        }
    }

    /// The tables' Markdown and HTML and the charts' SVG, by marker. Each table in each format is
    /// a piece of work over both cores: the annexes of a large consolidation list every unit, and
    /// written in turn they held up every format for a tenth of a run with a warm cache.
    /// `beside` is one more piece of work, done first, while the tables are written.
    static func natives(
        _ tables: [String: Table], _ charts: [String: Chart], beside: @Sendable () -> Void = {}
    ) -> [TreeFormat: [String: String]] {
        let listed = Array(tables)
        let written = Slots<String>(count: 2 * listed.count)
        DispatchQueue.concurrentPerform(iterations: 2 * listed.count + 1) { iteration in
            guard iteration > 0 else { return beside() }
            let index = iteration - 1
            let table = listed[index / 2].value
            written.set(index, index % 2 == 0 ? MarkdownTableWriter.markdown(table) : HTMLTableWriter.html(table))
        }
        var markdown = charts.mapValues { _ in "" }
        var html = charts.mapValues(SVGChartWriter.svg)
        for (index, text) in written.all.enumerated() {
            guard let text else { continue }
            let marker = listed[index / 2].key
            if index % 2 == 0 { markdown[marker] = text } else { html[marker] = text }
        }
        return [.commonMark: markdown, .html: html]
    }

    /// One format of a prepared report, from a tree of its own. For a report with deferred
    /// sections two trees share its pieces, each taking the next piece the other has not taken,
    /// and a gate writes them back in order: CommonMark is cmark's slowest renderer, and HTML,
    /// on one thread, finished half as late again as Markdown on two while the Word body, once
    /// written over the cores, waited for the cores they held (docs/hieu-nang.md).
    func emit(_ prepared: Prepared, format: DocumentFormat, write: ([UInt8]) throws -> Void) throws(RenderError) {
        let treeFormat: TreeFormat = format == .html ? .html : .commonMark
        let workers = prepared.deferred.isEmpty ? 1 : 2
        // Label lines are marked for the print's keep-with-next (LineLabel), before a section
        // is kept: a kept section is megabytes of HTML to scan again on every run.
        let finish: ((TreeFormat, [UInt8]) -> [UInt8])? = treeFormat == .html ? { LineLabel.marked($1) } : nil
        do {
            try write(Array((format == .html ? prepared.pageHead : prepared.stampLine).utf8))
            if workers == 1 {
                let tree = try makeTree(prepared)
                try tree.stream(
                    [treeFormat], native: prepared.natives, deferred: prepared.deferred, store: prepared.pieces, finish: finish
                ) { _, text in try write(text) }
            } else {
                let gate = OrderedGate()
                let failures = Slots<RenderError>(count: workers)
                // Threads of their own: the workers wait on each other, which dispatch's pool may
                // not allow for when it runs nested work on fewer threads than asked.
                OwnThreads.perform(workers) { worker in
                    do {
                        let tree = try makeTree(prepared)
                        try tree.streamPieces(
                            [treeFormat], native: prepared.natives, deferred: prepared.deferred, store: prepared.pieces,
                            take: { gate.claim($0) }, finish: finish
                        ) { index, _, parts in
                            try gate.write(index, parts, format: treeFormat, write)
                        }
                    } catch is CancellationError {
                        // Another worker failed first; its error is the one to report.
                    } catch let error as RenderError {
                        failures.set(worker, error)
                        gate.fail()
                    } catch let error as FileError {
                        failures.set(worker, RenderError(message: error.description, output: error))
                        gate.fail()
                    } catch {
                        failures.set(worker, RenderError(message: "\(error)"))
                        gate.fail()
                    }
                }
                if let failure = failures.first { throw failure }
            }
            if format == .html { try write(Array(prepared.pageTail.utf8)) }
        } catch let error as MarkdownTreeError {
            throw RenderError(message: "\(templates.directory.path)/\(prepared.template).mustache: lỗi: \(TemplateMarkers.message(error))")
        } catch let error as RenderError {
            throw error
        } catch let error as FileError {
            throw RenderError(message: error.description, output: error)
        } catch let error as PDFError {
            throw RenderError(pdf: error)
        } catch {
            throw RenderError(message: "\(error)")
        }
    }

    /// The Word document of a prepared report, from a tree of its own, written piece by piece;
    /// with `spillDirectory`, a large body waits in a temporary file there instead of memory.
    func emitDOCX(_ prepared: Prepared, spillDirectory: URL?) throws(RenderError) -> Data {
        let tree = try makeTree(prepared)
        let document = DOCXDocument(
            options: DOCXOptions(title: prepared.title, styles: templates.wordStyles, styleMap: templates.wordStyleMap),
            tables: prepared.tables, charts: prepared.charts, spillDirectory: spillDirectory)
        do {
            try tree.streamBlocks(deferred: prepared.deferred, store: prepared.pieces) { _, blocks in try document.add(blocks) }
            return try document.package()
        } catch let error as MarkdownTreeError {
            throw RenderError(message: "\(templates.directory.path)/\(prepared.template).mustache: lỗi: \(TemplateMarkers.message(error))")
        } catch let error as FileError {
            throw RenderError(message: error.description, output: error)
        } catch {
            throw RenderError(message: "\(error)")
        }
    }

    private func makeTree(_ prepared: Prepared) throws(RenderError) -> MarkdownTree {
        do {
            let tree = try MarkdownTree(markers: TemplateMarkers.syntax, markdown: prepared.markdown)
            try tree.resolve(prepared.immediate, deferring: prepared.deferred)
            return tree
        } catch {
            throw RenderError(
                message:
                    "\(templates.directory.path)/\(prepared.template).mustache: lỗi: Markdown do mẫu sinh ra, \(TemplateMarkers.message(error))"
            )
        }
    }

    /// The words every generated file starts with (Markdown) or carries (HTML), by which tongket
    /// knows it may replace the file.
    public static let stamp = "Tạo bởi tongket"

    /// Whether an existing output file was written by tongket.
    @Sendable public static func isGenerated(_ data: [UInt8]) -> Bool {
        if data.starts(with: [0x50, 0x4B]) { return DOCXDocument.isGenerated(Data(data)) }
        if data.starts(with: Array("%PDF-".utf8)) { return PDFDocumentInfo.isGenerated(Data(data)) }
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        return head.contains(stamp) || head.contains("<meta name=\"generator\" content=\"tongket\">")
    }
}
