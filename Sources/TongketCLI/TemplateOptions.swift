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
        do {
            return ReportRenderer(outline: outline, templates: try TemplateSet.load(from: url))
        } catch {
            Console.error(error.description)
            throw Exit.invalidTemplates
        }
    }
}
