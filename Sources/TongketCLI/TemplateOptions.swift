import ArgumentParser
import Foundation
import TongketKit

/// `--templates DIR`, shared by every command that renders.
struct TemplateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Thư mục mẫu Mustache (mặc định: templates/ đi kèm tongket).", valueName: "thư-mục"))
    var templates: String?

    func url() throws -> URL {
        try BundledFolder.locate(templates, bundled: "templates", option: "--templates", what: "thư mục mẫu", exit: Exit.invalidTemplates)
    }

    func renderer(for outline: Outline) throws -> ReportRenderer {
        let url = try url()
        do {
            return ReportRenderer(outline: outline, templates: try TemplateSet.load(from: url))
        } catch {
            Console.error(error.description)
            throw Exit.invalidTemplates
        }
    }
}
