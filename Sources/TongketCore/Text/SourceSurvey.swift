/// One pass over a file's bytes for the three things `SourceText.decode` asks of every file: the
/// first control character YAML does not allow, whether there is a carriage return, and whether a
/// combining mark may be present. Three scans, one for each, were 7% of a 1,000-unit
/// consolidation's instructions (docs/hieu-nang.md); here one table load and one test per byte
/// pass the bytes of ASCII and Vietnamese text, and only a rare byte or a three-byte letter's
/// lead goes further. It answers what the byte-by-byte scan for control characters (kept in its
/// test as the reference), `SourceText.hasCarriageReturn` and `mayHoldMarks` answer (the test
/// compares them on random text).
struct SourceSurvey {
    /// The first control character YAML does not allow, with its byte offset. The bytes after it
    /// are not read: the file is refused, and the other two answers are then not asked for.
    var control: (offset: Int, scalar: UInt32)?
    var hasCarriageReturn = false
    var mayHoldMarks = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        Self.kinds.withUnsafeBufferPointer { kinds in
            var index = 0
            while index < count {
                let byte = base[index]
                let kind = kinds[Int(byte)]
                index += 1
                if kind == Kind.plain { continue }
                switch kind {
                case Kind.control:
                    control = (index - 1, UInt32(byte))
                    return
                case Kind.carriageReturn:
                    hasCarriageReturn = true
                case Kind.latin1:  // C2 leads U+0080–U+00BF: the C1 controls but NEL are not allowed
                    if index < count, (0x80...0x9F).contains(base[index]), base[index] != 0x85 {
                        control = (index - 1, UInt32(base[index]))
                        return
                    }
                case Kind.extendedAdditional:  // E1 BA and E1 BB lead U+1E80–U+1EFF, Vietnamese's letters
                    if index < count, base[index] == 0xBA || base[index] == 0xBB {
                        index += 1
                    } else {
                        mayHoldMarks = true
                    }
                default:
                    mayHoldMarks = true
                }
            }
        }
    }

    private enum Kind {
        static let plain: UInt8 = 0
        static let control: UInt8 = 1
        static let carriageReturn: UInt8 = 2
        static let latin1: UInt8 = 3
        static let extendedAdditional: UInt8 = 4
        /// A lead byte of scalars that may be combining marks (from U+0300), as `mayHoldMarks` reads them.
        static let markLead: UInt8 = 5
    }

    private static let kinds: [UInt8] = (0...255).map { value in
        switch UInt8(value) {
        case 0x09, 0x0A: Kind.plain
        case 0x0D: Kind.carriageReturn
        case 0x00...0x1F, 0x7F: Kind.control
        case 0xC2: Kind.latin1
        case 0xE1: Kind.extendedAdditional
        case 0x00...0xBF, 0xC2...0xCB: Kind.plain
        default: Kind.markLead
        }
    }
}
