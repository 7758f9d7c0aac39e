import Foundation
import TongketCore

/// One point of a list section as the province's draft states it: said once, followed by every
/// unit that wrote it.
public struct MergedPoint: Sendable, Equatable {
    /// The point's text: the first writer's, with that writer's own name taken out when several
    /// units share the point (so that "Sở Tư pháp đã …" does not stand for Sở Y tế too).
    public var text: String
    /// Every unit that wrote it, in the draft's order, each once.
    public var sources: [String]
}

/// Merges the points that several units wrote in one list section, so that the draft states
/// each point once, followed by its units ("(Sở Tư pháp, Sở Y tế, UBND huyện Nga Sơn)").
///
/// Two points are the same when their texts are equal after this normalisation, and only then:
/// - Unicode NFC, lower case;
/// - the writing unit's own name taken out ("Sở Tư pháp đã ban hành …" = "Sở Y tế đã ban hành …");
/// - every number read as its value, in the Vietnamese way ("1.126" = "1126"; "85,5" = "85,50");
///   different figures keep points apart, since one merged point cannot carry two figures;
/// - punctuation dropped and spaces collapsed ("rõ rệt." = "rõ rệt").
/// Nothing is dropped: every unit's every point is one of the merged points, with that unit
/// among its sources (a test counts them).
public enum PointMerger {
    /// Up to this many units are named after a point; above it, the first `namedWhenLong` and
    /// "và N đơn vị khác", the full list going to the annex of units' points.
    public static let fullListLimit = 5
    public static let namedWhenLong = 3

    /// The merged points of one section, in the order their first writer appears.
    public static func merge(_ points: [(source: String, unitName: String, text: String)]) -> [MergedPoint] {
        // Each distinct point is found once by its key and then changed where it lies: a copy
        // taken out of a dictionary and put back copied its list of sources at every append, so
        // that a point shared by 10,000 units cost fifty million copies.
        var entries: [Entry] = []
        var places: [Key: Int] = [:]
        var names: [String: [[UInt8]]] = [:]
        // A unit's points come one after another, under the same name: compared with the last
        // one first, since hashing a Vietnamese name puts it in NFC at every look-up (a tenth
        // of merging the points).
        var last: (unitName: String, name: [[UInt8]])?
        for point in points {
            let name: [[UInt8]]
            if let last, last.unitName == point.unitName {
                name = last.name
            } else if let known = names[point.unitName] {
                name = known
            } else {
                name = ComparisonForm.words(ofName: point.unitName)
                names[point.unitName] = name
            }
            last = (point.unitName, name)
            let key = Self.key(point.text, name: name)
            if let place = places[key] {
                entries[place].add(point.source)
            } else {
                places[key] = entries.count
                entries.append(Entry(point: MergedPoint(text: point.text, sources: [point.source]), firstWriter: point.unitName))
            }
        }
        return entries.map { entry in
            var point = entry.point
            if point.sources.count > 1 { point.text = withoutOwnName(point.text, unitName: entry.firstWriter) }
            return point
        }
    }

    /// A point being merged: its sources so far and the unit that wrote it first.
    private struct Entry {
        var point: MergedPoint
        let firstWriter: String
        /// Who already stands after the point, once it has more than a few: searching the list
        /// made a point shared by 1,000 units cost a million comparisons.
        var named: Set<String> = []

        mutating func add(_ source: String) {
            if named.isEmpty, point.sources.count < 8 {
                if !point.sources.contains(source) { point.sources.append(source) }
                return
            }
            if named.isEmpty { named = Set(point.sources) }
            if named.insert(source).inserted { point.sources.append(source) }
        }
    }

    /// The parenthesised list after a point: every unit up to `fullListLimit`, else the first
    /// few and how many more.
    public static func sourceLabel(_ sources: [String]) -> String {
        guard sources.count > fullListLimit else { return sources.joined(separator: ", ") }
        let named = sources.prefix(namedWhenLong).joined(separator: ", ")
        return "\(named) và \(sources.count - namedWhenLong) đơn vị khác"
    }

    /// A point a lower level's roll-up passed up ends with its writers as the roll-up writes
    /// them, " *(UBND xã Nga An, UBND xã Nga Điền)*": the text without them, and them, when every
    /// name in the parentheses is a unit of the outline (a unit's own italic aside, "*(xem Phụ lục
    /// 03)*", is left as written).
    public static func passedUp(_ text: String, unitNames: Set<String>) -> (text: String, writers: String)? {
        guard !unitNames.isEmpty, text.hasSuffix(")*") else { return nil }
        let bytes = Array(text.utf8)
        let opening = Array(" *(".utf8)
        var start = bytes.count - 3
        while start >= 0, !bytes[start..<(start + 3)].elementsEqual(opening) { start -= 1 }
        guard start > 0 else { return nil }
        let inner = String(decoding: bytes[(start + 3)..<(bytes.count - 2)], as: UTF8.self)
        let names = inner.components(separatedBy: ", ")
        guard !inner.isEmpty, names.allSatisfy({ unitNames.contains($0) }) else { return nil }
        return (String(decoding: bytes[..<start], as: UTF8.self), inner)
    }

    /// The comparison form of a point (see the type's documentation).
    public static func normalised(_ text: String, unitName: String) -> String {
        String(decoding: key(text, unitName: unitName).bytes, as: UTF8.self)
    }

    /// `normalised` as the bytes the merges compare: a String key is hashed through its
    /// canonical form, which costs more than the normalisation for Vietnamese text.
    static func key(_ text: String, unitName: String) -> Key {
        key(text, name: ComparisonForm.words(ofName: unitName))
    }

    /// `key` with the writer's name already split into words (`ComparisonForm.words(ofName:)`),
    /// as a merge does once per unit.
    static func key(_ text: String, name: [[UInt8]]) -> Key {
        Key(ComparisonForm(text).removing(name))
    }

    /// A normalised text's bytes, with a digest of them made once: the merges look each key up
    /// several times, and hashing every byte at each lookup was a twentieth of a consolidation.
    struct Key: Hashable {
        let bytes: [UInt8]
        let digest: UInt64

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            digest = Self.digest(bytes)
        }

        static func == (left: Key, right: Key) -> Bool { left.digest == right.digest && left.bytes == right.bytes }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        /// Eight bytes at a time, multiplied and folded, from a seed drawn for each run, so that
        /// texts cannot be written to share a digest (the hash table would slow to a crawl).
        static func digest(_ bytes: [UInt8]) -> UInt64 {
            bytes.withUnsafeBytes { raw in
                var hash = seed ^ UInt64(raw.count)
                var offset = 0
                while offset + 8 <= raw.count {
                    hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += 8
                }
                var tail: UInt64 = 0
                while offset < raw.count {
                    tail = tail << 8 | UInt64(raw[offset])
                    offset += 1
                }
                return mix(hash ^ tail)
            }
        }

        private static func mix(_ value: UInt64) -> UInt64 {
            var mixed = value &* 0x9E37_79B9_7F4A_7C15
            mixed ^= mixed >> 32
            return mixed &* 0xD6E8_FEB8_6659_FD93
        }

        private static let seed = UInt64.random(in: .min ... .max)
    }

    /// A number written the Vietnamese way as its value: "." groups thousands, "," marks the
    /// decimals ("1.234,50" → "1234.5"); a lone "." followed by other than three digits is read
    /// as a decimal point, as in a figure pasted from an English spreadsheet.
    static func canonicalNumber(_ written: String) -> String {
        var integer = written
        var fraction = ""
        if let comma = written.lastIndex(of: ",") {
            integer = String(written[..<comma])
            fraction = String(written[written.index(after: comma)...])
        }
        let groups = integer.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1, fraction.isEmpty, !groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            integer = groups.dropLast().joined()
            fraction = String(groups.last ?? "")
        } else {
            integer = groups.joined()
        }
        integer = String(integer.drop { $0 == "0" })
        fraction = String(fraction.reversed().drop { $0 == "0" }.reversed())
        let whole = integer.isEmpty ? "0" : integer
        return fraction.isEmpty ? whole : whole + "." + fraction
    }

    /// The point without its writer's own name, for a point shared by several units: a leading
    /// name is dropped and the next word capitalised ("Sở Tư pháp đã ban hành …" → "Đã ban hành
    /// …"); a name inside the sentence becomes "các đơn vị".
    static func withoutOwnName(_ text: String, unitName: String) -> String {
        guard !unitName.isEmpty, let range = text.range(of: unitName, options: [.caseInsensitive]) else { return text }
        if range.lowerBound == text.startIndex {
            let rest = text[range.upperBound...].drop { $0 == " " || $0 == "," }
            guard let first = rest.first else { return text }
            return first.uppercased() + rest.dropFirst()
        }
        return text.replacingCharacters(in: range, with: "các đơn vị")
    }
}
