#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a byte comes next in a buffer, found by the C library's `memchr`, which reads many bytes
/// at a step: the drafts' writers look for line breaks and quotation marks that come once in a
/// hundred bytes or more, and a Swift loop looking at every byte cost more than the writing.
public enum ByteSearch {
    /// The first position from `index` on holding `byte`, or `bytes.count`.
    public static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress, index < bytes.count, let found = memchr(base + index, Int32(byte), bytes.count - index)
        else { return bytes.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// The first blank line's break (the first of two line breaks in a row) from `index` on, or
    /// `bytes.count`.
    public static func nextBlankLine(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var at = next(0x0A, in: bytes, from: index)
        while at + 1 < bytes.count && bytes[at + 1] != 0x0A { at = next(0x0A, in: bytes, from: at + 1) }
        return at + 1 < bytes.count ? at : bytes.count
    }

    /// Whether `bytes` hold `part` as a run of consecutive bytes (any bytes hold an empty part).
    /// For ASCII this is what String's `contains` tells, without comparing character by character.
    static func holds(_ bytes: some Collection<UInt8>, _ part: some Collection<UInt8>) -> Bool {
        guard let head = part.first else { return true }
        var from = bytes.startIndex
        while let found = bytes[from...].firstIndex(of: head) {
            if bytes[found...].starts(with: part) { return true }
            from = bytes.index(after: found)
        }
        return false
    }
}
