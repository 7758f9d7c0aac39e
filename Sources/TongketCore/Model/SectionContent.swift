/// What a unit wrote in one section.
public enum SectionContent: Sendable, Equatable {
    /// Markdown prose.
    case text(String)
    /// One Markdown point per item.
    case list([String])

    /// Whether nothing but white space was written.
    public var isEmpty: Bool {
        switch self {
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        case .list(let items): return items.allSatisfy { $0.allSatisfy(\.isWhitespace) }
        }
    }
}
