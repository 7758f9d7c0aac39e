/// An incremental update being appended to a PDF: objects after the original bytes, then a
/// cross-reference section for them alone and a trailer that points back at the previous one.
struct PDFUpdate {
    private var bytes: [UInt8]
    private var entries: [(number: Int, generation: Int, offset: Int)] = []

    /// An update after `base`, which gets a final end of line if it lacks one.
    init(base: [UInt8]) {
        bytes = base
        if let last = bytes.last, last != 0x0A && last != 0x0D { bytes.append(0x0A) }
    }

    /// Appends object `number` with `value` (a dictionary's bytes).
    mutating func add(_ number: Int, generation: Int, _ value: [UInt8]) {
        entries.append((number, generation, bytes.count))
        bytes += Array("\(number) \(generation) obj\n".utf8) + value + Array("\nendobj\n".utf8)
    }

    /// The file with the cross-reference section (one subsection per run of consecutive numbers,
    /// entries of exactly 20 bytes) and `trailer`.
    func finished(trailer: PDFDictionary) -> [UInt8] {
        var out = bytes
        let start = out.count
        out += Array("xref\n".utf8)
        let sorted = entries.sorted { $0.number < $1.number }
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count && sorted[end].number == sorted[end - 1].number + 1 { end += 1 }
            out += Array("\(sorted[index].number) \(end - index)\n".utf8)
            for entry in sorted[index..<end] {
                out += Array("\(PDFText.digits(entry.offset, 10)) \(PDFText.digits(entry.generation, 5)) n \n".utf8)
            }
            index = end
        }
        out += Array("trailer\n".utf8) + trailer.bytes + Array("\nstartxref\n\(start)\n%%EOF\n".utf8)
        return out
    }
}
