import Foundation

/// The one way in for every file a user or a province's IT officer gives tongket: submissions,
/// outline files, comment files, version manifests, templates. Only a regular file of a size
/// such a file can have is read (a device or a pipe such as /dev/zero would never end, and a
/// huge file is not a report); its text is decoded as `SourceText` decodes (UTF-8 with or
/// without BOM, any line ends, NFC); a YAML document is parsed with located errors, and an empty
/// one is an error saying what the file should hold.
package enum InputFile {
    /// The largest file accepted (a long unit report is well under 1 MB).
    package static let maximumSize: Int64 = 64 << 20

    /// The file's bytes; `what` names the kind of file in messages ("tệp báo cáo YAML").
    package static func data(_ url: URL, shownName: String, what: String, maximumSize: Int64 = maximumSize) throws(Diagnostic) -> Data {
        func failure(_ message: String) -> Diagnostic {
            Diagnostic(.error, .unreadable, at: SourceLocation(file: shownName, line: 1, column: 1), message)
        }
        // One stat, links followed: FileManager's attributes also looked up the owner's and the
        // group's names (/etc/passwd, /etc/group and nsswitch.conf read again for every file),
        // a tenth of a millisecond each for the dozens of files one report reads.
        var status = stat()
        let found = url.withUnsafeFileSystemRepresentation { path in path.map { stat($0, &status) == 0 } ?? false }
        guard found else { throw failure("không tìm thấy tệp") }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { throw failure("đây là một thư mục (không có tệp .yaml nào trong đó), không phải \(what)") }
        guard type == S_IFREG else {
            throw failure("không phải một tệp thường (thiết bị, ống dẫn hay liên kết hỏng); hãy chỉ tới tệp .yaml")
        }
        let size = Int64(status.st_size)
        if size > maximumSize {
            throw failure("tệp lớn \(size / 1_048_576) MB, quá giới hạn \(maximumSize / 1_048_576) MB của \(what)")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw failure("không đọc được tệp: \(error.localizedDescription)")
        }
    }

    /// The file's text, decoded.
    package static func text(_ url: URL, shownName: String, what: String) throws(Diagnostic) -> String {
        try SourceText.decode(try data(url, shownName: shownName, what: what), file: shownName)
    }

    /// What an empty YAML document is told: the message and its kind.
    package struct WhenEmpty: Sendable {
        package var message: String
        package var kind: DiagnosticKind

        package init(_ message: String, kind: DiagnosticKind = .missingField) {
            self.message = message
            self.kind = kind
        }
    }

    /// The root node of a YAML file.
    package static func yaml(_ url: URL, shownName: String, what: String, whenEmpty: WhenEmpty) throws(Diagnostic) -> Node {
        try yaml(try data(url, shownName: shownName, what: what), file: shownName, whenEmpty: whenEmpty)
    }

    /// The root node of YAML bytes already read (an upload, a fuzzer's input).
    package static func yaml(_ data: Data, file: String, whenEmpty: WhenEmpty) throws(Diagnostic) -> Node {
        let text = try SourceText.decode(data, file: file)
        guard let node = try YAMLInput.parse(text, file: file) else {
            throw Diagnostic(.error, whenEmpty.kind, at: SourceLocation(file: file, line: 1, column: 1), whenEmpty.message)
        }
        return node
    }
}
