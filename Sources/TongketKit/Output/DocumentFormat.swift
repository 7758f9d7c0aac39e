import Foundation

/// The formats a report is written in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case html
    case docx

    /// Reads "md,html"; nil (with the bad word) when a name is unknown.
    public static func parseList(_ text: String) -> Result<[DocumentFormat], FormatListError> {
        var formats: [DocumentFormat] = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = DocumentFormat(rawValue: word == "markdown" ? "md" : word) else {
                return .failure(FormatListError(word: word))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats.isEmpty ? .failure(FormatListError(word: text)) : .success(formats)
    }

    public func data(of document: RenderedDocument) -> Data {
        switch self {
        case .markdown: return Data(document.markdown.utf8)
        case .html: return Data(document.html.utf8)
        case .docx: return document.docx ?? Data()
        }
    }
}

public struct FormatListError: Error, Sendable {
    public var word: String
}

/// Writes rendered documents: `DIR/NAME.md`, `DIR/NAME.html`, each atomically; a file that
/// tongket did not make is left alone unless `force`.
public enum DocumentWriter {
    /// The paths written, in order; the first failure stops before anything else is written.
    public static func write(
        _ documents: [RenderedDocument], formats: [DocumentFormat], to directory: URL, force: Bool
    ) throws(OutputError) -> [URL] {
        var written: [URL] = []
        for document in documents {
            for format in formats {
                let url = directory.appendingPathComponent("\(document.baseName).\(format.rawValue)")
                try OutputFile.write(
                    format.data(of: document), to: url,
                    overwrite: force ? .always : .ifMadeByTongket(isOurs: { ReportRenderer.isGenerated([UInt8]($0)) }))
                written.append(url)
            }
        }
        return written
    }
}
