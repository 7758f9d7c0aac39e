/// Where a template asks for content the document layer supplies: a section's text, a table or
/// a chart. Typed, so that a key is built in one place and never spelled by hand; `marker` is how
/// a template writes it after the insertion marker (`muc:KEY`, `bang:ID`, `bieu-do:ID`, `phu-luc:ID`).
public enum InsertionKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// An outline section's content, by section key.
    case section(String)
    /// A table built from data, by its id.
    case table(String)
    /// A chart built from data, by its id.
    case chart(String)
    /// An annex of text (the units' material set apart from the body), by its id: written with
    /// the rest of the tree, since an annex sits inside its appendix's block.
    case annex(String)

    /// The key as a template and the document tree name it.
    public var marker: String {
        switch self {
        case .section(let key): return "muc:" + key
        case .table(let id): return "bang:" + id
        case .chart(let id): return "bieu-do:" + id
        case .annex(let id): return "phu-luc:" + id
        }
    }

    public var description: String { marker }

    /// Whether this is a section's content, which a very large report writes only when reached.
    public var isSection: Bool {
        if case .section = self { return true }
        return false
    }

    public static func < (a: InsertionKey, b: InsertionKey) -> Bool { a.marker < b.marker }
}
