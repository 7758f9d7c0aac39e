import CmarkDoor
import Foundation
import TongketCore

/// One draft's use of the `DraftPieceCache`: the key each section's output must have been made
/// from, and how to build a section that was not merged in advance when its kept output turns
/// out unusable. The tree asks it piece by piece (`PieceStore`).
struct DraftPieces: PieceStore {
    let cache: DraftPieceCache
    /// The outline's digest and the issuing body: which draft the sections belong to.
    let draft: String
    /// The key of every section kept or to keep, by marker.
    let keys: [String: String]
    /// The real insertion of a section whose insertion stands in for its key only.
    var build: @Sendable (String) -> Insertion?

    func output(of marker: String, in format: TreeFormat) -> [UInt8]? {
        guard let key = keys[marker] else { return nil }
        let kept = cache.read(url(marker, format.entryKind), key: key, shown: "phần \(marker) (\(format.entryKind))")
        if kept != nil { cache.count { $0.kept += 1 } }
        return kept
    }

    func insertion(of marker: String) -> Insertion? { build(marker) }

    func keep(_ output: [UInt8], of marker: String, in format: TreeFormat) {
        guard let key = keys[marker] else { return }
        cache.write(output, key: key, to: url(marker, format.entryKind))
        cache.count { $0.rendered += 1 }
    }

    func url(_ marker: String, _ kind: String) -> URL { cache.url(draft: draft, marker: marker, kind: kind) }

    // MARK: Chunks of a large section

    /// A chunk's key: its content (as a section's key, `DraftPieceKeys`) and how it joins the
    /// chunks beside it, which decides the list tags its HTML keeps.
    func chunkKey(_ chunk: Insertion, continuesList: Bool, listGoesOn: Bool) -> String? {
        var digest = FieldDigest()
        digest.int(continuesList ? 1 : 0)
        digest.int(listGoesOn ? 1 : 0)
        return DraftPieceKeys.add(chunk, to: &digest) ? digest.hex() : nil
    }

    /// The chunks of the section's output kept in `format`, by key, from its index (`keep`): the
    /// index names the content the output was kept for, and the output is read for that content,
    /// so a stale or damaged pair gives nothing.
    func keptChunks(of marker: String, in format: TreeFormat) -> [String: ArraySlice<UInt8>] {
        guard keys[marker] != nil,
            let (key, index) = cache.readAnyKey(url(marker, Self.indexKind(format)), shown: "phần \(marker) (khúc \(format.entryKind))"),
            let output = cache.read(url(marker, format.entryKind), key: key, shown: "phần \(marker) (\(format.entryKind))")
        else { return [:] }
        var reader = CacheReader(index)
        guard
            let spans = try? reader.array({ (r: inout CacheReader) throws(CacheReader.Unreadable) in
                KeptChunk(key: try r.string(), offset: try r.int(), count: try r.int())
            }), reader.isAtEnd
        else { return [:] }
        var chunks: [String: ArraySlice<UInt8>] = [:]
        for span in spans where span.offset >= 0 && span.count >= 0 && span.offset <= output.count - span.count {
            chunks[span.key] = output[span.offset..<(span.offset + span.count)]
        }
        return chunks
    }

    /// The section's output, as `keep(_:of:in:)`, and beside it the index of its chunks, made for
    /// the same content.
    func keep(_ output: [UInt8], of marker: String, in format: TreeFormat, chunks: [KeptChunk], reused: Int) {
        guard let key = keys[marker] else { return }
        keep(output, of: marker, in: format)
        var index = CacheWriter()
        index.array(chunks) { w, chunk in
            w.string(chunk.key)
            w.int(chunk.offset)
            w.int(chunk.count)
        }
        cache.write(index.bytes, key: key, to: url(marker, Self.indexKind(format)))
        cache.count { $0.chunksKept += reused }
    }

    static func indexKind(_ format: TreeFormat) -> String { "\(format.entryKind)-khuc" }

    /// Whether every format in `formats` has an entry made for `marker`'s key (whether whole is
    /// known only when it is read). An entry of the section's earlier content is not enough: that
    /// section would be merged late, alone, while the draft is written, instead of beside the others.
    func isKept(_ marker: String, in formats: [TreeFormat]) -> Bool {
        guard let key = keys[marker] else { return false }
        return formats.allSatisfy { cache.isMade(url(marker, $0.entryKind), for: key) }
    }

    /// A list section's points that name more units than a line can, as kept with its key.
    func keptPoints(_ marker: String) -> [MergedPoint]? {
        guard let key = keys[marker], let body = cache.read(url(marker, "diem"), key: key, shown: "phần \(marker) (diem)") else {
            return nil
        }
        var reader = CacheReader(body)
        let points = try? reader.array { (r: inout CacheReader) throws(CacheReader.Unreadable) in
            MergedPoint(
                text: try r.string(), sources: try r.array { (r: inout CacheReader) throws(CacheReader.Unreadable) in try r.string() })
        }
        return reader.isAtEnd ? points : nil
    }

    func keep(points: [MergedPoint], of marker: String) {
        guard let key = keys[marker] else { return }
        var body = CacheWriter()
        body.array(points) { w, point in
            w.string(point.text)
            w.array(point.sources) { $0.string($1) }
        }
        cache.write(body.bytes, key: key, to: url(marker, "diem"))
    }
}

/// The keys of the draft's sections: SHA-256 over a section's insertion, with the units'
/// material (the bulk) standing in by a digest of what it is merged from, so that a key is known
/// before anything is merged.
enum DraftPieceKeys {
    /// The prefix of the stand-ins' ids: an insertion holding another native block (a table) is
    /// not kept, since the block's text is made elsewhere.
    static let standInPrefix = "tongket-dem:"

    /// A stand-in for each section's material: the digest of the units' contributions in order,
    /// whether the section is a list, and the names by which passed-up points are known.
    static func standIns(_ contributions: [String: [Contribution]], keys: [String], lists: Set<String>, unitNames: Set<String>)
        -> [String: Insertion]
    {
        var names = FieldDigest()
        names.strings(unitNames.sorted())
        let namesDigest = names.hex()
        let slots = Slots<String>(count: keys.count)
        DispatchQueue.concurrentPerform(iterations: keys.count) { index in
            var digest = FieldDigest()
            digest.string(namesDigest)
            digest.int(lists.contains(keys[index]) ? 1 : 0)
            // Fields read in place, not contributions copied (a retain of each field, contended
            // between the threads, since a unit's names are shared by all its contributions).
            let list = contributions[keys[index]] ?? []
            for position in list.indices {
                digest.int(2)  // as `strings` writes two names
                digest.string(list[position].unitID)
                digest.string(list[position].unitName)
                digest.int(list[position].isThematic ? 1 : 0)
                // Kept with the submission in the cache when it was read; made now otherwise.
                digest.digest(list[position].contentDigest ?? ContentDigests.of(list[position].content))
            }
            slots.set(index, digest.hex())
        }
        var result: [String: Insertion] = [:]
        for (key, digest) in zip(keys, slots.all) where digest != nil {
            result[key] = .native(id: standInPrefix + (digest ?? ""))
        }
        return result
    }

    /// The key of a section's insertion (with stand-ins), or nil for one holding a table.
    static func key(_ insertion: Insertion) -> String? {
        var digest = FieldDigest()
        guard add(insertion, to: &digest) else { return nil }
        return digest.hex()
    }

    static func add(_ insertion: Insertion, to digest: inout FieldDigest) -> Bool {
        switch insertion {
        case .fragment(let text, let level):
            digest.int(0)
            digest.int(level)
            digest.string(text)
        case .list(let items, let level):
            digest.int(1)
            digest.int(level)
            digest.strings(items)
        case .native(let id):
            guard id.hasPrefix(standInPrefix) else { return false }
            digest.int(2)
            digest.string(id)
        case .sourcedFragments(let pieces, let level):
            digest.int(3)
            digest.int(level)
            for piece in pieces { digest.strings([piece.source, piece.text]) }
        case .sourcedList(let pieces, let level):
            digest.int(4)
            digest.int(level)
            for piece in pieces { digest.strings([piece.source, piece.text]) }
        case .sequence(let parts):
            digest.int(5)
            digest.int(parts.count)
            for part in parts where !add(part, to: &digest) { return false }
        }
        return true
    }
}

extension TreeFormat {
    /// The ending of a section's entry in this format.
    var entryKind: String { self == .html ? "html" : "md" }
}
