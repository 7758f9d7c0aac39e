import CmarkDoor
import Foundation
import TongketCore
import TongketDocument

/// Where the formats of a streamed report go: each text format to its own sink, as UTF-8 bytes, called from
/// that format's thread only; the Word document, whole, to `docx`; the PDF, whole, to `pdf`.
public struct ReportSinks: Sendable {
    public var text: [DocumentFormat: @Sendable ([UInt8]) throws -> Void]
    public var docx: DOCXSink?
    public var pdf: PDFSink?

    public init(text: [DocumentFormat: @Sendable ([UInt8]) throws -> Void] = [:], docx: DOCXSink? = nil, pdf: PDFSink? = nil) {
        self.text = text
        self.docx = docx
        self.pdf = pdf
    }
}
