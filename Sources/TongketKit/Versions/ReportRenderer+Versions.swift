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
        var documents = [try unitReport(submission, formats: formats, draftMark: mark(submission.unitID))]
        let thematicName = submission.unitID + ".chuyen-de"
        if let thematic = try thematicReport(submission, formats: formats, draftMark: mark(thematicName)) {
            documents.append(thematic)
        }
        return documents
    }
}
