import Foundation
import TongketCore
import TongketDocument

/// The formats a report is written in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case html
    case docx
    /// Printed by an engine found at run time (`PDFPrinter`), from the HTML page or the Word document.
    case pdf

    /// What is written when no format is named: PDF needs an engine, so only when asked for.
    public static let defaults: [DocumentFormat] = [.markdown, .html, .docx]

    /// Whether the format is text that cmark renders piece by piece (Markdown, HTML).
    public var isText: Bool { self == .markdown || self == .html }

    /// Reads "md,html"; a failure naming the first unknown word otherwise.
    public static func parseList(_ text: String) -> Result<[DocumentFormat], FormatListError> {
        var formats: [DocumentFormat] = []
        for piece in text.split(separator: ",") {
            // Trimmed here: Foundation's trimming went through its character sets, a sixth of a
            // millisecond of every render before anything was read.
            var trimmed = piece
            while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
            while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
            let word = trimmed.lowercased()
            guard let format = DocumentFormat(rawValue: word == "markdown" ? "md" : word) else {
                return .failure(FormatListError(word: word))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats.isEmpty ? .failure(FormatListError(word: text)) : .success(formats)
    }

    /// The document's bytes in this format (empty for a Word document or PDF that was not made).
    public func data(of document: RenderedDocument) -> Data {
        switch self {
        case .markdown: return Data(document.markdown.utf8)
        case .html: return Data(document.html.utf8)
        case .docx: return document.docx ?? Data()
        case .pdf: return document.pdf ?? Data()
        }
    }
}
