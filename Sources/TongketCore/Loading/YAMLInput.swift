import Foundation

/// Parses YAML text into tongket's node tree (YAMLParser, over libyaml), which keeps the position of every node, and turns
/// libyaml's errors into located Vietnamese diagnostics.
package enum YAMLInput {
    /// The root node, or nil for an empty document.
    package static func parse(_ text: String, file: String) throws(Diagnostic) -> Node? {
        do {
            return try YAMLParser.parse(text)
        } catch {
            func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
            switch error {
            case .syntax(let problem, let line, let column):
                throw Diagnostic(.error, .notYAML, at: at(line, column), "không phải YAML hợp lệ: \(translate(problem))")
            case .duplicateKey(let key, let first, let line, let column):
                throw Diagnostic(
                    .error, .duplicate, at: at(line, column),
                    "khóa '\(key)' bị lặp lại (lần đầu ở dòng \(first)); mỗi khóa chỉ được ghi một lần")
            case .anchor(let line, let column):
                throw Diagnostic(
                    .error, .anchorNotAllowed, at: at(line, column),
                    "không dùng neo (&) và bí danh (*) của YAML trong bản báo cáo; hãy viết đầy đủ giá trị")
            case .tooDeep(let line, let column):
                throw Diagnostic(
                    .error, .notYAML, at: at(line, column),
                    "các bảng, danh sách lồng nhau quá \(YAMLParser.maximumDepth) cấp; bản báo cáo không cần lồng sâu như vậy")
            case .severalDocuments(let line, let column):
                throw Diagnostic(
                    .error, .notYAML, at: at(line, column), "tệp có nhiều văn bản YAML (ngăn bởi '---'); mỗi tệp chỉ một bản báo cáo")
            }
        }
    }

    /// libyaml's problems in the words a civil servant can act on; unknown ones keep the original.
    package static func translate(_ problem: String) -> String {
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
