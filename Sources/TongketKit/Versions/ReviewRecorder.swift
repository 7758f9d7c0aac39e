import Foundation
import TongketCore
import TongketDocument

/// The review policy: when a report's current outputs may become its next recorded version, and
/// the recording. A version is evidence of what was handed out, so it is refused when the history
/// is damaged, when the outputs are missing, not tongket's, marked for another round, or the same
/// as the last round's.
public struct ReviewRecorder: Sendable {
    /// The report's history, beside its outputs.
    public let store: VersionStore
    /// The outputs' folder as the user named it, for messages ("." rather than an absolute path).
    public let shownDirectory: String

    /// A recorder for `store`'s report; `shownDirectory` defaults to the folder's path.
    public init(store: VersionStore, shownDirectory: String? = nil) {
        self.store = store
        self.shownDirectory = shownDirectory ?? store.directory.path
    }

    /// The report's outputs that exist in its folder, in the order md, html, docx, pdf.
    public func outputs() -> [URL] {
        DocumentFormat.allCases.map { store.directory.appendingPathComponent("\(store.report).\($0.rawValue)") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Checks the current outputs against the history, in this order: the history verifies, some
    /// output exists, each is tongket's, each text output's draft mark is the next round's (a
    /// final version carries none), and they differ from the last round's.
    public func check(_ review: Review) throws(ReviewError) -> ReviewPlan {
        let problems = store.verify()
        if !problems.isEmpty { throw .damagedHistory(report: store.report, problems: problems) }
        let outputs = outputs()
        if outputs.isEmpty { throw .noOutputs(report: store.report, directory: shownDirectory) }
        for url in outputs {
            // An output that cannot be read cannot be shown to be tongket's either.
            guard let data = try? Data(contentsOf: url), ReportRenderer.isGenerated([UInt8](data)) else {
                throw .foreignOutput(path: url.path)
            }
        }
        let round = store.nextRound
        try checkDraftMarks(outputs, round: round, status: review.status)
        if let last = store.rounds().last, let manifest = try? store.manifest(round: last), try digests(outputs) == manifest.files {
            throw .unchanged(since: last)
        }
        return ReviewPlan(review: review, outputs: outputs, round: round)
    }

    /// Records a checked review with the SHA-256 of every source file.
    public func record(_ plan: ReviewPlan, sources: ReviewSources) throws(ReviewError) -> VersionManifest {
        let review = plan.review
        do {
            return try store.record(
                outputs: plan.outputs, inputs: sources.files(), status: review.status, reviewer: review.reviewer, date: review.date,
                note: review.note)
        } catch {
            throw .notRecorded(error)
        }
    }

    /// Checks and records in one step.
    public func record(_ review: Review, sources: ReviewSources) throws(ReviewError) -> VersionManifest {
        try record(try check(review), sources: sources)
    }

    /// Only the text formats are read: a Word document and a PDF are compressed, so their mark
    /// cannot be found in their bytes, and they are made from the same tree as the text is.
    private func checkDraftMarks(_ outputs: [URL], round: Int, status: ReviewStatus) throws(ReviewError) {
        for url in outputs where DocumentFormat(rawValue: url.pathExtension)?.isText ?? false {
            let marked = VersionStore.markedRound(in: (try? Data(contentsOf: url)) ?? Data())
            if status == .final, marked != nil { throw .finalWithDraftMark(path: url.path) }
            if let marked, marked != round { throw .wrongDraftMark(path: url.path, marked: marked, round: round) }
        }
    }

    /// The outputs as a manifest lists them, to compare with the last round's.
    private func digests(_ outputs: [URL]) throws(ReviewError) -> [FileDigest] {
        var digests: [FileDigest] = []
        for url in outputs {
            do {
                digests.append(FileDigest(name: url.lastPathComponent, sha256: try SHA256Hex.of(fileAt: url)))
            } catch {
                throw .notRecorded(FileError(path: url.path, message: "không đọc được tệp kết quả"))
            }
        }
        return digests
    }
}
