import Foundation
import TongketCore

/// The custom document properties of a package (`docProps/custom.xml`) by name.
struct CustomProperties {
    private(set) var values: [String: String] = [:]

    init(package: OfficePackage) throws(Diagnostic) {
        guard let data = try package.part("docProps/custom.xml") else { return }
        let handler = Handler()
        try SafeXML.parse(data, part: "docProps/custom.xml", file: package.file, handler: handler)
        values = handler.values
    }

    private final class Handler: XMLEventHandler {
        var values: [String: String] = [:]
        private var name: String?
        private var text = ""

        func start(_ element: String, _ attributes: XMLAttributes) {
            if element == "property" {
                name = attributes["name"]
                text = ""
            }
        }

        func end(_ element: String) {
            if element == "property", let name {
                values[name] = text.trimmedWhitespace()
                self.name = nil
            }
        }

        func text(_ text: String) {
            if name != nil { self.text += text }
        }

        var wantsText: Bool { name != nil }
    }
}
