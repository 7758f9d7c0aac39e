/// The words of the markers a template leaves in its Markdown, as HTML comments that only a
/// template (never a unit's text, parsed separately and later) can put into the tree. The door
/// knows no marker of its own: the application names them.
///
/// `PREFIX OPEN CLASS -->` … `PREFIX CLOSE -->` wraps the blocks between them in a container that
/// HTML renders as `<div class="CLASS">` and CommonMark as nothing; `PREFIX INSERT KEY -->` is
/// replaced by the insertion named KEY.
public struct MarkerSyntax: Sendable, Equatable {
    /// What every marker starts with, "<!-- tongket:".
    public var prefix: String
    /// The word that opens a container.
    public var open: String
    /// The word that closes the innermost open container.
    public var close: String
    /// The word that asks for an insertion.
    public var insert: String
    /// The class of the container around each sourced fragment.
    public var sourceClass: String

    public init(prefix: String, open: String, close: String, insert: String, sourceClass: String) {
        self.prefix = prefix
        self.open = open
        self.close = close
        self.insert = insert
        self.sourceClass = sourceClass
    }

    /// A marker as a template writes it, "tongket:khoi" for `word` "khoi": for messages.
    public func spelled(_ word: String) -> String {
        var name = Substring(prefix)
        if name.hasPrefix("<!--") { name = name.dropFirst(4) }
        return name.trimmingWhitespace + word
    }
}
