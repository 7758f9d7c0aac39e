import Crypto
import TongketCore

/// SHA-256 over fields each preceded by its length or count, so that no two inputs write the
/// same bytes: the keys of the draft's kept sections are made of these.
struct FieldDigest {
    private var hasher = SHA256()

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { hasher.update(bufferPointer: $0) }
    }

    mutating func string(_ value: String) {
        // The text's own bytes when it has them in one piece, as a native string does: a copy
        // of the string to call `withUTF8` on was a retain, contended between the threads.
        guard value.utf8.withContiguousStorageIfAvailable({ utf8($0) }) == nil else { return }
        var text = value
        text.withUTF8 { utf8($0) }
    }

    private mutating func utf8(_ bytes: UnsafeBufferPointer<UInt8>) {
        int(bytes.count)
        hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func digest(_ value: ContentDigest) {
        withUnsafeBytes(of: value.littleEndian) { hasher.update(bufferPointer: $0) }
    }

    func hex() -> String { Hex.lowercase(hasher.finalize()) }

    func value() -> ContentDigest {
        hasher.finalize().withUnsafeBytes { raw in
            let word = { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
            return ContentDigest(word(0), word(1), word(2), word(3))
        }
    }
}

/// A SHA-256 held in four words rather than an array: the cache gives one for every unit's every
/// section, and as arrays they were that many allocations.
public struct ContentDigest: Sendable, Hashable {
    var first: UInt64
    var second: UInt64
    var third: UInt64
    var fourth: UInt64

    init(_ first: UInt64, _ second: UInt64, _ third: UInt64, _ fourth: UInt64) {
        (self.first, self.second, self.third, self.fourth) = (first, second, third, fourth)
    }

    /// The four words as the digest's 32 bytes, in order.
    var littleEndian: (UInt64, UInt64, UInt64, UInt64) {
        (first.littleEndian, second.littleEndian, third.littleEndian, fourth.littleEndian)
    }
}

/// The digest of what each section of one submission holds, main report and thematic report:
/// made once, when the file is read and checked, and kept with it in the cache, so that a
/// consolidation with a warm cache names every unit's contribution to a section by 32 bytes
/// instead of hashing the text again (a twelfth of such a run at 1,000 units, measured).
public struct ContentDigests: Sendable, Equatable {
    var sections: [String: ContentDigest]
    var thematic: [String: ContentDigest]

    init(sections: [String: ContentDigest], thematic: [String: ContentDigest]) {
        self.sections = sections
        self.thematic = thematic
    }

    init(_ submission: Submission) {
        sections = submission.sections.mapValues(Self.of)
        thematic = (submission.thematic?.sections ?? [:]).mapValues(Self.of)
    }

    /// The digest of one section's content: what the draft's keys stand on
    /// (the stand-ins of the sections kept by the draft), whether kept from the cache or made now.
    static func of(_ content: SectionContent) -> ContentDigest {
        var digest = FieldDigest()
        switch content {
        case .text(let text):
            digest.int(0)
            digest.string(text)
        case .list(let items):
            digest.int(1)
            digest.strings(items)
        }
        return digest.value()
    }
}
