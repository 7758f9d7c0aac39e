/// UTF-8 bytes of an XML part being written. Appending escaped text is the writer's hot path (a
/// province's draft is tens of megabytes of WordprocessingML), so it works on bytes, not
/// Characters.
package struct XMLBuffer {
    package var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func append(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Text escaped for element content and attribute values. Characters XML 1.0 forbids (C0
    /// controls other than tab, line feed and carriage return) are dropped: Word refuses a file
    /// with one of them anywhere.
    package mutating func appendEscaped(_ text: String) {
        let utf8 = text.utf8
        let clean = utf8.withContiguousStorageIfAvailable { buffer in
            !buffer.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }
        }
        if clean == true {
            bytes.append(contentsOf: utf8)
            return
        }
        appendEscaped(utf8)
    }

    private mutating func appendEscaped(_ utf8: some Sequence<UInt8>) {
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            case ..<0x20: continue
            default: bytes.append(byte)
            }
        }
    }

    /// `<w:t>` with the text; `xml:space="preserve"` only where spaces would otherwise be
    /// dropped (at either end, or two together).
    ///
    /// One pass over the contiguous UTF-8 finds both whether to preserve spaces and whether
    /// anything needs escaping, and text needing none is copied as it is: walking the string's
    /// UTF-8 view twice, byte by byte, was half of writing the body of a 1,000-unit draft.
    package mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var preserve = false
            var escape = false
            var previousSpace = true
            for byte in utf8 {
                switch Self.kinds[Int(byte)] {
                case .plain:
                    previousSpace = false
                case .space:
                    if previousSpace { preserve = true }
                    previousSpace = true
                case .escaped:
                    escape = true
                    previousSpace = false
                case .escapedSpace:
                    escape = true
                    if previousSpace { preserve = true }
                    previousSpace = true
                }
            }
            if previousSpace { preserve = true }
            append(preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>")
            if escape { appendEscaped(utf8) } else { bytes.append(contentsOf: utf8) }
            append("</w:t>")
        }
    }

    /// What `appendText` must know of a byte: a space or tab (the tab is also a control
    /// character, which the escaping loop passes), or a byte the escaping loop changes or drops.
    private enum Kind {
        case plain, space, escaped, escapedSpace
    }

    private static let kinds: [Kind] = (0..<256).map { value in
        switch value {
        case 0x20: return .space
        case 0x09: return .escapedSpace
        case 0x26, 0x3C, 0x3E, 0x22, 0..<0x20: return .escaped
        default: return .plain
        }
    }

    package static func escaped(_ text: String) -> String {
        var buffer = XMLBuffer()
        buffer.appendEscaped(text)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}

/// How wide a line of Times New Roman Bold is, from the font's published advance widths (in
/// thousandths of an em), for drawing rules as long as the text above them. Diacritics do not
/// change a letter's advance, so a Vietnamese letter counts as its base letter.
enum TimesBoldWidth {
    static func twips(_ text: String, points: Double) -> Int {
        var thousandths = 0
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            thousandths += width(of: scalar)
        }
        return Int((Double(thousandths) / 1000 * points * 20).rounded())
    }

    private static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar {
        case "Đ": return 722
        case "đ": return 556
        case " ": return 250
        case "0"..."9": return 500
        case "a"..."z": return lower[Int(scalar.value - 97)]
        case "A"..."Z": return upper[Int(scalar.value - 65)]
        default: return scalar.properties.generalCategory == .nonspacingMark ? 0 : 333
        }
    }

    private static let lower = [
        500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
    ]
    private static let upper = [
        722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722,
        667,
    ]
}
