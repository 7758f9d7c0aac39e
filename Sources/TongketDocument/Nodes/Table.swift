/// A table built by the engine from data, never parsed from prose; each writer renders it
/// natively (a GFM pipe table in Markdown, a `<table>` in HTML).
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        case left
        case center
        case right
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        /// A heading spanning several adjacent columns in a second header row ("Năm", "Giai đoạn").
        public var group: String?
        public var alignment: Alignment
        /// The column's share of the table's width, when the table fixes it (so that the tables
        /// of one document line up); otherwise writers size columns by their content.
        public var share: Int?

        public init(_ title: String, group: String? = nil, alignment: Alignment, share: Int? = nil) {
            self.title = title
            self.group = group
            self.alignment = alignment
            self.share = share
        }
    }

    /// A CSS class for HTML (and a style hint for other writers), such as "phu-luc".
    public var kind: String
    public var columns: [Column]
    public var rows: [[String]]
    /// Sentences printed under the table, each a paragraph of its own in italics ("Ghi chú: …"),
    /// such as why a total changes from one year to the next.
    public var notes: [String]

    public init(kind: String, columns: [Column], rows: [[String]], notes: [String] = []) {
        self.kind = kind
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
