import Foundation
import Logging
import TongketKit

/// The province's draft from the units' submissions on the server: the accepted ones, or the
/// latest valid upload of each unit when asked for explicitly.
struct DraftBuilder {
    /// Which submissions the draft is made of, by the `nguon` word.
    enum Source: String {
        case accepted = "chap-nhan"
        case latest = "moi-nhat"
    }

    let services: WebServices

    /// The draft's version history, beside its files in `du-thao/`.
    var store: VersionStore { VersionStore(directory: services.draftFolder, report: DocumentWriter.consolidatedBaseName) }

    /// The uploads the draft is made of.
    func uploads(_ source: Source) throws -> [UploadRecord] {
        switch source {
        case .latest:
            return try services.uploads.latestUploads(validOnly: true).values.sorted { $0.unit < $1.unit }
        case .accepted:
            var records: [UploadRecord] = []
            for (_, state) in try services.states().sorted(by: { $0.key < $1.key }) where state.phase == .accepted {
                if let id = state.lastSent?.upload, let record = try services.uploads.upload(id) { records.append(record) }
            }
            return records
        }
    }

    /// Lays the uploads out, consolidates them and hands the staged files to `body`.
    func withConsolidation<T>(_ source: Source, _ body: (Consolidation, StagedFiles) throws -> T) throws -> T {
        let (consolidator, staged) = try consolidator(of: try uploads(source))
        return try body(consolidator.consolidate(asOf: services.settings.today), staged)
    }

    /// The uploads' files laid out and read, through the cache of submissions read.
    func consolidator(of records: [UploadRecord]) throws -> (Consolidator, StagedFiles) {
        let staged = try services.staged(records.flatMap { record in record.files.map { (record.unit, $0) } })
        let cache = services.submissionCache()
        let consolidator = SubmissionFolder.consolidator(
            paths: staged.paths, outline: services.settings.outline, strict: false, cache: cache)
        services.log(cache.warnings)
        return (consolidator, staged)
    }

    /// The draft in one format, marked with the next round: the sections no upload changed since
    /// the last draft are copied from the cache (`DraftPieceCache`), the others merged anew.
    func render(_ source: Source, format: DocumentFormat) throws -> (Data, included: Int) {
        try withConsolidation(source) { consolidation, _ in
            let output = Collected()
            let pieces = DraftPieceCache(directory: services.cacheFolder)
            _ = try DocumentWriter.writeConsolidatedReport(
                consolidation, renderer: services.renderer, formats: [format], to: .stream { output.append($0) },
                draftMark: store.draftMark(final: false, alwaysDraft: true), force: false, cache: pieces)
            services.log(pieces.warnings)
            return (output.data, consolidation.includedCount)
        }
    }

    /// Writes the draft into `du-thao/` and records it as the next review round.
    func recordRound(_ source: Source, review: Review) throws -> VersionManifest {
        try withConsolidation(source) { consolidation, staged in
            try FileManager.default.createDirectory(at: services.draftFolder, withIntermediateDirectories: true)
            let pieces = DraftPieceCache(directory: services.cacheFolder)
            _ = try DocumentWriter.writeConsolidatedReport(
                consolidation, renderer: services.renderer, formats: [.markdown, .html, .docx],
                to: .directory(services.draftFolder), draftMark: store.draftMark(final: review.status == .final, alwaysDraft: true),
                force: true, cache: pieces)
            services.log(pieces.warnings)
            let recorder = ReviewRecorder(store: store, shownDirectory: "du-thao")
            let sources = ReviewSources(
                submissions: staged.paths, outline: services.settings.outlineFolder, templates: services.settings.templatesFolder)
            do {
                return try recorder.record(review, sources: sources)
            } catch let error as ReviewError {
                // The detail names the server's folders: for the log only; the user reads a fixed message.
                Logger(label: "tongket-web").error("review round not recorded", metadata: ["error": "\(String(reflecting: error))"])
                switch error {
                case .unchanged(let since):
                    throw WebError(.conflict, "Dự thảo không thay đổi so với lần rà soát \(since): không ghi thêm một lần trùng.")
                case .notRecorded:
                    throw error  // the machine failed (disk, permission): a plain 500
                default:
                    throw WebError(
                        .conflict,
                        "Không ghi được vòng rà soát: dự thảo hoặc các vòng đã ghi không khớp với hồ sơ rà soát. "
                            + "Hãy tải lại trang rồi thử lại; nếu vẫn lỗi, báo quản trị máy chủ.")
                }
            }
        }
    }
}

extension DraftBuilder {
    /// `tongket status --json` over the submissions sent officially (sent or accepted, the last
    /// sent of each unit), as of today.
    func statusJSON() throws -> Data {
        var records: [UploadRecord] = []
        for (_, state) in try services.states().sorted(by: { $0.key < $1.key }) where state.phase == .sent || state.phase == .accepted {
            if let id = state.lastSent?.upload, let record = try services.uploads.upload(id) { records.append(record) }
        }
        let (consolidator, staged) = try consolidator(of: records)
        let today = services.settings.today
        var data = try StatusReport.json(consolidator.consolidate(asOf: today).annex, asOf: today)
        // The files are named as uploaded, not by where they were laid out for reading.
        data = Data(staged.rename(String(decoding: data, as: UTF8.self)).utf8)
        return data
    }
}

/// The bytes a streamed draft wrote, gathered (the writer may call from another thread).
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()

    func append(_ data: Data) {
        lock.lock()
        bytes.append(data)
        lock.unlock()
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }
}
