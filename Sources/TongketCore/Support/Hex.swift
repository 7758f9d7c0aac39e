/// Lowercase hexadecimal of bytes: digests in cache names, keys, the outline's digest and the
/// forms' fingerprint. Not `String(format: "%02x")`, which boxes every byte for Foundation's
/// formatter and looks up its conformances, a fifth of a millisecond for one digest of the outline
/// read on every run.
package enum Hex {
    package static func lowercase<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
