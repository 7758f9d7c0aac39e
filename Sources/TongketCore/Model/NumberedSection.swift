/// A section of the outline with the place it has in the tree.
public struct NumberedSection: Sendable {
    public var section: Section
    /// 1 for a part (Phần), 2 for a Roman-numbered section, and so on.
    public var depth: Int
    /// The number as printed: "Phần I", "II.", "3.", "b)".
    public var label: String
    /// Keys of the enclosing sections, outermost first.
    public var parents: [String]

    /// Number and title on one line, "Phần I. KẾT QUẢ…", "2. Cải cách thủ tục hành chính", for
    /// places (terminal, comments) where a part cannot have a line of its own.
    public var inlineHeading: String {
        let title = depth == 1 ? section.title.uppercased() : section.title
        return label.hasPrefix("Phần ") ? "\(label). \(title)" : "\(label) \(title)"
    }
}
