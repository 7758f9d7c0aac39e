import Foundation
import TongketCore

/// The shared-strings part (`xl/sharedStrings.xml`) where Excel and LibreOffice keep every
/// text a cell holds. A rich-text string is its runs' text joined; phonetic guides (`rPh`) are
/// not text. A string over a cell's limit is kept as nil and reported where a cell uses it.
struct SharedStrings {
    private(set) var strings: [String?] = []

    init() {}

    init(package: OfficePackage, part: String) throws(Diagnostic) {
        guard let data = try package.part(part) else { return }
        let handler = Handler()
        try SafeXML.parse(data, part: part, file: package.file, handler: handler)
        strings = handler.strings
    }

    subscript(index: Int) -> String?? { strings.indices.contains(index) ? .some(strings[index]) : .none }

    private final class Handler: XMLEventHandler {
        var strings: [String?] = []
        private var current: CellText?
        private var inText = false
        private var phonetic = 0

        func start(_ name: String, _ attributes: XMLAttributes) {
            switch name {
            case "si": current = CellText()
            case "t": inText = phonetic == 0
            case "rPh": phonetic += 1
            default: break
            }
        }

        func end(_ name: String) {
            switch name {
            case "si":
                if let current { strings.append(current.isOverlong ? nil : current.value) }
                current = nil
            case "t": inText = false
            case "rPh": phonetic -= 1
            default: break
            }
        }

        func text(_ text: String) {
            if inText { current?.append(text) }
        }

        var wantsText: Bool { inText }
    }
}
