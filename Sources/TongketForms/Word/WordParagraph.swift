import Foundation

/// One paragraph of the Word form as read: its style, whether it is a list item, its runs with
/// their emphasis, and the block content control around it.
struct WordParagraph {
    struct Run {
        var text: String
        var bold: Bool
        var italic: Bool
    }

    var style = ""
    /// The list it belongs to (`w:numId`), if any, and its level.
    var list: (id: String, level: Int)?
    var runs: [Run] = []
    /// The tag of the innermost block control holding the paragraph, and whether that control
    /// still shows its placeholder.
    var control: String?
    /// The tags of every block control holding the paragraph, outermost first: a control the
    /// writer put inside a section's control does not take the paragraph out of the section.
    var controls: [String] = []
    var placeholder = false
    /// What could not be carried into Markdown, in the user's words ("một bảng", "một hình").
    var leftOut: [String] = []
    /// Whether tracked insertions or deletions were read as accepted.
    var revised = false

    var text: String { runs.map(\.text).joined() }

    /// A heading style: Word's "Heading1", LibreOffice's "Heading 1" or "Heading1".
    var headingLevel: Int? {
        let compact = style.replacingOccurrences(of: " ", with: "").lowercased()
        guard compact.hasPrefix("heading"), let level = Int(compact.dropFirst(7)) else { return nil }
        return level
    }
}
