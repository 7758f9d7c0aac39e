import Foundation
import TongketCore

/// What `xl/workbook.xml` and its relationships say: the sheets by name with their parts, the
/// defined names and the date system. Read by name, never by position: a writer may reorder
/// and rename sheets.
struct WorkbookIndex {
    struct Sheet {
        var name: String
        var part: String
        var hidden: Bool
    }

    var sheets: [Sheet] = []
    /// Workbook-wide defined names, lowercased (Excel compares names without case), to what they refer.
    var names: [String: String] = [:]
    var date1904 = false

    init(package: OfficePackage) throws(Diagnostic) {
        guard let data = try package.part("xl/workbook.xml") else {
            throw Diagnostic(
                .error, .badPackage, at: SourceLocation(file: package.file, line: 1, column: 1),
                "không phải biểu Excel: thiếu xl/workbook.xml")
        }
        let workbook = WorkbookHandler()
        try SafeXML.parse(data, part: "xl/workbook.xml", file: package.file, handler: workbook)
        let relationships = RelationshipsHandler()
        if let rels = try package.part("xl/_rels/workbook.xml.rels") {
            try SafeXML.parse(rels, part: "xl/_rels/workbook.xml.rels", file: package.file, handler: relationships)
        }
        for sheet in workbook.sheets {
            guard let target = relationships.targets[sheet.id] else { continue }
            let part = Self.resolve(target, from: "xl/")
            guard package.has(part) else { continue }
            sheets.append(Sheet(name: sheet.name, part: part, hidden: sheet.hidden))
        }
        names = workbook.names
        date1904 = workbook.date1904
    }

    /// Excel compares sheet names without case, as it does defined names.
    func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// A relationship target ("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml") as a part name.
    static func resolve(_ target: String, from base: String) -> String {
        var components = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    private final class WorkbookHandler: XMLEventHandler {
        var sheets: [(name: String, id: String, hidden: Bool)] = []
        var names: [String: String] = [:]
        var date1904 = false
        private var currentName: String?
        private var text = ""

        func start(_ name: String, _ attributes: XMLAttributes) {
            switch name {
            case "sheet":
                let state = attributes["state"] ?? "visible"
                sheets.append((attributes["name"] ?? "", attributes["id"] ?? "", state != "visible"))
            case "definedName":
                // A name scoped to one sheet is not one of the form's.
                currentName = attributes["localSheetId"] == nil ? attributes["name"] : nil
                text = ""
            case "workbookPr":
                let value = attributes["date1904"] ?? "0"
                date1904 = value == "1" || value == "true"
            default: break
            }
        }

        func end(_ name: String) {
            if name == "definedName", let current = currentName {
                let key = current.lowercased()
                if names[key] == nil { names[key] = text }
                currentName = nil
            }
        }

        func text(_ text: String) {
            if currentName != nil { self.text += text }
        }

        var wantsText: Bool { currentName != nil }
    }
}

/// The relationships of one part: id → target.
final class RelationshipsHandler: XMLEventHandler {
    var targets: [String: String] = [:]

    func start(_ name: String, _ attributes: XMLAttributes) {
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"], attributes["TargetMode"] != "External" {
            targets[id] = target
        }
    }

    func end(_ name: String) {}
    func text(_ text: String) {}

    var wantsText: Bool { false }
}
