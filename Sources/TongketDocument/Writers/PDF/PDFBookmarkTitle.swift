/// A heading of the document as the engine's bookmark shows it (`heading`, matched without its
/// spaces, since Chromium drops the space where a heading wraps) and the title the bookmark gets
/// (`title`: the heading with its spaces, and a part's label before it).
public struct PDFBookmarkTitle: Sendable, Equatable {
    /// The heading's text.
    public var heading: String
    /// The bookmark's title.
    public var title: String

    /// A bookmark titled `title` for the heading `heading`.
    public init(heading: String, title: String) {
        self.heading = heading
        self.title = title
    }
}
