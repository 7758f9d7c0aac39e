import Foundation

/// What a finished PDF says about itself: the document information dictionary (title, author,
/// subject, keywords, creator, dates) and the catalog's language. The dates are the report's
/// date, never the time of the run, so that the same report gives the same bytes.
public struct PDFDocumentInfo: Sendable, Equatable {
    /// The report's summary line (trích yếu).
    public var title: String
    /// The issuing body.
    public var author: String
    /// What the document is ("Báo cáo tổng kết – Sở Tư pháp").
    public var subject: String
    /// Written separated by semicolons, since a keyword may hold a comma.
    public var keywords: [String]
    /// The document's language for screen readers (BCP 47).
    public var language: String
    /// The report's date: creation and modification date alike.
    public var year: Int
    public var month: Int
    public var day: Int

    /// Information for a report dated `year`-`month`-`day`.
    public init(
        title: String, author: String, subject: String, keywords: [String], language: String = "vi", year: Int, month: Int, day: Int
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.language = language
        self.year = year
        self.month = month
        self.day = day
    }

    /// The creator every PDF tongket finishes names, by which it knows the file is its own.
    public static let creator = "tongket"

    /// Whether `data` is a PDF tongket finished: its current information dictionary names tongket
    /// as the creator.
    public static func isGenerated(_ data: Data) -> Bool {
        guard data.starts(with: Array("%PDF-".utf8)) else { return false }
        do {
            let file = try PDFFile([UInt8](data))
            guard let info = file.trailer.reference("Info") else { return false }
            return try file.dictionary(info.number)["Creator"].flatMap(PDFText.decode) == creator
        } catch {
            return false
        }
    }
}
