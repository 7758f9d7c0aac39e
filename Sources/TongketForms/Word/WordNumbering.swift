import Foundation
import TongketCore

/// Which lists of a Word document are numbered rather than bulleted, from `word/numbering.xml`:
/// a paragraph names its list (`w:numId`), the list its definition (`w:abstractNumId`), and the
/// definition each level's format (`w:numFmt`).
struct WordNumbering {
    private var abstractOf: [String: String] = [:]
    private var formats: [String: [Int: String]] = [:]

    init() {}

    init(package: OfficePackage) throws(Diagnostic) {
        guard let data = try package.part("word/numbering.xml") else { return }
        let handler = Handler()
        try SafeXML.parse(data, part: "word/numbering.xml", file: package.file, handler: handler)
        abstractOf = handler.abstractOf
        formats = handler.formats
    }

    func isOrdered(_ id: String, level: Int) -> Bool {
        guard let abstract = abstractOf[id], let format = formats[abstract]?[level] else { return false }
        return format != "bullet" && format != "none"
    }

    private final class Handler: XMLEventHandler {
        var abstractOf: [String: String] = [:]
        var formats: [String: [Int: String]] = [:]
        private var abstract: String?
        private var level: Int?
        private var num: String?

        func start(_ name: String, _ attributes: XMLAttributes) {
            switch name {
            case "abstractNum": abstract = attributes["abstractNumId"]
            case "lvl": level = attributes["ilvl"].flatMap { Int($0) }
            case "numFmt":
                if let abstract, let level, let value = attributes["val"] { formats[abstract, default: [:]][level] = value }
            case "num": num = attributes["numId"]
            case "abstractNumId": if let num, let value = attributes["val"] { abstractOf[num] = value }
            default: break
            }
        }

        func end(_ name: String) {
            switch name {
            case "abstractNum": abstract = nil
            case "lvl": level = nil
            case "num": num = nil
            default: break
            }
        }

        func text(_ text: String) {}

        var wantsText: Bool { false }
    }
}
