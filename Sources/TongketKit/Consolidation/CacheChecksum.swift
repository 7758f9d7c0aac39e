/// A 64-bit checksum of an entry's bytes, to catch a damaged entry (a disk error, a copy cut
/// short, an edit by hand) before anything in it is believed. Not SHA-256: the file's own SHA-256
/// is already computed for the key, and a second one over the entry was 40% of a warm run's
/// instructions (callgrind); nobody gains by forging an entry in one's own cache folder.
///
/// Fed in pieces (`add`), so that an entry's head and body can be read into arrays of their own
/// and still be checked as one. Four lanes take the words of each 32 bytes in turn: one lane's
/// multiplications wait on each other, four independent ones keep the processor busy (a warm run
/// checks every unit's entry and megabytes of kept sections).
struct CacheChecksum {
    private static let prime: UInt64 = 0x0000_0100_0000_01b3
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
        0xcbf2_9ce4_8422_2325, 0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f, 0x1656_67b1_9e37_79f9
    )
    /// Bytes added but not yet taken: fewer than a block of 32.
    private var pending: [UInt8] = []
    private var count = 0

    /// The checksum of `bytes` alone.
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var sum = CacheChecksum()
        bytes.withUnsafeBytes { sum.add($0) }
        return sum.value
    }

    /// The checksum of entries framed before format 3 (one lane, eight bytes at a time): an
    /// entry an earlier tongket left in the folder is then known as another version's, ignored
    /// without the warning a damaged one gets.
    static func earlier(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            // The last bytes were multiplied in without the shift.
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* prime
                offset += 1
            }
            return finished(hash)
        }
    }

    /// The last mixing of both forms, so that the bits of every word reach every bit of the result.
    private static func finished(_ hash: UInt64) -> UInt64 {
        var hash = hash ^ (hash >> 32)
        hash &*= 0x9e37_79b9_7f4a_7c15
        return hash ^ (hash >> 29)
    }

    /// One word into a lane: a multiply and a shift (as in FNV and xxHash), so that any one
    /// changed bit changes about half the lane.
    @inline(__always)
    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let product = (lane ^ word) &* prime
        return product ^ (product >> 29)
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        count += raw.count
        var offset = 0
        if !pending.isEmpty {
            let taken = min(32 - pending.count, raw.count)
            pending.append(contentsOf: raw[0..<taken])
            offset = taken
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { take($0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = offset + (raw.count - offset) / 32 * 32
        take(UnsafeRawBufferPointer(rebasing: raw[offset..<whole]))
        if whole < raw.count { pending.append(contentsOf: raw[whole...]) }
    }

    /// The whole blocks of `raw`, four words each.
    private mutating func take(_ raw: UnsafeRawBufferPointer) {
        var (a, b, c, d) = lanes
        var offset = 0
        while offset + 32 <= raw.count {
            a = Self.mix(a, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            b = Self.mix(b, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            c = Self.mix(c, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            d = Self.mix(d, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        lanes = (a, b, c, d)
    }

    /// The lanes folded one into the next (each step a bijection of the lane folded in, so that a
    /// change in any lane changes the result), then the last bytes and the length.
    var value: UInt64 {
        var hash = UInt64(count)
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { hash = Self.mix(hash, lane) }
        for byte in pending { hash = Self.mix(hash, UInt64(byte)) }
        return Self.finished(hash)
    }
}
