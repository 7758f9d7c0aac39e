import CmarkDoor
import Foundation
import TongketCore
import TongketDocument

/// A report rendered from one document tree to every format.
public struct RenderedDocument: Sendable {
    /// The file name without extension, "so-tu-phap", "so-tu-phap.chuyen-de".
    public var baseName: String
    public var markdown: String
    public var html: String
    /// The Word document, when DOCX was asked for.
    public var docx: Data?
    /// The finished PDF, when PDF was asked for.
    public var pdf: Data? = nil
}
