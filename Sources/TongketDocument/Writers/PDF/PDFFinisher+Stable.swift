extension PDFFinisher {
    /// The digits that identify this particular file: the trailer's /ID strings and LibreOffice's
    /// /DocChecksum, both derived by the engine from the time of the run.
    static func identifierSpans(_ file: PDFFile) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        if let range = file.trailer.ranges["ID"] {
            let value = Array(file.bytes[range])
            for string in hexStrings(in: value) where string.count > 2 {
                spans.append((range.lowerBound + string.lowerBound + 1)..<(range.lowerBound + string.upperBound - 1))
            }
        }
        if let range = file.trailer.ranges["DocChecksum"], range.count > 1 {
            spans.append((range.lowerBound + 1)..<range.upperBound)
        }
        return spans
    }

    /// The hexadecimal strings (`<…>`, brackets included) in an array's bytes.
    static func hexStrings(in value: [UInt8]) -> [Range<Int>] {
        var strings: [Range<Int>] = []
        var start: Int?
        for (index, byte) in value.enumerated() {
            if byte == UInt8(ascii: "<") {
                start = index
            } else if byte == UInt8(ascii: ">"), let opened = start {
                strings.append(opened..<(index + 1))
                start = nil
            }
        }
        return strings
    }

    /// Overwrites the engine's creation and modification dates with `date`, in as many bytes as
    /// each had. The update's information dictionary supersedes this one, so a date that must be
    /// cut to fit is only ever read by a reader that ignores updates.
    static func setDates(in info: PDFDictionary, to date: [UInt8], bytes: inout [UInt8]) {
        for key in ["CreationDate", "ModDate"] {
            guard let range = info.ranges[key], range.count >= 2 else { continue }
            let content = (range.lowerBound + 1)..<(range.upperBound - 1)
            switch bytes[range.lowerBound] {
            case UInt8(ascii: "("):
                bytes.replaceSubrange(content, with: fitted(date, count: content.count))
            case UInt8(ascii: "<"):
                let text = Array(fitted(date, count: content.count / 2).map { PDFText.hexDigits(UInt($0), width: 2) }.joined().utf8)
                bytes.replaceSubrange(content, with: text + Array(repeating: UInt8(ascii: "0"), count: content.count - text.count))
            default:
                continue
            }
        }
    }

    /// `text` cut or padded with spaces to `count` bytes.
    static func fitted(_ text: [UInt8], count: Int) -> [UInt8] {
        count <= text.count ? Array(text.prefix(count)) : text + Array(repeating: 0x20, count: count - text.count)
    }
}
