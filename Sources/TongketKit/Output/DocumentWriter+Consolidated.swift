import Foundation
import TongketCore
import TongketDocument

extension DocumentWriter {
    /// Streams the province's draft into `bao-cao-tong-hop.FORMAT` for each format, or in the first
    /// format to a stream; the draft of thousands of units is never whole in memory. The files are
    /// put in place only once every format is complete, so a failure leaves the earlier draft as
    /// it was and no file half-written.
    /// With `cache`, sections unchanged since an earlier run are copied from it (`DraftPieceCache`).
    /// - Returns: the files written, in the order of `formats` (none for a stream).
    /// - Throws: the rendering's error; a file that could not be written is one with `output` set.
    public static func writeConsolidatedReport(
        _ consolidation: Consolidation, renderer: ReportRenderer, formats: [DocumentFormat], to destination: ReportDestination,
        draftMark: String?, force: Bool, unitTexts: UnitTextPlacement? = nil, cache: DraftPieceCache? = nil
    ) throws(RenderError) -> [URL] {
        var files: [StreamingOutputFile] = []
        do {
            let sinks: ReportSinks
            switch destination {
            case .stream(let write):
                sinks = streamSinks(format: formats.first ?? .markdown, write: write)
            case .directory(let directory):
                (sinks, files) = try fileSinks(formats: formats, in: directory, force: force)
            }
            try renderer.streamConsolidatedReport(consolidation, sinks: sinks, draftMark: draftMark, unitTexts: unitTexts, cache: cache)
            for file in files { try file.commit() }
        } catch let error as RenderError {
            for file in files { file.discard() }
            throw error
        } catch let error as FileError {
            for file in files { file.discard() }
            throw RenderError(message: error.description, output: error)
        } catch {
            for file in files { file.discard() }
            throw RenderError(message: "\(error)")
        }
        return files.map(\.url)
    }

    /// One format to a stream: the Word document or the PDF whole once complete, a text format
    /// piece by piece.
    private static func streamSinks(format: DocumentFormat, write: @escaping @Sendable (Data) -> Void) -> ReportSinks {
        switch format {
        case .docx: return ReportSinks(docx: DOCXSink(spillDirectory: nil) { data in write(data) })
        case .pdf: return ReportSinks(pdf: PDFSink { data in write(data) })
        case .markdown, .html: return ReportSinks(text: [format: { bytes in write(Data(bytes)) }])
        }
    }

    /// A temporary file beside each target; the Word document's body waits in the same folder.
    private static func fileSinks(
        formats: [DocumentFormat], in directory: URL, force: Bool
    ) throws(FileError) -> (ReportSinks, [StreamingOutputFile]) {
        var sinks = ReportSinks()
        var files: [StreamingOutputFile] = []
        for format in formats {
            let file = try StreamingOutputFile(
                directory.appendingPathComponent("\(consolidatedBaseName).\(format.rawValue)"),
                overwrite: .policy(for: .report, force: force))
            files.append(file)
            switch format {
            case .docx: sinks.docx = DOCXSink(spillDirectory: directory) { data throws(FileError) in try file.write(data) }
            case .pdf: sinks.pdf = PDFSink { data throws(FileError) in try file.write(data) }
            case .markdown, .html: sinks.text[format] = { bytes in try file.write(bytes) }
            }
        }
        return (sinks, files)
    }
}
