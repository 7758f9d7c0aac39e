/// Reads values out of a YAML node tree while collecting every problem it meets, so that a user
/// sees all of them at once instead of one per run.
///
/// Scalars are always read as the text the user wrote (YAML 1.1 would turn `no` into false,
/// `08` into 8 and `2020-04-30` into a date); numbers and dates are parsed by tongket itself.
package struct NodeReader {
    package let file: String
    package private(set) var diagnostics: [Diagnostic] = []
    /// The date messages show as an example of the expected form: one in the programme's own
    /// time when the outline is known, so a 2025 review never suggests a 2020 date.
    package var exampleDate: String

    package init(file: String, exampleDate: String = "30/04/2020") {
        self.file = file
        self.exampleDate = exampleDate
    }

    package func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    package mutating func report(_ severity: Severity, _ kind: DiagnosticKind, _ node: Node, _ message: String) {
        diagnostics.append(Diagnostic(severity, kind, at: location(node), message))
    }

    package mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// An empty value: nothing after the colon, `~` or an unquoted `null`.
    package static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        // By length first: the array of the five words, made at each call, was a fifth of
        // reading a figure.
        let text = scalar.string
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }

    /// The pairs of a mapping, or an error saying that `what` should be a mapping.
    package mutating func mapping(_ node: Node, _ what: @autoclosure () -> String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            if !Self.isNull(node) {
                report(.error, .wrongType, node, "\(what()) phải là một bảng khóa: giá trị, nhưng gặp \(Self.describe(node))")
            }
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        pairs.reserveCapacity(mapping.underestimatedCount)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                reportKeyNotText(key, in: what())
                continue
            }
            pairs.append((Self.normalised(scalar), key, value))
        }
        return pairs
    }

    /// A mapping's key that is a list or a mapping, where only text is read.
    package mutating func reportKeyNotText(_ key: Node, in what: String) {
        report(.error, .wrongType, key, "khóa trong \(what) phải là một chữ, nhưng gặp \(Self.describe(key))")
    }

    /// The items of a sequence, or an error saying that `what` should be a list.
    package mutating func sequence(_ node: Node, _ what: @autoclosure () -> String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            if !Self.isNull(node) {
                report(
                    .error, .wrongType, node,
                    "\(what()) phải là một danh sách (mỗi ý một dòng bắt đầu bằng '- '), nhưng gặp \(Self.describe(node))")
            }
            return nil
        }
        return Array(sequence)
    }

    /// The text of a scalar exactly as written, NFC; nil (with an error) for a list or mapping, nil for an empty value.
    package mutating func text(_ node: Node, _ what: @autoclosure () -> String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(.error, .wrongType, node, "\(what()) phải là một đoạn chữ, nhưng gặp \(Self.describe(node))")
            return nil
        }
        if Self.isNull(node) { return nil }
        return Self.normalised(scalar)
    }

    /// The whole file is NFC already (SourceText); only a double-quoted scalar's escapes
    /// ("\u0301") can bring back a decomposed letter (`Node.Scalar.composed`).
    package static func normalised(_ scalar: Node.Scalar) -> String {
        scalar.composed ? scalar.string : SourceText.nfc(scalar.string)
    }

    /// Reports every key that is not in `allowed`, suggesting the nearest allowed one.
    package mutating func checkKeys(_ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], in what: String) {
        for pair in pairs where !allowed.contains(pair.key) {
            report(
                .error, .unknownKey, pair.keyNode,
                Suggestion.message(unknown: "khóa '\(pair.key)' không có trong \(what)", candidates: allowed, for: pair.key))
        }
    }

    /// What a node is, in words, for "expected X but found Y" messages.
    package static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "giá trị trống" }
            let shown = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(shown.replacingOccurrences(of: "\n", with: " "))'"
        case .mapping: return "một bảng khóa: giá trị"
        case .sequence: return "một danh sách"
        }
    }

}
