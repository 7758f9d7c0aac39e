import CLibXML2
import Foundation

/// One parse of one Office part by libxml2's SAX2 parser, called directly: the only file that
/// touches libxml2. Foundation's XMLParser is the same parser behind a delegate that builds a
/// qualified name, an attribute dictionary of qualified names and a String for every name of
/// every element; that wrapping was a third of reading a pair of forms.
///
/// Safety is SafeXML's (no DOCTYPE reaches here) and this parse's: no network, no external
/// subset, no DTD loaded; entities substituted, which with no DOCTYPE can only be the five
/// predefined ones and character references, so attribute values arrive decoded as Foundation
/// gave them; an entity declaration stops the parse all the same; nesting stops at `maximumDepth`.
final class LibXMLParse {
    private let handler: XMLEventHandler
    private let maximumDepth: Int
    private var context: xmlParserCtxtPtr?
    private(set) var depth = 0
    private(set) var problem: String?
    /// libxml2 interns names in its dictionary: one Swift string per distinct name pointer.
    private var names: [UnsafePointer<xmlChar>: String] = [:]

    /// What went wrong, and where, when the part is not well-formed.
    struct Failure: Error {
        var problem: String?
        var line: Int
        var column: Int
    }

    private init(handler: XMLEventHandler, maximumDepth: Int) {
        self.handler = handler
        self.maximumDepth = maximumDepth
    }

    /// libxml2's global state, set up once before any thread parses.
    private static let initialised: Void = { xmlInitParser() }()

    /// Parses `data`, telling `handler` of each element and text; throws when the part is not
    /// well-formed or a callback refused it.
    static func parse(_ data: Data, handler: XMLEventHandler, maximumDepth: Int) throws(Failure) {
        _ = initialised
        let parse = LibXMLParse(handler: handler, maximumDepth: maximumDepth)
        try parse.run(data)
    }

    private func run(_ data: Data) throws(Failure) {
        var sax = xmlSAXHandler()
        sax.initialized = 0xDEED_BEAF  // XML_SAX2_MAGIC: the namespace-aware callbacks below
        sax.startElementNs = { user, localname, _, _, _, _, count, _, attributes in
            guard let user, let localname else { return }
            Unmanaged<LibXMLParse>.fromOpaque(user).takeUnretainedValue().start(localname, Int(count), attributes)
        }
        sax.endElementNs = { user, localname, _, _ in
            guard let user, let localname else { return }
            Unmanaged<LibXMLParse>.fromOpaque(user).takeUnretainedValue().end(localname)
        }
        let characters: charactersSAXFunc = { user, bytes, length in
            guard let user, let bytes, length > 0 else { return }
            Unmanaged<LibXMLParse>.fromOpaque(user).takeUnretainedValue().text(bytes, Int(length))
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = characters
        // Belt and braces behind SafeXML's DOCTYPE check: any entity declaration stops the parse.
        sax.entityDecl = { user, name, _, _, _, _ in
            guard let user else { return }
            let shown = name.map { String(cString: $0) } ?? ""
            Unmanaged<LibXMLParse>.fromOpaque(user).takeUnretainedValue().stop("có khai báo thực thể XML '\(shown)'; không đọc")
        }
        // Errors come back through the context, never printed.
        sax.serror = { _, _ in }
        let user = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, user, nil, 0, nil) else {
            throw Failure(problem: "không khởi tạo được bộ đọc XML", line: 1, column: 1)
        }
        self.context = context
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        // UTF-8 always, whatever the declaration says (IGNORE_ENC): Office writes nothing else, and
        // a part claiming another encoding is refused at its first byte that is not UTF-8.
        let options =
            XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue
        xmlCtxtUseOptions(context, Int32(options))
        // In chunks, since libxml2 takes an Int32 length.
        let chunk = 1 << 24
        let status = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32 in
            let bytes = raw.bindMemory(to: CChar.self)
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return xmlParseChunk(context, nil, 0, 1) }
            var offset = 0
            while true {
                let length = min(chunk, bytes.count - offset)
                let last = offset + length >= bytes.count
                let result = xmlParseChunk(context, base + offset, Int32(length), last ? 1 : 0)
                if result != 0 || last || problem != nil { return result }
                offset += length
            }
        }
        let wellFormed = context.pointee.wellFormed != 0
        if problem != nil || status != 0 || !wellFormed || depth != 0 {
            let error = xmlCtxtGetLastError(context)
            throw Failure(
                problem: problem, line: Int(error?.pointee.line ?? 1), column: Int(error?.pointee.int2 ?? 1))
        }
    }

    private func stop(_ message: String) {
        if problem == nil { problem = message }
        if let context { xmlStopParser(context) }
    }

    private func name(_ pointer: UnsafePointer<xmlChar>) -> String {
        if let known = names[pointer] { return known }
        let made = String(cString: pointer)
        names[pointer] = made
        return made
    }

    private func start(_ localname: UnsafePointer<xmlChar>, _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard problem == nil else { return }
        depth += 1
        if depth > maximumDepth {
            stop("XML lồng sâu hơn \(maximumDepth) tầng, không phải tệp Office bình thường; không đọc")
            return
        }
        let attributes = UnsafeRawPointer(attributes).map { $0.assumingMemoryBound(to: UnsafePointer<UInt8>?.self) }
        handler.start(name(localname), XMLAttributes(base: attributes, count: count))
    }

    private func end(_ localname: UnsafePointer<xmlChar>) {
        guard problem == nil else { return }
        depth -= 1
        handler.end(name(localname))
    }

    private func text(_ bytes: UnsafePointer<xmlChar>, _ length: Int) {
        guard problem == nil, handler.wantsText else { return }
        handler.text(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
    }
}
