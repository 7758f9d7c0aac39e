import Foundation
import TongketCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses one part of an Office package with Foundation's parser, as a hostile file could not
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
        // Foundation's parser on Linux traps on a name that is not valid UTF-8 (found by fuzzing,
        // before libxml2 reports the encoding error): such a part is refused before it is parsed.
        if String(validating: data, as: UTF8.self) == nil {
            throw refuse("có byte không phải UTF-8, điều Office không bao giờ ghi; tệp hỏng hoặc bị sửa, hãy mở bằng Office và lưu lại")
        }
        switch markup(data) {
        case .declaration:
            throw refuse(
                "có khai báo DOCTYPE/ENTITY, điều Office không bao giờ ghi (dấu hiệu tệp bị sửa để tấn công, như \"billion laughs\"); không đọc"
            )
        case .emptyInstruction:
            throw refuse("có chỉ thị xử lý XML rỗng ('<?…?>'), điều Office không bao giờ ghi; tệp hỏng hoặc bị sửa, không đọc")
        case nil: break
        }
        let delegate = Delegate(handler: handler)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        let finished = parser.parse()
        if let problem = delegate.problem { throw refuse(problem) }
        if !finished || parser.parserError != nil || delegate.depth != 0 {
            throw refuse(
                "XML hỏng ở dòng \(max(parser.lineNumber, 1)), cột \(max(parser.columnNumber, 1)); hãy mở tệp bằng Office và lưu lại")
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
            var index = 0
            while index + 1 < count {
                guard bytes[index] == open else {
                    index += 1
                    continue
                }
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

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: XMLEventHandler
        var depth = 0
        var problem: String?

        init(handler: XMLEventHandler) { self.handler = handler }

        private func stop(_ parser: XMLParser, _ message: String) {
            if problem == nil { problem = message }
            parser.abortParsing()
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard problem == nil else { return }
            depth += 1
            if depth > SafeXML.maximumDepth {
                stop(parser, "XML lồng sâu hơn \(SafeXML.maximumDepth) tầng, không phải tệp Office bình thường; không đọc")
                return
            }
            var local: [String: String] = [:]
            for (key, value) in attributes { local[Self.localName(key)] = value }
            handler.start(Self.localName(elementName), local)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard problem == nil else { return }
            depth -= 1
            handler.end(Self.localName(elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard problem == nil else { return }
            handler.text(string)
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            guard problem == nil else { return }
            handler.text(String(decoding: block, as: UTF8.self))
        }

        // Belt and braces behind the DOCTYPE check: any entity declaration stops the parse.
        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            stop(parser, "có khai báo thực thể XML '\(name)'; không đọc")
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            stop(parser, "có thực thể XML ngoài '\(name)'; tongket không bao giờ đọc tệp hay địa chỉ bên ngoài")
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

        static func localName(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }
}
