import Foundation
import Yams

/// Parses YAML text into Yams' node tree, which keeps the position of every node, and turns
/// libyaml's errors into located Vietnamese diagnostics.
enum YAMLInput {
    /// The root node, or nil for an empty document.
    static func parse(_ text: String, file: String) throws(Diagnostic) -> Node? {
        do {
            // Tags are not resolved (the basic resolver): tongket reads every scalar as the text written, and
            // the default resolver's regular expressions cost a third of a run.
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw diagnostic(for: error, text: text, file: file)
        } catch {
            throw Diagnostic(
                .error, .notYAML, at: SourceLocation(file: file, line: 1, column: 1),
                "không đọc được YAML: \(error)")
        }
    }

    private static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return Diagnostic(.error, .notYAML, at: at(mark), "không phải YAML hợp lệ: \(translate(problem))")
        case .composer(_, let problem, let mark, _):
            let kind: DiagnosticKind = problem.contains("duplicate") ? .duplicate : .notYAML
            return Diagnostic(.error, kind, at: at(mark), "không phải YAML hợp lệ: \(translate(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKey(duplicates.sorted().first ?? "", in: text, from: context.mark, file: file)
        case .reader(let problem, _, _, _):
            return Diagnostic(
                .error, .encoding, at: SourceLocation(file: file, line: 1, column: 1),
                "không đọc được tệp: \(translate(problem))")
        default:
            return Diagnostic(
                .error, .notYAML, at: SourceLocation(file: file, line: 1, column: 1), "không phải YAML hợp lệ: \(error)")
        }
    }

    /// Yams names the duplicated key and the mapping, not the key's place: find its second
    /// occurrence at the mapping's indentation, where the user has to look.
    private static func duplicateKey(_ key: String, in text: String, from mark: Mark, file: String) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen: [Int] = []
        let indent = mark.column - 1
        for index in max(0, mark.line - 1)..<lines.count {
            let line = lines[index]
            let body = line.drop { $0 == " " }
            guard line.count - body.count == indent || (index == mark.line - 1) else { continue }
            let bare = body.hasPrefix("- ") ? body.dropFirst(2) : body
            for form in [key, "\"\(key)\"", "'\(key)'"] where bare.hasPrefix(form + ":") {
                seen.append(index + 1)
            }
            if seen.count == 2 { break }
        }
        let line = seen.count == 2 ? seen[1] : mark.line
        let first = seen.first.map { " (lần đầu ở dòng \($0))" } ?? ""
        return Diagnostic(
            .error, .duplicate, at: SourceLocation(file: file, line: line, column: seen.count == 2 ? indent + 1 : mark.column),
            "khóa '\(key)' bị lặp lại\(first); mỗi khóa chỉ được ghi một lần")
    }

    /// libyaml's problems in the words a civil servant can act on; unknown ones keep the original.
    static func translate(_ problem: String) -> String {
        let table: [(String, String)] = [
            (
                "mapping values are not allowed",
                "dấu ':' không được phép ở đây (có thể thiếu dấu cách thụt lề, hoặc văn bản có ':' cần đặt trong ngoặc kép)"
            ),
            ("did not find expected key", "thụt lề không khớp với các khóa ở trên"),
            ("could not find expected ':'", "thiếu dấu ':' sau khóa"),
            ("found character that cannot start any token", "gặp ký tự không được mở đầu một giá trị (tab hoặc ký tự đặc biệt như @, `)"),
            ("found duplicate key", "khóa bị lặp lại"),
            ("duplicate key", "khóa bị lặp lại"),
            ("found undefined alias", "bí danh (*) chưa được khai báo"),
            ("did not find expected node content", "thiếu giá trị"),
            ("did not find expected ',' or ']'", "thiếu dấu ',' hoặc ']'"),
            ("did not find expected ',' or '}'", "thiếu dấu ',' hoặc '}'"),
            ("found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép hoặc ngoặc đóng)"),
            ("found unknown escape character", "ký tự thoát '\\' không hợp lệ trong chuỗi ngoặc kép"),
            ("block sequence entries are not allowed", "dấu '-' của danh sách không được phép ở đây"),
            ("did not find expected '-' indicator", "thụt lề của danh sách không khớp"),
            ("found a tab character", "có ký tự tab; YAML chỉ cho phép thụt lề bằng dấu cách"),
            ("control characters are not allowed", "có ký tự điều khiển không được phép"),
        ]
        for (english, vietnamese) in table where problem.contains(english) {
            return vietnamese
        }
        return problem
    }
}
