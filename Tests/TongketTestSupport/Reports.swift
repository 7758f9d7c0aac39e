import Foundation
import TongketKit

/// The bundled templates and the example submissions, ready to render.
public enum Reports {
    public static let templatesDirectory = Fixtures.root.appendingPathComponent("templates")

    public static func renderer() throws -> ReportRenderer {
        ReportRenderer(outline: try Fixtures.outline(), templates: try TemplateSet.load(from: templatesDirectory))
    }

    /// The example units' submissions (not the drafting body's own text, tong-hop.yaml).
    public static func examples(_ outline: Outline) -> [Submission] {
        SubmissionFiles.expand([Fixtures.examples.path]).compactMap {
            SubmissionLoader.load(contentsOf: URL(fileURLWithPath: $0), outline: outline).submission
        }.filter { !$0.isDraftingText }
    }
}
