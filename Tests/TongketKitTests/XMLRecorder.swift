import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML part read with Foundation's parser into a small tree, for tests that check a part's
/// content rather than its bytes (chart parts, workbook sheets, the document's captions).
final class XMLRecorder: NSObject, XMLParserDelegate {
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        /// The text directly inside the element.
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// Every element below this one, in document order.
        var descendants: [Node] { children.flatMap { [$0] + $0.descendants } }

        func first(_ name: String) -> Node? { descendants.first { $0.name == name } }

        /// A Word paragraph's style.
        var style: String? { children.first { $0.name == "w:pPr" }?.children.first { $0.name == "w:pStyle" }?.attributes["w:val"] }

        /// A Word paragraph's text, its line breaks as "\n".
        var paragraphText: String {
            descendants.map { $0.name == "w:t" ? $0.text : $0.name == "w:br" ? "\n" : "" }.joined()
        }
    }

    private let root = Node(name: "", attributes: [:])
    private var stack: [Node] = []
    /// Every element, in document order.
    private(set) var elements: [Node] = []

    static func read(_ data: Data) -> XMLRecorder {
        let recorder = XMLRecorder()
        recorder.stack = [recorder.root]
        let parser = XMLParser(data: data)
        parser.delegate = recorder
        _ = parser.parse()
        return recorder
    }

    /// The texts of the elements named `name`, in order.
    func texts(of name: String) -> [String] { elements.filter { $0.name == name }.map(\.text) }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        let node = Node(name: elementName, attributes: attributeDict)
        stack.last?.children.append(node)
        stack.append(node)
        elements.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
}

/// What a test reads in a chart part: the series' name, categories, cached values by point
/// index, number format, formulas and the value axis's title.
struct ChartXML {
    var seriesName: String?
    var categories: [String]
    var values: [Int: String]
    var formatCode: String?
    var formulas: [String]
    var axisTitle: String?

    init(_ xml: XMLRecorder) {
        let series = xml.elements.first { $0.name == "c:ser" }
        seriesName = series?.children.first { $0.name == "c:tx" }?.first("c:v")?.text
        let category = series?.first("c:cat")
        categories = category?.descendants.filter { $0.name == "c:pt" }.map { $0.first("c:v")?.text ?? "" } ?? []
        let value = series?.first("c:val")
        var values: [Int: String] = [:]
        for point in value?.descendants.filter({ $0.name == "c:pt" }) ?? [] {
            values[Int(point.attributes["idx"] ?? "") ?? -1] = point.first("c:v")?.text
        }
        self.values = values
        formatCode = value?.first("c:formatCode")?.text
        formulas = xml.texts(of: "c:f")
        axisTitle = xml.elements.first { $0.name == "c:valAx" }?.first("c:title")?.descendants.filter { $0.name == "a:t" }.map(\.text)
            .joined()
    }
}
