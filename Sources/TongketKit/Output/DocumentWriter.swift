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
            var written: [URL] = []
            for document in documents {
                for format in formats {
                    let url = directory.appendingPathComponent("\(document.baseName).\(format.rawValue)")
                    try OutputFile.write(format.data(of: document), to: url, overwrite: .policy(for: .report, force: force))
                    written.append(url)
                }
            }
            return written
        }
    }
}
