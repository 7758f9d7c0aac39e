/// A piece of Markdown a unit wrote, and who wrote it. The source is put into the tree as text
/// nodes, never parsed, so a name can't turn into markup.
public struct Sourced: Sendable, Equatable {
    public var source: String
    public var text: String

    public init(source: String, text: String) {
        self.source = source
        self.text = text
    }
}
