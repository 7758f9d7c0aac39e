import Foundation

/// The keys of one YAML mapping, read by name; a required key that is missing or empty is
/// reported at the mapping itself, since there is no better place to point at.
package struct Fields {
    package let pairs: [(key: String, keyNode: Node, value: Node)]
    package let owner: Node

    package init(_ pairs: [(key: String, keyNode: Node, value: Node)], _ owner: Node) {
        self.pairs = pairs
        self.owner = owner
    }

    package func node(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
    package func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

    /// A required text; reports `missingField` when it is absent or empty.
    package func text(_ key: String, _ r: inout NodeReader) -> String? {
        guard let node = node(key) else {
            r.report(.error, .missingField, owner, "thiếu khóa '\(key)'")
            return nil
        }
        guard let value = r.text(node, "'\(key)'") else {
            if NodeReader.isNull(node) { r.report(.error, .missingField, node, "'\(key)' chưa được ghi") }
            return nil
        }
        let trimmed = value.trimmedWhitespace
        if trimmed.isEmpty { r.report(.error, .missingField, node, "'\(key)' chưa được ghi") }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A text that may be left out.
    package func optionalText(_ key: String, _ r: inout NodeReader) -> String? {
        guard let node = node(key), let value = r.text(node, "'\(key)'") else { return nil }
        let trimmed = value.trimmedWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A list of texts; `each` sees every item with its place, for cross-references.
    package func texts(_ key: String, _ r: inout NodeReader, each: (SourceLocation, String) -> Void = { _, _ in }) -> [String] {
        guard let node = node(key), let items = r.sequence(node, "'\(key)'") else { return [] }
        return items.compactMap { item in
            guard let value = r.text(item, "mỗi phần tử của '\(key)'") else { return nil }
            each(r.location(item), value)
            return value
        }
    }

    package func number(_ key: String, _ r: inout NodeReader) -> Double? {
        guard let word = text(key, &r), let node = node(key) else { return nil }
        guard let value = FigureText.parse(word) else {
            r.report(.error, .notANumber, node, "'\(key)' phải là một số, nhưng gặp '\(word)'")
            return nil
        }
        return value
    }

    package func integer(_ key: String, _ r: inout NodeReader) -> Int? {
        guard let value = number(key, &r), let node = node(key) else { return nil }
        guard value.rounded() == value, abs(value) < 1e9 else {
            r.report(.error, .notAnInteger, node, "'\(key)' phải là một số nguyên")
            return nil
        }
        return Int(value)
    }

    /// An integer one level down, `giai_doan: {tu: 2011}`.
    package func integer(_ key: String, sub: String, _ r: inout NodeReader) -> Int? {
        guard let inner = node(key) else {
            r.report(.error, .missingField, owner, "thiếu khóa '\(key)'")
            return nil
        }
        guard let pairs = r.mapping(inner, "'\(key)'") else { return nil }
        return Fields(pairs, inner).integer(sub, &r)
    }

    /// A date written dd/mm/yyyy (or yyyy-mm-dd); a malformed one is reported with the expected form.
    package func date(_ key: String, _ r: inout NodeReader) -> SimpleDate? {
        guard let word = text(key, &r), let node = node(key) else { return nil }
        guard let date = VietnameseDate.parse(word) else {
            r.report(
                .error, .badDate, node, "'\(key)' phải là một ngày có thật, dạng ngày/tháng/năm như \(r.exampleDate), nhưng gặp '\(word)'")
            return nil
        }
        return date
    }
}
