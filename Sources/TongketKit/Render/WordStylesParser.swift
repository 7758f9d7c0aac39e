import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a Word styles file (`kieu-word.xml`) as XML: whether it is well-formed, and the styles
/// it defines (`w:style` elements by `w:styleId`), which the class map may name.
final class WordStylesParser: NSObject, XMLParserDelegate {
    private var depth = 0
    private var sawElement = false
    /// The `w:styleId` of every `w:style`.
    private(set) var styleIDs: Set<String> = []

    /// Where the text stopped being well-formed XML (1-based), or nil when it is.
    func parse(_ text: String) -> (line: Int, column: Int)? {
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        // Foundation's parser on Linux may return true with an error set, or say nothing of an
        // element left open: all three are checked.
        if !parser.parse() || parser.parserError != nil || depth != 0 || !sawElement {
            return (max(parser.lineNumber, 1), max(parser.columnNumber, 1))
        }
        return nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        sawElement = true
        if elementName == "w:style", let id = attributes["w:styleId"] { styleIDs.insert(id) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
    }
}
