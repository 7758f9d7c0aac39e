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
        var order: [String] = []
        var merged: [String: MergedPoint] = [:]
        var firstWriter: [String: String] = [:]
        for point in points {
            let key = normalised(point.text, unitName: point.unitName)
            if var existing = merged[key] {
                if !existing.sources.contains(point.source) { existing.sources.append(point.source) }
                merged[key] = existing
            } else {
                order.append(key)
                merged[key] = MergedPoint(text: point.text, sources: [point.source])
                firstWriter[key] = point.unitName
            }
        }
        return order.compactMap { key in
            guard var point = merged[key] else { return nil }
            if point.sources.count > 1, let writer = firstWriter[key] {
                point.text = withoutOwnName(point.text, unitName: writer)
            }
            return point
        }
    }

    /// The parenthesised list after a point: every unit up to `fullListLimit`, else the first
    /// few and how many more.
    public static func sourceLabel(_ sources: [String]) -> String {
        guard sources.count > fullListLimit else { return sources.joined(separator: ", ") }
        let named = sources.prefix(namedWhenLong).joined(separator: ", ")
        return "\(named) và \(sources.count - namedWhenLong) đơn vị khác"
    }

    /// The comparison form of a point (see the type's documentation).
    public static func normalised(_ text: String, unitName: String) -> String {
        var lowered = SourceText.nfc(text).lowercased()
        let name = SourceText.nfc(unitName).lowercased()
        if !name.isEmpty { lowered = lowered.replacingOccurrences(of: name, with: " ") }
        var words: [String] = []
        var current = ""
        var scalars = Array(lowered.unicodeScalars)[...]
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        while let scalar = scalars.first {
            if CharacterSet.decimalDigits.contains(scalar) {
                flush()
                var number = ""
                while let next = scalars.first,
                    CharacterSet.decimalDigits.contains(next)
                        || ((next == "." || next == ",") && scalars.dropFirst().first.map(CharacterSet.decimalDigits.contains) == true)
                {
                    number.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                }
                words.append(canonicalNumber(number))
                continue
            }
            if CharacterSet.letters.contains(scalar) || CharacterSet.nonBaseCharacters.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
            scalars = scalars.dropFirst()
        }
        flush()
        return words.joined(separator: " ")
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
