import TongketCore
import TongketDocument

/// Reads the classes of a Word class map (`kieu-word-lop.yaml`) from its YAML nodes, stopping at
/// the first problem with its place in the file: a template author fixes one line at a time.
struct WordStyleMapReading {
    typealias Key = WordStyleMapLoader.Key
    typealias Behaviour = WordStyleMapLoader.Behaviour

    var reader: NodeReader
    /// The styles `kieu-word.xml` defines; a name outside them would fall back to Normal in Word.
    let styleIDs: Set<String>

    /// A problem at `node`.
    func error(_ node: Node, _ message: String) -> Diagnostic {
        let location = reader.location(node)
        return Diagnostic(file: location.file, line: location.line, column: location.column, message: message)
    }

    /// Throws the first problem the reader has noted.
    private func check() throws(Diagnostic) {
        if let first = reader.diagnostics.first { throw first }
    }

    /// The pairs of a mapping in file order; an empty value is an empty mapping.
    mutating func mapping(_ node: Node, _ what: String) throws(Diagnostic) -> [(key: String, keyNode: Node, value: Node)] {
        let pairs = reader.mapping(node, what)
        try check()
        return pairs ?? []
    }

    /// What the map says of one class.
    mutating func classStyle(_ node: Node, _ className: String) throws(Diagnostic) -> DOCXClassStyle {
        let what = "lớp '\(className)'"
        let pairs = try mapping(node, what)
        reader.checkKeys(pairs, allowed: Key.allCases.map(\.rawValue), in: what)
        try check()
        var fields: [Key: (keyNode: Node, value: Node)] = [:]
        for pair in pairs {
            if let key = Key(rawValue: pair.key) { fields[key] = (pair.keyNode, pair.value) }
        }
        let behaviours = try self.behaviours(fields[.behaviours]?.value, what)
        for pair in pairs {
            guard let key = Key(rawValue: pair.key), !key.onlyWith.isEmpty else { continue }
            if !key.onlyWith.contains(where: { named in behaviours.contains { $0.behaviour == named } }) {
                let names = key.onlyWith.map { "'\($0.rawValue)'" }.joined(separator: " hoặc ")
                throw error(pair.keyNode, "khóa '\(key.rawValue)' chỉ dùng với cách \(names) (trong '\(Key.behaviours.rawValue)')")
            }
        }
        var style = DOCXClassStyle()
        // The styles a class may name whatever it does.
        func optionalStyle(_ key: Key) throws(Diagnostic) -> String? {
            guard let field = fields[key] else { return nil }
            return try styleName(field.value, key)
        }
        style.paragraphStyle = try optionalStyle(.paragraph)
        style.headingStyle = try optionalStyle(.heading)
        style.listLineStyle = try optionalStyle(.listLines)
        style.paragraphBefore = try optionalStyle(.paragraphBefore)
        for (behaviour, node) in behaviours {
            // The keys a behaviour needs, each present.
            func needed(_ key: Key) throws(Diagnostic) -> Node {
                guard let field = fields[key] else {
                    throw error(node, "cách '\(behaviour.rawValue)' cần khóa '\(key.rawValue)' trong \(what)")
                }
                return field.value
            }
            switch behaviour {
            case .boxed: style.boxed = true
            case .keepWithPrevious: style.keepsWithPrevious = true
            case .keepFirstWithNext: style.keepsFirstWithNext = true
            case .landscape: style.layout = .landscape
            case .layoutTable:
                style.layout = .columns(try columns(try needed(.columns), fields[.columns]?.keyNode ?? node))
            case .ruleBelow, .ruleBelowText:
                let rule = try styleName(try needed(.rule), .rule)
                let percent = try self.percent(try needed(.percent), .percent)
                style.layout =
                    behaviour == .ruleBelow ? .ruleBelow(style: rule, percent: percent) : .ruleBelowText(style: rule, percent: percent)
            case .nationalMotto:
                style.layout = .nationalMotto(
                    first: try styleName(try needed(.firstParagraph), .firstParagraph),
                    following: try styleName(try needed(.followingParagraphs), .followingParagraphs))
            case .emptyParagraph:
                style.layout = .emptyParagraph(style: try styleName(try needed(.paragraph), .paragraph))
            }
        }
        return style
    }

    /// The behaviours under `cach` (one name, or a list of names), each with its node; at most
    /// one lays the block out.
    private mutating func behaviours(_ node: Node?, _ what: String) throws(Diagnostic) -> [(behaviour: Behaviour, node: Node)] {
        guard let node else { return [] }
        let items: [Node]
        if case .sequence = node {
            items = reader.sequence(node, "'\(Key.behaviours.rawValue)' của \(what)") ?? []
        } else {
            items = NodeReader.isNull(node) ? [] : [node]
        }
        var found: [(behaviour: Behaviour, node: Node)] = []
        for item in items {
            guard let name = reader.text(item, "một cách trình bày") else { continue }
            try check()
            guard let behaviour = Behaviour(rawValue: name) else {
                let names = Behaviour.allCases.map(\.rawValue)
                let base = Suggestion.message(unknown: "không có cách trình bày '\(name)'", candidates: names, for: name)
                throw error(item, "\(base) (các cách có: \(names.joined(separator: ", ")))")
            }
            if found.contains(where: { $0.behaviour == behaviour }) { throw error(item, "cách '\(name)' bị lặp lại") }
            if behaviour.isLayout, let layout = found.first(where: { $0.behaviour.isLayout }) {
                throw error(item, "\(what) chỉ có một cách bố cục, đã có '\(layout.behaviour.rawValue)'")
            }
            found.append((behaviour, item))
        }
        try check()
        return found
    }

    /// A style `kieu-word.xml` defines, by its `w:styleId`.
    private mutating func styleName(_ node: Node, _ key: Key) throws(Diagnostic) -> String {
        let name = reader.text(node, "'\(key.rawValue)'")
        try check()
        guard let name else { throw error(node, "'\(key.rawValue)' cần tên một kiểu Word (w:styleId trong kieu-word.xml)") }
        guard styleIDs.contains(name) else {
            throw error(
                node,
                Suggestion.message(unknown: "kiểu Word '\(name)' không có trong kieu-word.xml", candidates: styleIDs.sorted(), for: name))
        }
        return name
    }

    /// A share in percent, a whole number from 1 to 100.
    private mutating func percent(_ node: Node, _ what: String) throws(Diagnostic) -> Int {
        let text = reader.text(node, what)
        try check()
        guard let text, let value = Int(text), (1...100).contains(value) else {
            throw error(node, "\(what) phải là một số nguyên từ 1 đến 100 (phần trăm), nhưng gặp \(NodeReader.describe(node))")
        }
        return value
    }

    private mutating func percent(_ node: Node, _ key: Key) throws(Diagnostic) -> Int { try percent(node, "'\(key.rawValue)'") }

    /// The columns of a layout table: the class filling each and its share, adding up to 100.
    private mutating func columns(_ node: Node, _ keyNode: Node) throws(Diagnostic) -> [DOCXLayout.Column] {
        var columns: [DOCXLayout.Column] = []
        for (className, _, value) in try mapping(node, "'\(Key.columns.rawValue)'") {
            columns.append(DOCXLayout.Column(className: className, percent: try percent(value, "bề rộng cột '\(className)'")))
        }
        let total = columns.map(\.percent).reduce(0, +)
        guard !columns.isEmpty, total == 100 else {
            throw error(
                keyNode, "'\(Key.columns.rawValue)' cần các cột (lớp: phần trăm bề rộng) cộng lại bằng 100, nhưng tổng là \(total)")
        }
        return columns
    }
}
