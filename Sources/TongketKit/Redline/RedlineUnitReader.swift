import Foundation
import TongketCore
import TongketDocument

/// Walks document values into redline units. Numbering comes from the nodes: a heading's label is
/// the first word of the heading, a part's label is a paragraph of bold text alone right above a
/// first-level heading, a list item's marker is the list's, a table row's number its first cell.
struct RedlineUnitReader {
    var units: [RedlineUnit] = []
    var section = ""

    mutating func read(_ blocks: [DocumentBlock]) {
        for (index, block) in blocks.enumerated() {
            switch block {
            case .heading(let level, let inlines):
                section = DocumentText.plain(inlines)
                let text = String(repeating: "#", count: level) + " " + DocumentText.marked(inlines)
                units.append(RedlineUnit(text: text, key: String(NumberingLabel.strip(section)), section: section, isHeading: true))
            case .paragraph(let inlines):
                if case .strong = inlines.first, inlines.count == 1, index + 1 < blocks.count,
                    case .heading(1, _) = blocks[index + 1]
                {
                    let text = DocumentText.marked(inlines)
                    section = text
                    units.append(RedlineUnit(text: text, key: RedlineUnit.partKey, section: section, isHeading: false))
                } else if isTable(inlines) {
                    tableRows(inlines)
                } else {
                    add(DocumentText.marked(inlines), key: nil)
                }
            case .list(let list):
                for (offset, item) in list.items.enumerated() {
                    let text = itemText(item)
                    add((list.ordered ? "\(list.start + offset). " : "- ") + text, key: text)
                }
            case .quote(let inner), .container(_, let inner):
                read(inner)
            case .code(let code):
                add(code.split(separator: "\n").joined(separator: " "), key: nil)
            case .thematicBreak, .native:
                continue
            }
        }
    }

    mutating func add(_ text: String, key: String?) {
        units.append(RedlineUnit(text: text, key: key ?? text, section: section, isHeading: false))
    }

    /// A list item's blocks as one line of text.
    func itemText(_ blocks: [DocumentBlock]) -> String {
        var reader = RedlineUnitReader()
        reader.read(blocks)
        return reader.units.map(\.text).joined(separator: " ")
    }

    /// CommonMark has no tables: tongket's Markdown writes them as pipe rows, which cmark reads
    /// as one paragraph, a row a line.
    func isTable(_ inlines: [DocumentInline]) -> Bool {
        guard case .text(let first) = inlines.first, first.hasPrefix("|") else { return false }
        return DocumentText.lines(inlines).allSatisfy { line in
            if case .text(let text) = line.first { return text.hasPrefix("|") }
            return false
        }
    }

    /// One unit a row, the rule under the header left out; a row's number is not compared.
    mutating func tableRows(_ inlines: [DocumentInline]) {
        for line in DocumentText.lines(inlines) {
            let text = DocumentText.marked(line)
            if text.allSatisfy({ "|-: ".contains($0) }) { continue }
            let cells = text.dropFirst(2)
            let number = cells.prefix { $0 != " " }
            let numbered = !number.isEmpty && number.allSatisfy(\.isNumber)
            add(text, key: numbered ? "| #" + cells.dropFirst(number.count) : text)
        }
    }
}
