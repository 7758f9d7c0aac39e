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
        let mark = { (report: String) in
            VersionStore(directory: directory, report: report).draftMark(final: final, alwaysDraft: false)
        }
        // The report and the thematic report are made together, over both cores.
        var parts = [try unitParts(submission, draftMark: mark(submission.unitID))]
        if let thematic = thematicParts(submission, draftMark: mark(submission.unitID + ".chuyen-de")) { parts.append(thematic) }
        return try render(parts, formats: formats)
    }
}
