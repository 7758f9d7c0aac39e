/// A piece of Markdown a unit wrote, and who wrote it. The source is put into the tree as text
/// nodes, never parsed, so a name can't turn into markup.
public struct Sourced: Sendable, Equatable {
    public let source: String
    public let text: String
    /// How `PlainProse` may write the piece without cmark, worked out once here rather than by
    /// the writer of each format.
    let shape: PlainProse.Shape

    public init(source: String, text: String) {
        self.source = source
        self.text = text
        self.shape = PlainProse.shape(source: source, text: text)
    }
}
