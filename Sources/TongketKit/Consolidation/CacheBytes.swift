import Foundation
import TongketCore

/// The bytes of a cache entry, written field after field with no names: integers as
/// variable-length numbers, text as its length and UTF-8, numbers as their exact bits. Reading
/// it back is a walk over a byte array, far cheaper than parsing the YAML it replaces (Foundation's
/// JSON and property-list decoders, measured first, cost as much as the parse).
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        // Zigzag, so that small negative numbers stay short.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7f) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Eight bytes, least significant first.
    mutating func word(_ value: UInt64) {
        var bits = value
        for _ in 0..<8 {
            bytes.append(UInt8(bits & 0xff))
            bits >>= 8
        }
    }

    /// The bits themselves: a figure must come back exactly as it was read.
    mutating func double(_ value: Double) { word(value.bitPattern) }

    mutating func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func dictionary<K, V>(_ values: [K: V], _ key: (inout CacheWriter, K) -> Void, _ value: (inout CacheWriter, V) -> Void) {
        int(values.count)
        for (k, v) in values {
            key(&self, k)
            value(&self, v)
        }
    }
}

/// Reads what `CacheWriter` wrote; anything that does not fit (cut short, an impossible count, an
/// unknown name) throws, and the entry is then not used.
struct CacheReader {
    struct Unreadable: Error {}

    private let bytes: [UInt8]
    private var position: Int

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    /// Everything not read yet, which the reader then has read.
    mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return Array(bytes[position...])
    }

    mutating func int() throws(Unreadable) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Unreadable() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    /// A count of things still to read: never more than the bytes left, so that a damaged count
    /// cannot make a huge array.
    mutating func count() throws(Unreadable) -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - position else { throw Unreadable() }
        return n
    }

    mutating func bool() throws(Unreadable) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Unreadable() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func word() throws(Unreadable) -> UInt64 {
        guard bytes.count - position >= 8 else { throw Unreadable() }
        var bits: UInt64 = 0
        for i in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[position + i]) }
        position += 8
        return bits
    }

    mutating func double() throws(Unreadable) -> Double { Double(bitPattern: try word()) }

    /// A string, checked as UTF-8 (`UTF8Text`): a writer never writes other, so an entry that
    /// holds other is not used.
    mutating func string() throws(Unreadable) -> String {
        let n = try count()
        guard let text = UTF8Text.string(bytes[position..<position + n]) else { throw Unreadable() }
        position += n
        return text
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws(Unreadable) -> T) throws(Unreadable) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheReader) throws(Unreadable) -> T) throws(Unreadable) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    mutating func dictionary<K: Hashable, V>(
        _ key: (inout CacheReader) throws(Unreadable) -> K, _ value: (inout CacheReader) throws(Unreadable) -> V
    ) throws(Unreadable) -> [K: V] {
        let n = try count()
        var values: [K: V] = [:]
        values.reserveCapacity(n)
        for _ in 0..<n {
            let k = try key(&self)
            values[k] = try value(&self)
        }
        return values
    }

    /// A value named by its raw text (a severity, a kind of problem).
    mutating func named<T: RawRepresentable>(_: T.Type) throws(Unreadable) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Unreadable() }
        return value
    }
}
