/// A PDF's cross-reference: where each object starts, and the last trailer, read from the end
/// of the file as a reader does (ISO 32000-1, 7.5.4–7.5.6). Only classic cross-reference tables
/// are read, which is what Chromium and LibreOffice write; a cross-reference stream is refused
/// with a message rather than guessed at.
struct PDFFile {
    let lexer: PDFLexer
    /// Object number → (byte offset, generation), the latest section winning.
    private(set) var offsets: [Int: (offset: Int, generation: Int)] = [:]
    /// The last section's trailer.
    let trailer: PDFDictionary
    /// Where the last trailer's dictionary starts, for finding its values in the bytes.
    let trailerStart: Int
    /// The offset the last `startxref` names.
    let lastCrossReference: Int

    var bytes: [UInt8] { lexer.bytes }

    init(_ bytes: [UInt8]) throws(PDFStructureError) {
        lexer = PDFLexer(bytes: bytes)
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw PDFStructureError("tệp không bắt đầu bằng %PDF-") }
        guard let keyword = Self.lastRange(of: Array("startxref".utf8), in: bytes, within: 4096) else {
            throw PDFStructureError("không thấy startxref ở cuối tệp")
        }
        let numberStart = lexer.skipSpace(keyword + 9)
        guard let start = Int(lexer.token(at: numberStart)), start > 0, start < bytes.count else {
            throw PDFStructureError("startxref không trỏ vào trong tệp")
        }
        lastCrossReference = start
        var offsets: [Int: (offset: Int, generation: Int)] = [:]
        var section = start
        var seen = Set<Int>()
        var first: (PDFDictionary, Int)?
        while true {
            guard seen.insert(section).inserted, seen.count <= 64 else { throw PDFStructureError("các bảng tham chiếu chéo trỏ vòng") }
            let (trailer, trailerStart) = try Self.readSection(at: section, lexer: lexer, into: &offsets)
            if first == nil { first = (trailer, trailerStart) }
            guard let previous = trailer.integer("Prev") else { break }
            section = previous
        }
        guard let first else { throw PDFStructureError("không có trailer") }
        self.offsets = offsets
        trailer = first.0
        trailerStart = first.1
    }

    /// Reads one cross-reference section; entries already known from a later section stay.
    private static func readSection(
        at offset: Int, lexer: PDFLexer, into offsets: inout [Int: (offset: Int, generation: Int)]
    ) throws(PDFStructureError) -> (PDFDictionary, Int) {
        let bytes = lexer.bytes
        guard offset < bytes.count, lexer.token(at: offset) == "xref" else {
            throw PDFStructureError("bảng tham chiếu chéo dạng luồng (xref stream) chưa được hỗ trợ")
        }
        var i = lexer.skipSpace(offset + 4)
        while i < bytes.count, lexer.token(at: i) != "trailer" {
            guard let first = Int(lexer.token(at: i)) else { throw PDFStructureError("bảng tham chiếu chéo hỏng ở vị trí \(i)") }
            i = lexer.skipSpace(lexer.tokenEnd(i))
            guard let count = Int(lexer.token(at: i)), count >= 0, count < 10_000_000 else {
                throw PDFStructureError("bảng tham chiếu chéo hỏng ở vị trí \(i)")
            }
            i = lexer.skipSpace(lexer.tokenEnd(i))
            for number in first..<(first + count) {
                let place = Int(lexer.token(at: i))
                i = lexer.skipSpace(lexer.tokenEnd(i))
                let generation = Int(lexer.token(at: i))
                i = lexer.skipSpace(lexer.tokenEnd(i))
                let kind = lexer.token(at: i)
                i = lexer.skipSpace(lexer.tokenEnd(i))
                guard let place, let generation, kind == "n" || kind == "f" else {
                    throw PDFStructureError("mục của bảng tham chiếu chéo hỏng ở vị trí \(i)")
                }
                if kind == "n" && offsets[number] == nil { offsets[number] = (place, generation) }
            }
        }
        guard i < bytes.count else { throw PDFStructureError("không thấy trailer") }
        let start = lexer.skipSpace(i + 7)
        return (try PDFDictionary(lexer, at: start), start)
    }

    /// Where the value of `number`'s object starts (after "N G obj"), and its generation.
    func objectStart(_ number: Int) throws(PDFStructureError) -> (start: Int, generation: Int) {
        guard let entry = offsets[number], entry.offset < bytes.count else {
            throw PDFStructureError("không thấy đối tượng \(number) trong bảng tham chiếu chéo")
        }
        var i = entry.offset
        for expected in [String(number), String(entry.generation), "obj"] {
            i = lexer.skipSpace(i)
            guard lexer.token(at: i) == expected else { throw PDFStructureError("đối tượng \(number) không nằm ở chỗ bảng tham chiếu chỉ") }
            i = lexer.tokenEnd(i)
        }
        return (lexer.skipSpace(i), entry.generation)
    }

    /// The dictionary of object `number` (a stream's dictionary for a stream).
    func dictionary(_ number: Int) throws(PDFStructureError) -> PDFDictionary {
        try PDFDictionary(lexer, at: try objectStart(number).start)
    }

    /// The last occurrence of `needle` within the final `window` bytes.
    static func lastRange(of needle: [UInt8], in bytes: [UInt8], within window: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        let lowest = max(0, bytes.count - window)
        var i = bytes.count - needle.count
        while i >= lowest {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
