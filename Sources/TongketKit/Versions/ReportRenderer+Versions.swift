import Foundation
import TongketCore
import TongketDocument

extension ReportRenderer {
    /// A unit's report and, when it wrote one, its thematic report, each marked with the round it
    /// will be ("DỰ THẢO LẦN 2") while it is under review, that is once it has versions recorded
    /// in `directory`; a report never reviewed, or a `final` one, carries no mark.
    public func unitReports(
        _ submission: Submission, formats: [DocumentFormat], final: Bool, versionsIn directory: URL
    ) throws(RenderError) -> [RenderedDocument] {
        let mark: @Sendable (String) -> String? = { report in
            VersionStore(directory: directory, report: report).draftMark(final: final, alwaysDraft: false)
        }
        // The report and the thematic report side by side: they share nothing but the renderer.
        // The report's error, if both fail, is the one reported, as when they were made in turn.
        let made = Slots<Result<RenderedDocument?, RenderError>>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            made.set(
                index,
                Result { () throws(RenderError) in
                    index == 0
                        ? try unitReport(submission, formats: formats, draftMark: mark(submission.unitID))
                        : try thematicReport(submission, formats: formats, draftMark: mark(submission.unitID + ".chuyen-de"))
                })
        }
        var documents: [RenderedDocument] = []
        for result in made.all {
            if let document = try result?.get() { documents.append(document) }
        }
        return documents
    }
}
