/// The rendering an engine makes its PDF from.
public enum PDFSource: Sendable {
    /// The report's print HTML page.
    case html
    /// The report's Word document.
    case docx
}
