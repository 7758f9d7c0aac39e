import CmarkDoor
import Foundation
import TongketCore
import TongketDocument

/// Why a report could not be rendered: a template problem, located.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Set when what stopped the rendering was writing the output, not the templates.
    public var output: FileError?
    /// Set when what stopped the rendering was making the PDF.
    public var pdf: PDFError?

    public init(message: String, output: FileError? = nil) {
        self.message = message
        self.output = output
    }

    /// The PDF could not be made.
    public init(pdf: PDFError) {
        self.message = pdf.description
        self.pdf = pdf
    }

    public var description: String { message }
}
