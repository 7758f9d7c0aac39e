import Foundation

/// The fonts a PDF uses, by name, so that tongket can say which font replaced Times New Roman.
public enum PDFFonts {
    /// The `/BaseFont` names in `data`, without a subset's "ABCDEF+" prefix, sorted and unique.
    /// Fonts inside compressed object streams are not seen; neither engine puts them there.
    public static func names(in data: Data) -> [String] {
        let bytes = [UInt8](data)
        let key = Array("/BaseFont".utf8)
        let lexer = PDFLexer(bytes: bytes)
        var names = Set<String>()
        var i = 0
        while i + key.count < bytes.count {
            guard bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key) else {
                i += 1
                continue
            }
            let start = lexer.skipSpace(i + key.count)
            if start < bytes.count, bytes[start] == UInt8(ascii: "/") {
                var name = lexer.token(at: start + 1)
                if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
                    name = String(name[name.index(after: plus)...])
                }
                names.insert(name)
            }
            i = start
        }
        return names.sorted()
    }
}
