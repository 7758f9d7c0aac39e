/// A PDF dictionary as its keys and the raw bytes of their values, in the order written, so that
/// a dictionary the finisher re-issues keeps every entry it does not change exactly as the engine
/// wrote it.
struct PDFDictionary: Equatable {
    /// Keys without the slash, values as written.
    private(set) var entries: [(key: String, value: [UInt8])]
    /// Where each value stood in the file it was read from, for changing it in place.
    private(set) var ranges: [String: Range<Int>] = [:]

    static func == (a: PDFDictionary, b: PDFDictionary) -> Bool {
        a.entries.map(\.key) == b.entries.map(\.key) && a.entries.map(\.value) == b.entries.map(\.value)
    }

    init(entries: [(key: String, value: [UInt8])] = []) {
        self.entries = entries
    }

    /// Reads the dictionary that starts at `index` ("<<"); also returns where it ends.
    init(_ lexer: PDFLexer, at index: Int) throws(PDFStructureError) {
        let bytes = lexer.bytes
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "<") else {
            throw PDFStructureError("không thấy từ điển PDF ở vị trí \(index)")
        }
        var entries: [(key: String, value: [UInt8])] = []
        var ranges: [String: Range<Int>] = [:]
        var i = lexer.skipSpace(index + 2)
        while i < bytes.count && bytes[i] != UInt8(ascii: ">") {
            guard bytes[i] == UInt8(ascii: "/") else { throw PDFStructureError("khóa của từ điển PDF không phải là tên (vị trí \(i))") }
            let keyEnd = lexer.tokenEnd(i + 1)
            let key = String(decoding: bytes[(i + 1)..<keyEnd], as: UTF8.self)
            let valueStart = lexer.skipSpace(keyEnd)
            let valueEnd = try lexer.valueEnd(valueStart)
            entries.append((key, Array(bytes[valueStart..<valueEnd])))
            ranges[key] = valueStart..<valueEnd
            i = lexer.skipSpace(valueEnd)
        }
        self.entries = entries
        self.ranges = ranges
    }

    /// The raw value of `key`.
    subscript(key: String) -> [UInt8]? {
        entries.first { $0.key == key }?.value
    }

    /// The object number and generation `key` refers to, when its value is a reference.
    func reference(_ key: String) -> (number: Int, generation: Int)? {
        guard let value = self[key] else { return nil }
        let words = String(decoding: value, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        guard words.count == 3, words[2] == "R", let number = Int(words[0]), let generation = Int(words[1]) else { return nil }
        return (number, generation)
    }

    /// The value of `key` as an integer.
    func integer(_ key: String) -> Int? {
        self[key].flatMap { Int(String(decoding: $0, as: UTF8.self)) }
    }

    /// Replaces the value of `key` where it stands, or adds the entry at the end.
    mutating func set(_ key: String, _ value: [UInt8]) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append((key, value))
        }
    }

    /// The dictionary written out, one entry a line as the engines write theirs.
    var bytes: [UInt8] {
        var out = Array("<<".utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(0x0A) }
            out += Array("/\(entry.key) ".utf8) + entry.value
        }
        return out + Array(">>".utf8)
    }
}
