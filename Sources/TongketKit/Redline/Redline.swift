import Foundation

/// What changed between two versions of a report, paragraph by paragraph and, inside a changed
/// paragraph, word by word. Both levels use the standard library's `difference(from:)`.
///
/// Paragraphs are compared by a key from which numbering is removed ("III. KẾT QUẢ" and
/// "IV. KẾT QUẢ", "**Phần II**" and "**Phần III**", a table row's number), so that a section
/// added before others does not report every later heading as changed.
public struct Redline: Sendable {
    public enum Change: Sendable, Equatable {
        case same(RedlineUnit)
        case removed(RedlineUnit)
        case inserted(RedlineUnit)
        case changed(old: RedlineUnit, new: RedlineUnit, words: [WordChange])
    }

    public enum WordChange: Sendable, Equatable {
        case same(String)
        case removed(String)
        case inserted(String)
    }

    public var changes: [Change]

    public var counts: (changed: Int, inserted: Int, removed: Int, same: Int) {
        var counts = (changed: 0, inserted: 0, removed: 0, same: 0)
        for change in changes {
            switch change {
            case .same: counts.same += 1
            case .removed: counts.removed += 1
            case .inserted: counts.inserted += 1
            case .changed: counts.changed += 1
            }
        }
        return counts
    }

    /// Compares two reports' Markdown.
    public static func compare(old: String, new: String) -> Redline {
        Redline(changes: align(RedlineUnit.units(of: old), RedlineUnit.units(of: new)))
    }

    static func align(_ old: [RedlineUnit], _ new: [RedlineUnit]) -> [Change] {
        let (removed, inserted) = offsets(new.map(\.key).difference(from: old.map(\.key)))
        var changes: [Change] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            var gone: [RedlineUnit] = []
            var added: [RedlineUnit] = []
            while i < old.count && removed.contains(i) {
                gone.append(old[i])
                i += 1
            }
            while j < new.count && inserted.contains(j) {
                added.append(new[j])
                j += 1
            }
            if gone.isEmpty && added.isEmpty {
                guard i < old.count, j < new.count else { break }
                changes.append(.same(new[j]))
                i += 1
                j += 1
                continue
            }
            // A removed paragraph followed by an added one is one edited paragraph when enough
            // of its words stayed.
            let paired = min(gone.count, added.count)
            for index in 0..<paired {
                let words = wordChanges(gone[index].text, added[index].text)
                if similar(words) {
                    changes.append(.changed(old: gone[index], new: added[index], words: words))
                } else {
                    changes.append(.removed(gone[index]))
                    changes.append(.inserted(added[index]))
                }
            }
            changes += gone.dropFirst(paired).map { .removed($0) }
            changes += added.dropFirst(paired).map { .inserted($0) }
        }
        return changes
    }

    static func wordChanges(_ old: String, _ new: String) -> [WordChange] {
        let a = old.split(separator: " ").map(String.init)
        let b = new.split(separator: " ").map(String.init)
        let (removed, inserted) = offsets(b.difference(from: a))
        var words: [WordChange] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && removed.contains(i) {
                words.append(.removed(a[i]))
                i += 1
            } else if j < b.count && inserted.contains(j) {
                words.append(.inserted(b[j]))
                j += 1
            } else if i < a.count && j < b.count {
                words.append(.same(b[j]))
                i += 1
                j += 1
            } else {
                break
            }
        }
        return words
    }

    /// Which positions of the old collection were removed and of the new one inserted.
    static func offsets(_ difference: CollectionDifference<String>) -> (removed: Set<Int>, inserted: Set<Int>) {
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        return (removed, inserted)
    }

    /// At least half of the words of the two paragraphs together are shared.
    static func similar(_ words: [WordChange]) -> Bool {
        var same = 0
        var total = 0
        for word in words {
            switch word {
            case .same:
                same += 2
                total += 2
            case .removed, .inserted: total += 1
            }
        }
        return total > 0 && same * 2 >= total
    }
}

/// One comparable piece of a report's Markdown: a paragraph, a heading, a list item or a table
/// row, with the heading it falls under.
public struct RedlineUnit: Sendable, Equatable {
    /// As written.
    public var text: String
    /// What is compared: the text without its numbering, spaces collapsed.
    public var key: String
    /// The heading above it, as written ("" before the first).
    public var section: String
    public var isHeading: Bool

    static func units(of markdown: String) -> [RedlineUnit] {
        var units: [RedlineUnit] = []
        var section = ""
        var block: [Substring] = []
        func flush() {
            defer { block.removeAll() }
            guard !block.isEmpty else { return }
            let first = block[0]
            if first.hasPrefix("|") {
                for line in block where !isTableRule(line) { units.append(unit(String(line), section: section)) }
            } else if first.hasPrefix("#") {
                let heading = String(first)
                section = headingText(heading)
                units.append(RedlineUnit(text: heading, key: key(heading), section: section, isHeading: true))
            } else if listMarker(first) != nil {
                var item = ""
                for line in block {
                    if listMarker(line) != nil, !item.isEmpty {
                        units.append(unit(item, section: section))
                        item = ""
                    }
                    item += (item.isEmpty ? "" : " ") + trimmed(line)
                }
                if !item.isEmpty { units.append(unit(item, section: section)) }
            } else {
                let text = block.map { String(trimmed($0)) }.joined(separator: " ")
                if isPartLine(text) { section = text }
                units.append(unit(text, section: section))
            }
        }
        for bytes in markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            let bare = trimmed(line)
            if bare.isEmpty || (bare.hasPrefix("<!--") && bare.hasSuffix("-->")) {
                flush()
            } else {
                block.append(line)
            }
        }
        flush()
        return units
    }

    static func unit(_ text: String, section: String) -> RedlineUnit {
        RedlineUnit(text: text, key: key(text), section: section, isHeading: false)
    }

    /// The text with its numbering taken off. Only the first words are looked at: a province's
    /// draft has over 100,000 paragraphs.
    static func key(_ text: String) -> String {
        var rest = trimmed(Substring(unescaped(text)))
        func word(_ part: Substring) -> Substring { part.prefix { $0 != " " } }
        func afterWord(_ part: Substring) -> Substring { trimmed(part.dropFirst(word(part).count)) }
        if !word(rest).isEmpty, word(rest).allSatisfy({ $0 == "#" }) { rest = afterWord(rest) }
        if let marker = listMarker(rest) {
            rest = trimmed(rest.dropFirst(marker.count))
        } else if isNumbering(String(word(rest))) {
            rest = afterWord(rest)
        }
        if isPartLine(String(rest)) { return "**Phần**" }
        if rest.hasPrefix("| ") {
            let cells = rest.dropFirst(2)
            let number = word(cells)
            if !number.isEmpty, number.allSatisfy(\.isNumber) { return "| #" + cells.dropFirst(number.count) }
        }
        return String(rest)
    }

    /// "I.", "IV.", "1.", "12.", "a)", "đ)", "(3)", "1.2.".
    static func isNumbering(_ word: String) -> Bool {
        if word.hasPrefix("("), word.hasSuffix(")"), word.count > 2 { return word.dropFirst().dropLast().allSatisfy(\.isNumber) }
        if word.hasSuffix(")"), word.count == 2 { return word.first?.isLetter == true }
        guard word.hasSuffix("."), word.count > 1 else { return false }
        let body = word.dropLast()
        return body.allSatisfy { $0.isNumber || $0 == "." } || body.allSatisfy { "IVXLC".contains($0) }
    }

    static func isPartLine(_ text: String) -> Bool {
        guard text.hasPrefix("**Phần "), text.hasSuffix("**") else { return false }
        return text.dropFirst(7).dropLast(2).allSatisfy { "IVXLC".contains($0) }
    }

    static func listMarker(_ line: Substring) -> Substring? {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") { return trimmed.prefix(2) }
        let digits = trimmed.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = trimmed.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ") ? trimmed.prefix(digits.count + 2) : nil
    }

    static func isTableRule(_ line: Substring) -> Bool {
        line.allSatisfy { "|-: ".contains($0) }
    }

    /// Spaces and tabs taken off both ends; Foundation's trimming is the slow part of reading a
    /// province's draft (140,000 lines) otherwise.
    static func trimmed(_ line: Substring) -> Substring {
        var text = line
        while let first = text.utf8.first, first == 0x20 || first == 0x09 { text = text.dropFirst() }
        while let last = text.utf8.last, last == 0x20 || last == 0x09 { text = text.dropLast() }
        return text
    }

    static func headingText(_ line: String) -> String {
        unescaped(String(trimmed(line.drop { $0 == "#" })))
    }

    /// Markdown's backslash escapes taken off ("1\\." is how cmark writes a heading "1."), so that
    /// numbers are seen as numbers and headings read as written.
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { out.append("\\") }
                out.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }
}
