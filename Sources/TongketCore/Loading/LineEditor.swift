import Foundation

/// Edits a hand-written YAML file line by line, at the places its parsed nodes point to, and
/// leaves every other byte as it was: comments, blank lines, quoting, line ends, a byte-order
/// mark, text in whatever Unicode form it was saved in.
struct LineEditor {
    /// The file's lines, each with its line end (the last may have none).
    private let lines: [[UInt8]]
    /// Lines to insert before each line index (`lines.count`: at the end).
    private var insertions: [Int: [String]] = [:]
    /// New text for a line, from a value replaced in it.
    private var replacements: [Int: [UInt8]] = [:]
    /// The line end the file uses, for the lines added to it.
    private let newline: String

    init(_ data: Data) {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in data {
            current.append(byte)
            if byte == 0x0A {
                lines.append(current)
                current = []
            }
        }
        if !current.isEmpty { lines.append(current) }
        self.lines = lines
        newline = lines.first.map { $0.count >= 2 && $0[$0.count - 2] == 0x0D } == true ? "\r\n" : "\n"
    }

    /// The text of 1-based line `number` without its end, as Unicode scalars (columns count them).
    private func scalars(_ number: Int) -> [Unicode.Scalar] {
        guard number >= 1, number <= lines.count else { return [] }
        var bytes = lines[number - 1]
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }

    /// Whether a mapping is written one key a line (block style), where a line can be added.
    func isBlock(_ node: Node) -> Bool {
        guard let mark = node.mark else { return false }
        let line = scalars(mark.line)
        return mark.column - 1 < line.count && line[mark.column - 1] != "{"
    }

    /// Inserts `added` (without line ends) before the line of the key `keyNode`, indented as it
    /// is; with `withComments`, above the comment lines at its indentation that introduce it.
    mutating func insert(_ added: [String], before keyNode: Node, withComments: Bool = false, _ r: inout NodeReader) {
        guard let mark = keyNode.mark else { return }
        let indent = mark.column - 1
        let line = scalars(mark.line)
        guard indent <= line.count, line[..<indent].allSatisfy({ $0 == " " }) else {
            r.report(
                .error, .outlineInvalid, keyNode,
                "không tự thêm được dòng trước khóa này (khóa không đứng đầu dòng); hãy thêm bằng tay: \(added.joined(separator: " / "))")
            return
        }
        var index = mark.line - 1
        if withComments {
            while index > 0 {
                let above = scalars(index)
                guard above.count > indent, above[..<indent].allSatisfy({ $0 == " " }), above[indent] == "#" else { break }
                index -= 1
            }
        }
        let padding = String(repeating: " ", count: indent)
        insertions[index, default: []] += added.map { padding + $0 }
    }

    /// Adds `added` after the last line.
    mutating func append(_ added: [String]) {
        insertions[lines.count, default: []] += added
    }

    /// Replaces the scalar `node` (a plain or quoted word on one line) with `value`.
    mutating func replaceScalar(_ node: Node, with value: String) {
        guard let mark = node.mark else { return }
        var line = scalars(mark.line)
        let start = mark.column - 1
        guard start < line.count else { return }
        var end = start + 1
        if line[start] == "\"" || line[start] == "'" {
            while end < line.count, line[end] != line[start] { end += 1 }
            end = min(end + 1, line.count)
        } else {
            while end < line.count, line[end] != " ", line[end] != "#", line[end] != "\t" { end += 1 }
        }
        line.replaceSubrange(start..<end, with: value.unicodeScalars)
        var bytes = Array(String(String.UnicodeScalarView(line)).utf8)
        let original = lines[mark.line - 1]
        if original.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        bytes += original.reversed().prefix { $0 == 0x0A || $0 == 0x0D }.reversed()
        replacements[mark.line - 1] = bytes
    }

    /// The edited file.
    var result: Data {
        var out = Data()
        for index in 0...lines.count {
            if let added = insertions[index] {
                if index == lines.count, let last = lines.last, last.last != 0x0A { out.append(contentsOf: Array(newline.utf8)) }
                let text = added.map { $0 + newline }.joined()
                // A byte-order mark stays first in the file.
                if index == 0, let first = lines.first, first.starts(with: [0xEF, 0xBB, 0xBF]), replacements[0] == nil {
                    out.append(contentsOf: [0xEF, 0xBB, 0xBF])
                    out.append(contentsOf: Array(text.utf8))
                    out.append(contentsOf: first.dropFirst(3))
                    continue
                }
                out.append(contentsOf: Array(text.utf8))
            }
            guard index < lines.count else { break }
            out.append(contentsOf: replacements[index] ?? lines[index])
        }
        return out
    }
}
