import Foundation
import TongketDocument

/// Reads the headings of tongket's HTML page as it is written, in pieces of any size, for the
/// PDF's bookmarks: each `<h1>`…`<h6>` as text, and a part's label ("Phần I", the paragraph the
/// template puts above a part's heading inside `<div class="phan">`) in front of its title.
/// It keeps only the heading being read, so the page of a draft of thousands of units is never
/// held whole.
struct BookmarkScanner {
    private(set) var titles: [PDFBookmarkTitle] = []
    /// Bytes of a tag not yet closed by ">".
    private var tag: [UInt8] = []
    private var inTag = false
    /// The heading or part label being read, when one is.
    private var text: [UInt8]?
    private var readingLabel = false
    private var inPart = false
    private var label: String?

    mutating func feed(_ piece: String) {
        for byte in piece.utf8 { take(byte) }
    }

    private mutating func take(_ byte: UInt8) {
        if inTag {
            if byte == UInt8(ascii: ">") {
                inTag = false
                element(String(decoding: tag, as: UTF8.self))
                tag.removeAll(keepingCapacity: true)
            } else if tag.count < 256 {
                tag.append(byte)
            }
        } else if byte == UInt8(ascii: "<") {
            inTag = true
        } else {
            text?.append(byte)
        }
    }

    /// A tag's inside, "h2" or "/h2" or "div class=\"phan\"".
    private mutating func element(_ inside: String) {
        let closing = inside.hasPrefix("/")
        let word = (closing ? inside.dropFirst() : Substring(inside)).prefix { $0.isLetter || $0.isNumber }.lowercased()
        let name = closing ? "/" + word : word
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            text = []
        case "/h1", "/h2", "/h3", "/h4", "/h5", "/h6":
            let heading = Self.plain(text ?? [])
            text = nil
            let title = inPart && name == "/h1" ? label.map { "\($0). \(heading)" } ?? heading : heading
            if !heading.isEmpty { titles.append(PDFBookmarkTitle(heading: heading, title: title)) }
        case "div" where inside.contains("class=\"phan\""):
            inPart = true
            label = nil
        case "p" where inPart && label == nil && text == nil:
            readingLabel = true
            text = []
        case "/p" where readingLabel:
            readingLabel = false
            label = Self.plain(text ?? [])
            text = nil
        case "/div":
            inPart = false
        default:
            break
        }
    }

    /// The text with entities decoded and runs of whitespace made one space.
    static func plain(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
