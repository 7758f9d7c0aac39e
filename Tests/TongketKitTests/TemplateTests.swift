import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

/// Templates are data a province may edit; a mistake in one must be found by a test or a located
/// error, never as an empty hole in a printed report.
@Suite("Mẫu Mustache")
struct TemplateTests {
    /// Every key any view model can hold, at any depth, over every example and every unit's skeleton.
    func viewModelKeys() throws -> Set<String> {
        let renderer = try Reports.renderer()
        var contexts: [any TemplateView] = []
        for submission in Reports.examples(renderer.outline) {
            contexts.append(try renderer.unitParts(submission).context)
            if let thematic = renderer.thematicParts(submission) { contexts.append(thematic.context) }
        }
        for unit in renderer.outline.units { contexts.append(renderer.skeletonParts(for: unit).context) }
        let consolidator = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: renderer.outline, strict: false)
        contexts.append(
            renderer.consolidatedParts(
                consolidator.consolidate(asOf: renderer.outline.programme.consolidatedDeadline), draftMark: "DỰ THẢO"
            )
            .context)
        let comments = SubmissionFiles.expand([Fixtures.examples.appendingPathComponent("gop-y").path]).compactMap {
            CommentLoader.load(contentsOf: URL(fileURLWithPath: $0), outline: renderer.outline).set
        }
        #expect(comments.count == 3)
        contexts.append(renderer.commentParts(comments).context)
        contexts.append(PageView(title: "", body: "", source: "", styleSheet: ""))
        // Only the names a view answers with a value count: a name it declares but leaves nil in
        // every example would print as an empty hole.
        var keys = Set<String>()
        func collect(_ view: any TemplateView) {
            for name in type(of: view).names {
                guard let inner = view.child(named: name) else { continue }
                keys.insert(name)
                switch inner {
                case .view(let view): collect(view)
                case .views(let views): views.forEach(collect)
                case .text, .flag: break
                }
            }
        }
        contexts.forEach(collect)
        return keys
    }

    /// The names of the tags of a template: variables, sections, inverted sections, partials.
    func tags(_ text: String) -> [(kind: Character?, name: String)] {
        var result: [(kind: Character?, name: String)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var body = rest[..<close.lowerBound]
            rest = rest[close.upperBound...]
            if body.hasPrefix("{") { body = body.dropFirst() }
            var kind: Character?
            if let first = body.first, "#^/>!%&".contains(first) {
                kind = first
                body = body.dropFirst()
            }
            result.append((kind, body.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return result
    }

    @Test("mọi biến mẫu dùng đều có trong view model; mọi mẫu con đều có")
    func everyTagIsKnown() throws {
        let keys = try viewModelKeys()
        let templates = try TemplateSet.load(from: Reports.templatesDirectory)
        #expect(templates.sources.count == TemplateSet.required.count)
        for (name, text) in templates.sources {
            for tag in tags(text) {
                switch tag.kind {
                case "!", "%", "/": continue
                case ">": #expect(templates.sources[tag.name] != nil, "\(name): mẫu con '\(tag.name)' không có")
                default:
                    if tag.name == "." { continue }
                    #expect(keys.contains(tag.name), "\(name).mustache dùng biến '\(tag.name)' mà view model không có")
                }
            }
        }
    }

    @Test("kiểm tra biến mẫu thật sự bắt được biến sai")
    func checkerCatchesTypos() throws {
        let keys = try viewModelKeys()
        let unknown = tags("{{#muc}}{{tieu_de_sai}}{{/muc}}").filter { $0.kind == nil && !keys.contains($0.name) }
        #expect(unknown.map(\.name) == ["tieu_de_sai"])
    }

    /// A copy of the bundled templates with one file changed.
    func brokenCopy(_ file: String, _ change: (String) -> String) throws -> URL {
        let directory = try Fixtures.temporaryDirectory().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Reports.templatesDirectory, to: directory)
        let url = directory.appendingPathComponent(file)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        return directory
    }

    @Test("mẫu sai cú pháp: lỗi nêu tệp, dòng, cột")
    func syntaxErrorIsLocated() throws {
        let directory = try brokenCopy("phan/muc.mustache") {
            $0.replacingOccurrences(of: "{{/la_phan}}\n{{^la_phan}}", with: "{{/la_phan_sai}}\n{{^la_phan}}")
        }
        do {
            _ = try TemplateSet.load(from: directory)
            Issue.record("mẫu sai mà không báo lỗi")
        } catch {
            #expect(error.location.file == directory.appendingPathComponent("phan/muc.mustache").path)
            // "{{/la_phan_sai}}" is on line 11 of phan/muc.mustache; the wrong name starts at column 4.
            #expect(error.location.line == 11)
            #expect(error.location.column == 4)
            #expect(error.message.hasPrefix("mẫu Mustache sai: thẻ đóng {{/…}} không khớp tên thẻ mở"))
        }
    }

    @Test("thiếu tệp mẫu bắt buộc")
    func missingTemplate() throws {
        let directory = try brokenCopy("phan/chu-ky.mustache") { $0 }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("phan/chu-ky.mustache"))
        #expect(throws: Diagnostic.self) { try TemplateSet.load(from: directory) }
    }

    @Test("dấu chèn sai trong mẫu: lỗi nêu mẫu")
    func badMarker() throws {
        let directory = try brokenCopy("phan/phu-luc.mustache") {
            $0.replacingOccurrences(of: "<!-- tongket:het-khoi -->\n\n<!-- tongket:chen", with: "<!-- tongket:chen")
        }
        let renderer = ReportRenderer(outline: try Fixtures.outline(), templates: try TemplateSet.load(from: directory))
        let submission = try #require(Reports.examples(renderer.outline).first { $0.unitID == "so-noi-vu" })
        do {
            _ = try renderer.unitReport(submission)
            Issue.record("dấu chèn sai mà không báo lỗi")
        } catch {
            #expect(error.message.contains("bao-cao.mustache: lỗi: Markdown do mẫu sinh ra"))
        }
    }
}
