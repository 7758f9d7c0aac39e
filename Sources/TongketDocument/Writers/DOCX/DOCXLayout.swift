/// The layouts the DOCX writer implements for a container, chosen by the style map: what can't
/// be said with a style alone (tables laying blocks side by side, rules as long as a line,
/// landscape pages).
public enum DOCXLayout: Sendable, Equatable {
    /// A borderless table whose cells are the containers of the named classes, side by side (the
    /// header's two columns, the recipients beside the signature); other blocks follow it.
    case columns([Column])
    /// A centred rule under the block, `percent` of the width available (under the title).
    case ruleBelow(style: String, percent: Int)
    /// A centred rule under the block, `percent` of its longest line of text (under the issuing
    /// body), at least 1 cm.
    case ruleBelowText(style: String, percent: Int)
    /// The national name and motto: the first paragraph in style `first`, each later one in
    /// style `following`, narrowed so that the style's bottom border is exactly as long as its
    /// text.
    case nationalMotto(first: String, following: String)
    /// The block is one empty paragraph of this style, whatever it holds (room to sign).
    case emptyParagraph(style: String)
    /// The block starts landscape pages (the appendices): the first closes the portrait
    /// section, each later one starts a page of its own.
    case landscape

    /// One column of a `columns` layout: the class of the container that fills it, and its
    /// share of the width in percent.
    public struct Column: Sendable, Equatable {
        /// The class of the container that fills the column.
        public var className: String
        /// The column's share of the width, in percent.
        public var percent: Int

        /// A column filled by containers of `className`, `percent` of the width.
        public init(className: String, percent: Int) {
            self.className = className
            self.percent = percent
        }
    }
}
