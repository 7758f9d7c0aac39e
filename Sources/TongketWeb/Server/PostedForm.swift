import Foundation
import Hummingbird
import MultipartKit

/// A posted form's fields and files, from `application/x-www-form-urlencoded` or
/// `multipart/form-data` (parsed by multipart-kit), read whole up to the size limit (413 beyond).
struct PostedForm {
    /// Text fields by name (the last value of a repeated name).
    var fields: [String: String] = [:]
    /// The files of the field `tep`, in order: the name the browser gave and the bytes.
    var files: [(name: String, data: Data)] = []

    /// The most parts a form may have.
    static let maximumParts = 16

    /// Reads the request's body; the files of `fileField` (any field when nil) are kept.
    static func read(_ request: Request, context: WebContext, limit: Int, fileField: String? = "tep") async throws -> PostedForm {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: contentType) else {
                throw WebError(.badRequest, "Biểu mẫu gửi lên thiếu ranh giới giữa các phần (boundary).")
            }
            return try multipart(buffer, boundary: boundary, fileField: fileField)
        }
        let text = String(buffer: buffer)
        var form = PostedForm()
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            form.fields[name] = value
        }
        return form
    }

    /// `+` as space, then percent-decoding.
    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return (spaced.removingPercentEncoding ?? spaced).precomposedStringWithCanonicalMapping
    }

    /// A parameter of a header value: `boundary` of a content type, `name` of a disposition.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The parts of a multipart body, through multipart-kit's parser.
    static func multipart(_ buffer: ByteBuffer, boundary: String, fileField: String?) throws -> PostedForm {
        if hasNonASCIIHeaderName(buffer, boundary: boundary) {
            throw WebError(.badRequest, "Không đọc được biểu mẫu gửi lên (multipart hỏng: tên trường đầu có ký tự ngoài ASCII).")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [(disposition: String, body: ByteBuffer)] = []
        var disposition = ""
        var body = ByteBuffer()
        var tooMany = false
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { chunk in body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            if parts.count >= maximumParts {
                tooMany = true
            } else {
                parts.append((disposition, body))
            }
            disposition = ""
            body = ByteBuffer()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw WebError(.badRequest, "Không đọc được biểu mẫu gửi lên (multipart hỏng).")
        }
        if tooMany { throw WebError(.badRequest, "Biểu mẫu có quá nhiều phần (tối đa \(maximumParts)).") }
        var form = PostedForm()
        for part in parts {
            guard let name = parameter("name", in: part.disposition) else { continue }
            if let file = parameter("filename", in: part.disposition) {
                if fileField == nil || name == fileField, !(file.isEmpty && part.body.readableBytes == 0) {
                    form.files.append((file, Data(part.body.readableBytesView)))
                }
            } else {
                form.fields[name] = String(buffer: part.body).precomposedStringWithCanonicalMapping
            }
        }
        return form
    }

    /// Whether a part's header names hold a byte past ASCII. multipart-kit 4.7 looks each byte of a
    /// header name up in a 128-entry table, and one past 127 traps and kills the server (found by
    /// schemathesis); such a body is refused before it reaches the parser. Scans every header
    /// block: from a delimiter line to the blank line that ends it, each line up to its colon.
    static func hasNonASCIIHeaderName(_ buffer: ByteBuffer, boundary: String) -> Bool {
        let delimiter = Array(("--" + boundary).utf8)
        return buffer.withUnsafeReadableBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            guard !delimiter.isEmpty, count >= delimiter.count else { return false }
            var index = 0
            while index + delimiter.count <= count {
                guard bytes[index] == delimiter[0], (1..<delimiter.count).allSatisfy({ bytes[index + $0] == delimiter[$0] }) else {
                    index += 1
                    continue
                }
                // The rest of the delimiter line, then header lines until a blank one.
                var at = index + delimiter.count
                while at < count, bytes[at] != 10 { at += 1 }
                at += 1
                while at < count {
                    var end = at
                    var inName = true
                    while end < count, bytes[end] != 10 {
                        if bytes[end] == UInt8(ascii: ":") { inName = false }
                        if inName, bytes[end] > 127 { return true }
                        end += 1
                    }
                    let blank = end == at || (end == at + 1 && bytes[at] == 13)
                    at = end + 1
                    if blank { break }
                }
                index = max(at, index + 1)
            }
            return false
        }
    }
}
