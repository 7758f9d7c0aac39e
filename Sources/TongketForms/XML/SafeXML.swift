import Foundation
import TongketCore

/// Parses one part of an Office package with libxml2 (`LibXMLParse`), as a hostile file could not
/// abuse it: a document type declaration (where entities are declared, for "billion laughs" or an
/// external entity that would read a local file) is refused before parsing, no external entity is
/// ever resolved, and nesting stops at `maximumDepth`. Office never writes a DOCTYPE, so refusing
/// one loses nothing.
package enum SafeXML {
    /// Deeper than any part Word or Excel writes (a table in a table in a text box is about 30), and below libxml2's own 256.
    package static let maximumDepth = 200

    package static func parse(_ data: Data, part: String, file: String, handler: XMLEventHandler) throws(Diagnostic) {
        func refuse(_ message: String) -> Diagnostic {
            Diagnostic(.error, .badPackage, at: SourceLocation(file: file, line: 1, column: 1), "phần '\(part)' của tệp: \(message)")
        }
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) || data.prefix(4).contains(0) {
            throw refuse("không phải XML UTF-8 như Office vẫn ghi; hãy mở tệp bằng Office và lưu lại")
        }
        let notUTF8 = "có byte không phải UTF-8, điều Office không bao giờ ghi; tệp hỏng hoặc bị sửa, hãy mở bằng Office và lưu lại"
        switch markup(data) {
        case .declaration:
            throw refuse(
                "có khai báo DOCTYPE/ENTITY, điều Office không bao giờ ghi (dấu hiệu tệp bị sửa để tấn công, như \"billion laughs\"); không đọc"
            )
        case .emptyInstruction:
            throw refuse("có chỉ thị xử lý XML rỗng ('<?…?>'), điều Office không bao giờ ghi; tệp hỏng hoặc bị sửa, không đọc")
        case nil: break
        }
        do {
            try LibXMLParse.parse(data, handler: handler, maximumDepth: maximumDepth)
        } catch {
            if let problem = error.problem { throw refuse(problem) }
            // libxml2 stops at bytes that are not UTF-8; said so plainly (checked only on failure:
            // validating every part first cost a twentieth of reading a form).
            if String(validating: data, as: UTF8.self) == nil { throw refuse(notUTF8) }
            throw refuse("XML hỏng ở dòng \(max(error.line, 1)), cột \(max(error.column, 1)); hãy mở tệp bằng Office và lưu lại")
        }
    }

    /// What a part may not hold, found before it is parsed.
    enum RefusedMarkup: Equatable {
        /// `<!DOCTYPE` or `<!ENTITY`: Office never writes them, entity expansion attacks need them.
        case declaration
        /// `<?` and a name (possibly empty) closed at once by `?>`: Foundation's parser on Linux
        /// takes such an instruction's data with strlen when libxml2 hands it none, and the process
        /// crashes (found by fuzzing); Office writes no such instruction.
        case emptyInstruction
    }

    /// The first refused markup in `data`, in one pass over its bytes from one "<" to the next
    /// (two searches through Foundation's Data.range(of:) and a copy of the bytes cost more
    /// than the parse itself on a form).
    static func markup(_ data: Data) -> RefusedMarkup? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> RefusedMarkup? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            let (open, bang, question, close) = (UInt8(ascii: "<"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ">"))
            func follows(_ word: String, at index: Int) -> Bool {
                var at = index
                for byte in word.utf8 {
                    guard at < count, bytes[at] == byte else { return false }
                    at += 1
                }
                return true
            }
            guard let base = bytes.baseAddress else { return nil }
            var index = 0
            while index + 1 < count {
                // To the next "<" with memchr: most of a part is text and attributes.
                guard let found = memchr(base + index, Int32(open), count - index) else { return nil }
                index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                guard index + 1 < count else { return nil }
                if bytes[index + 1] == bang, follows("DOCTYPE", at: index + 2) || follows("ENTITY", at: index + 2) {
                    return .declaration
                }
                if bytes[index + 1] == question {
                    var end = index + 2
                    while end < count, bytes[end] != question, bytes[end] != close, bytes[end] > 0x20 { end += 1 }
                    if end + 1 < count, bytes[end] == question, bytes[end + 1] == close { return .emptyInstruction }
                    index = max(end, index + 1)
                    continue
                }
                index += 1
            }
            return nil
        }
    }
}
