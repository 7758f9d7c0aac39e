/// What to put where a template left an insertion marker (`MarkerSyntax.insert`).
public enum Insertion: Sendable, Equatable {
    /// Markdown a unit wrote, parsed on its own so that nothing in it can reach outside it, its
    /// headings moved below the enclosing section's level.
    case fragment(String, belowHeadingLevel: Int)
    /// One point per item, each parsed on its own, as a bullet list.
    case list([String], belowHeadingLevel: Int)
    /// A block each writer renders natively (a table, a chart), named by `id`.
    case native(id: String)
    /// The texts of several units, each parsed on its own and introduced by its source in italics
    /// ("*Sở Tư pháp:*"), each in a container of class `MarkerSyntax.sourceClass`.
    case sourcedFragments([Sourced], belowHeadingLevel: Int)
    /// One bullet list of the points of several units, each point followed by its source, "(Sở Tư pháp)".
    case sourcedList([Sourced], belowHeadingLevel: Int)
    /// Several insertions, one after the other.
    case sequence([Insertion])
}
