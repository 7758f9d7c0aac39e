import ArgumentParser
import Foundation
import TongketKit

/// `--templates DIR`, shared by every command that renders.
struct TemplateOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Thư mục mẫu Mustache (mặc định: thư mục mẫu của thư mục làm việc nếu có, không thì templates/ đi kèm tongket).",
            valueName: "thư-mục"))
    var templates: String?

    func url(in workspace: Workspace?) throws -> URL {
        try BundledFolder.locate(
            templates ?? workspace?.templates?.path, bundled: "templates", option: "--templates", what: "thư mục mẫu",
            exit: Exit.invalidTemplates)
    }

    func renderer(for outline: Outline, in workspace: Workspace?) throws -> ReportRenderer {
        let url = try url(in: workspace)
        return try Self.renderer(for: outline, Result { () throws(Diagnostic) in try TemplateSet.load(from: url) })
    }

    /// The outline and the renderer of these templates, the two read side by side on two cores:
    /// each is about an eighth of the work of rendering one unit's report. What goes wrong is
    /// reported as when they were read in turn: the outline's problems first, then `between`'s
    /// (the PDF engine's), then the templates'. `meanwhile` is given the outline as soon as it is
    /// read, while the templates may still be: work that needs only the outline (reading the
    /// submissions) is done there, and must print nothing.
    func outlineAndRenderer(
        _ outline: OutlineOptions, in workspace: Workspace?, between: () throws -> Void = {},
        meanwhile: @Sendable (Outline) -> Void = { _ in }
    ) throws -> (Outline, ReportRenderer) {
        let outlineURL = try outline.url(in: workspace)
        // Where the templates are, found without a word: a missing bundled folder is reported
        // below, after the outline, by `url(in:)`; a missing named one by `TemplateSet.load`.
        let given = templates ?? workspace?.templates?.path
        let bundled = ResourceLocator.dataFolder()?.appending("templates")
        let templatesURL =
            given.map { URL(fileURLWithPath: $0) } ?? bundled.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
        let loadedOutline = Slots<Result<Outline, OutlineError>>(count: 1)
        let loadedTemplates = Slots<Result<TemplateSet, Diagnostic>>(count: 1)
        // Threads of their own, not `concurrentPerform`: Dispatch runs an apply nested in a
        // two-way apply on one thread, and `meanwhile` reads a folder of submissions with one.
        OwnThreads.perform(2) { index in
            if index == 0 {
                let result = Result { () throws(OutlineError) in try OutlineLoader.load(from: outlineURL) }
                loadedOutline.set(0, result)
                if case .success(let read) = result { meanwhile(read) }
            } else if let templatesURL {
                loadedTemplates.set(0, Result { () throws(Diagnostic) in try TemplateSet.load(from: templatesURL) })
            }
        }
        guard let outlineResult = loadedOutline.first else { throw Exit.invalidOutline }
        let loaded = try OutlineOptions.checked(outlineResult, from: outlineURL)
        try between()
        guard let templatesResult = loadedTemplates.first else {
            _ = try url(in: workspace)
            throw Exit.invalidTemplates
        }
        return (loaded, try Self.renderer(for: loaded, templatesResult))
    }

    private static func renderer(for outline: Outline, _ templates: Result<TemplateSet, Diagnostic>) throws -> ReportRenderer {
        switch templates {
        case .success(let set): return ReportRenderer(outline: outline, templates: set)
        case .failure(let error):
            Console.error(error.description)
            throw Exit.invalidTemplates
        }
    }
}
