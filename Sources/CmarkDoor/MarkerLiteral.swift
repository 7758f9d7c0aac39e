import Foundation

/// What the literal of an HTML node is to the markers (`MarkerSyntax`): none of theirs, a
/// marker's words, or a stray marker (one that is not a whole HTML block of its own, or holds a
/// second end).
///
/// A template's markers are ASCII, and so is almost every HTML literal of a report: those are read
/// from their bytes. Through String's operations by character (trimming, splitting, `contains`)
/// the fifty markers of each tree were 6% of rendering one unit's report, every format building
/// a tree of its own. Any other literal is read by character, as before, so that a marker's
/// prefix followed by a combining mark is still no marker.
enum MarkerLiteral: Equatable {
    case none
    case words([String])
    case stray(String)

    static func read(_ literal: UnsafePointer<CChar>, isBlock: Bool, prefix: String) -> MarkerLiteral {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        guard bytes.allSatisfy({ $0 < 0x80 }), prefix.utf8.allSatisfy({ $0 < 0x80 }) else {
            return byCharacter(String(cString: literal), isBlock: isBlock, prefix: prefix)
        }
        let start = Array(prefix.utf8)
        let end = Array("-->".utf8)
        guard ByteSearch.holds(bytes, start) else { return .none }
        // ASCII's white space: each byte a character of its own, "\r\n" two that both trim.
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var (first, last) = (0, bytes.count)
        while first < last, isSpace(bytes[first]) { first += 1 }
        while last > first, isSpace(bytes[last - 1]) { last -= 1 }
        let trimmed = bytes[first..<last]
        guard isBlock, trimmed.starts(with: start), trimmed.count >= end.count, trimmed.suffix(end.count).elementsEqual(end),
            !ByteSearch.holds(trimmed.dropLast(end.count), end)
        else { return .stray(String(decoding: trimmed, as: UTF8.self)) }
        // Prefix and end may share bytes in a marker of nothing ("<!-- tongket:-->" has no words).
        let body = trimmed.count >= start.count + end.count ? trimmed.dropFirst(start.count).dropLast(end.count) : trimmed[first..<first]
        return .words(body.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) })
    }

    /// The same read by character: the literal trimmed of white space, then split at spaces.
    static func byCharacter(_ literal: String, isBlock: Bool, prefix: String) -> MarkerLiteral {
        guard MarkdownTree.holds(literal, prefix) else { return .none }
        let trimmed = literal.trimmingWhitespace
        guard isBlock, trimmed.hasPrefix(prefix), trimmed.hasSuffix("-->"), !MarkdownTree.holds(trimmed.dropLast(3), "-->") else {
            return .stray(trimmed)
        }
        return .words(trimmed.dropFirst(prefix.count).dropLast(3).split(separator: " ").map(String.init))
    }
}
