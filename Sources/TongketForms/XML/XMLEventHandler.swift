/// What a reader of one Office part does with the part's elements and text, in document order.
/// Names are local (a prefix such as `x:` or `w:` taken off), since writers choose prefixes freely.
package protocol XMLEventHandler: AnyObject {
    func start(_ name: String, _ attributes: XMLAttributes)
    func end(_ name: String)
    func text(_ text: String)
    /// Whether `text` would use the text now: when not, the parser makes no string of it (most
    /// of a part's text is whitespace and headings no reader keeps).
    var wantsText: Bool { get }
}

extension XMLEventHandler {
    package var wantsText: Bool { true }
}

/// An element's attributes by local name, read from the parser's own buffers while `start`
/// runs: only the values a handler asks for become strings. Never kept past `start`.
package struct XMLAttributes {
    /// libxml2's SAX2 layout: five pointers an attribute (local name, prefix, namespace URI,
    /// value start, value end).
    private let base: UnsafePointer<UnsafePointer<UInt8>?>?
    private let count: Int

    init(base: UnsafePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.base = base
        self.count = count
    }

    /// The value of the attribute whose local name is `name`; of two with the same local name
    /// under different prefixes, the later.
    package subscript(_ name: String) -> String? {
        guard let base, count > 0 else { return nil }
        var key = name
        return key.withUTF8 { wanted -> String? in
            for index in stride(from: count - 1, through: 0, by: -1) {
                let entry = base + 5 * index
                guard let local = entry[0], Self.equal(local, wanted), let start = entry[3], let end = entry[4] else { continue }
                return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            }
            return nil
        }
    }

    /// Whether the NUL-terminated `name` is exactly `wanted`.
    private static func equal(_ name: UnsafePointer<UInt8>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        for (offset, byte) in wanted.enumerated() where name[offset] != byte { return false }
        return name[wanted.count] == 0
    }
}
