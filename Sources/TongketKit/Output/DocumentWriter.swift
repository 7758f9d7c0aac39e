import Foundation
import TongketCore
import TongketDocument

/// Writes rendered documents: `DIR/NAME.md`, `DIR/NAME.html`, `DIR/NAME.docx`, `DIR/NAME.pdf`, each atomically
/// and under the one overwrite policy of reports (`OutputKind.report`).
public enum DocumentWriter {
    /// The base name of the province's consolidated draft, and of its recorded versions.
    public static let consolidatedBaseName = "bao-cao-tong-hop"

    /// Writes every document in every format, or streams each in the first format.
    /// - Returns: the files written, in order (none for a stream); the first failure stops before
    ///   anything else is written.
    public static func write(
        _ documents: [RenderedDocument], formats: [DocumentFormat], to destination: ReportDestination, force: Bool
    ) throws(FileError) -> [URL] {
        switch destination {
        case .stream(let write):
            guard let format = formats.first else { return [] }
            for document in documents { write(format.data(of: document)) }
            return []
        case .directory(let directory):
            let targets = documents.flatMap { document in formats.map { (document: document, format: $0) } }
            let urls = targets.map { directory.appendingPathComponent("\($0.document.baseName).\($0.format.rawValue)") }
            let overwrite = OutputFile.Overwrite.policy(for: .report, force: force)
            // Two reports of one name (a unit's file given twice) share a temporary file: one by one.
            guard Set(urls).count == urls.count else {
                for (target, url) in zip(targets, urls) {
                    try OutputFile.write(target.format.data(of: target.document), to: url, overwrite: overwrite)
                }
                return urls
            }
            // A few files at a time: a folder of a thousand units' reports is three thousand files,
            // which open at once would be as many threads and descriptors (past a common limit of
            // 1,024 descriptors); their bytes are made a batch at a time too.
            var written: [URL] = []
            for start in stride(from: 0, to: targets.count, by: filesSideBySide) {
                let batch = start..<min(start + filesSideBySide, targets.count)
                written += try writeSideBySide(
                    batch.map { (url: urls[$0], data: targets[$0].format.data(of: targets[$0].document)) }, overwrite: overwrite)
            }
            return written
        }
    }

    /// How many files are written side by side: the six of a unit's report and thematic report.
    static let filesSideBySide = 6

    /// Every file checked and opened in order, then written, each waiting for the disk on a thread
    /// of its own, then renamed into place in order: a unit's three files had waited for the disk
    /// one after the other, a tenth of rendering its report. A failure leaves the files before it
    /// in place and none after it, as when they were written one by one.
    static func writeSideBySide(_ targets: [(url: URL, data: Data)], overwrite: OutputFile.Overwrite) throws(FileError) -> [URL] {
        var opened: [StreamingOutputFile] = []
        var refused: FileError?
        for target in targets {
            do throws(FileError) {
                opened.append(try StreamingOutputFile(target.url, overwrite: overwrite))
            } catch {
                refused = error
                break
            }
        }
        let files = opened
        let failures = Slots<FileError>(count: files.count)
        let put = { (index: Int) in
            do throws(FileError) {
                try files[index].write(targets[index].data)
                try files[index].synchronize()
            } catch {
                failures.set(index, error)
            }
        }
        if files.count == 1 { put(0) } else { OwnThreads.perform(files.count, stackSize: 1 << 20, put) }
        let failed = failures.all
        var written: [URL] = []
        for (index, file) in files.enumerated() {
            // The files after a failure are dropped with `files`, their targets untouched.
            if let failure = failed[index] { throw failure }
            try file.commit()
            written.append(file.url)
        }
        if let refused { throw refused }
        return written
    }
}
