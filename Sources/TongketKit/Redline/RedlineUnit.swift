import Foundation
import TongketCore
import TongketDocument

/// One comparable piece of a report: a paragraph, a heading, a list item or a table row, with
/// the heading it falls under, read from the report's document values.
public struct RedlineUnit: Sendable, Equatable {
    /// As a terminal shows it: emphasis in stars, a heading with its level's marks, a list
    /// item with its marker, a table row with its pipes.
    public var text: String
    /// What is compared: the text without its numbering.
    public var key: String
    /// The heading above it, as a reader sees it ("" before the first).
    public var section: String
    public var isHeading: Bool

    /// A part's label ("**Phần II**") compares equal to every other: parts are told apart by
    /// their titles, which follow.
    static let partKey = "\u{1}phần"

    /// The units of a recorded report's Markdown, read through the cmark door.
    static func units(of markdown: String) -> [RedlineUnit] {
        var reader = RedlineUnitReader()
        reader.read(DocumentBlock.read(markdown: markdown))
        return reader.units
    }
}
