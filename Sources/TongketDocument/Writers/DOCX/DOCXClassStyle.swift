/// How the DOCX writer treats the blocks inside a container of one class.
///
/// Styles are the `w:styleId`s of the template set's `kieu-word.xml`. Paragraph, heading and
/// list styles apply to everything inside, down to a nested class that names its own.
public struct DOCXClassStyle: Sendable, Equatable {
    /// The style of the paragraphs inside.
    public var paragraphStyle: String?
    /// The style of the headings inside (in place of Heading 1–6 by level).
    public var headingStyle: String?
    /// When set, lists inside are typed lines "- …" in this style, as the recipients of a state
    /// document are, rather than a Word list.
    public var listLineStyle: String?
    /// The text of the paragraphs that take `paragraphStyle` from this class is boxed (the
    /// "DỰ THẢO" mark).
    public var boxed: Bool
    /// The paragraph before the block is kept on the same page as it (Word's "keep with next"),
    /// so that the block (the signature) never stands alone on a page.
    public var keepsWithPrevious: Bool
    /// The block's first paragraph is kept on the same page as the one after it, so that a
    /// unit's label ("Sở Tư pháp:") never ends a page without the text it introduces.
    public var keepsFirstWithNext: Bool
    /// An empty paragraph of this style goes before the block (space above the signature).
    public var paragraphBefore: String?
    /// How the block is laid out, when it is more than its blocks one after another.
    public var layout: DOCXLayout?

    /// A class that does what its arguments say and nothing else.
    public init(
        paragraphStyle: String? = nil, headingStyle: String? = nil, listLineStyle: String? = nil, boxed: Bool = false,
        keepsWithPrevious: Bool = false, keepsFirstWithNext: Bool = false, paragraphBefore: String? = nil,
        layout: DOCXLayout? = nil
    ) {
        self.paragraphStyle = paragraphStyle
        self.headingStyle = headingStyle
        self.listLineStyle = listLineStyle
        self.boxed = boxed
        self.keepsWithPrevious = keepsWithPrevious
        self.keepsFirstWithNext = keepsFirstWithNext
        self.paragraphBefore = paragraphBefore
        self.layout = layout
    }
}
