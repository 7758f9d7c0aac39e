import Foundation

/// Reads a file a user gave: only a regular file of a size such a file can have. A device or a
/// pipe (/dev/zero) would never end, and a huge file is not a report.
enum InputFile {
    static func read(_ url: URL, shownName: String, what: String, maximumSize: Int64) -> Result<Data, Diagnostic> {
        func failure(_ message: String) -> Result<Data, Diagnostic> {
            .failure(Diagnostic(.error, .unreadable, at: SourceLocation(file: shownName, line: 1, column: 1), message))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return failure("không tìm thấy tệp") }
        if isDirectory.boolValue { return failure("đây là một thư mục (không có tệp .yaml nào trong đó), không phải \(what)") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            return failure("không phải một tệp thường (thiết bị, ống dẫn hay liên kết hỏng); hãy chỉ tới tệp .yaml")
        }
        if let size = attributes?[.size] as? NSNumber, size.int64Value > maximumSize {
            return failure("tệp lớn \(size.int64Value / 1_048_576) MB, quá giới hạn \(maximumSize / 1_048_576) MB của \(what)")
        }
        do {
            return .success(try Data(contentsOf: url))
        } catch {
            return failure("không đọc được tệp: \(error.localizedDescription)")
        }
    }
}
