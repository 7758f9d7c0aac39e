import CmarkDoor
import TongketCore
import TongketDocument

/// How a draft uses the sections kept by an earlier run: which are not merged in advance, what
/// stands in for their material, and their long points as kept.
struct DraftReuse {
    var pieces: DraftPieces
    /// Sections kept in every format written: their material is merged only if a kept output
    /// turns out unusable.
    var later: Set<String>
    var standIns: [String: Insertion]
    /// The kept long points of list sections (`MergedMaterial.longPoints`).
    var points: [String: [MergedPoint]]
    /// The filled sentences the plan used (`ProvinceVoice.statedFigures`).
    var stated: [String: String]
}

extension ReportRenderer {
    /// The keys of the draft's sections, from a plan in which every section's material is its
    /// stand-in, and what of it is kept in `cache` for `formats`. Nil for an outline made in code,
    /// which has no digest to tell its versions apart.
    func draftReuse(_ cache: DraftPieceCache, _ consolidation: Consolidation, placement: UnitTextPlacement, formats: [TreeFormat])
        -> DraftReuse?
    {
        guard let outlineDigest = outline.sourceDigest else { return nil }
        let contributed = Set(consolidation.contributions.keys)
        var probe = ProvinceVoice(consolidation: consolidation, outline: outline, placement: placement, later: contributed)
        // Material the body shows; what goes to the annex is merged every time.
        let shown = contributed.filter { key in outline.section(key).map { !probe.movesToAnnex($0) } ?? false }.sorted()
        let lists = ProvinceVoice.lists(outline)
        probe.standIns = DraftPieceKeys.standIns(
            consolidation.contributions, keys: shown, lists: lists, unitNames: ProvinceVoice.unitNames(outline))
        var keys: [String: String] = [:]
        for (key, insertion) in sectionPlan(probe).insertions where key.isSection {
            keys[key.marker] = DraftPieceKeys.key(insertion)
        }
        let pieces = DraftPieces(
            cache: cache, draft: "\(outlineDigest)\n\(outline.programme.consolidated.name)", keys: keys, build: { _ in nil })
        var points: [String: [MergedPoint]] = [:]
        var later: Set<String> = []
        for key in shown {
            let marker = InsertionKey.section(key).marker
            if lists.contains(key) { points[key] = pieces.keptPoints(marker) }
            if !formats.isEmpty, pieces.isKept(marker, in: formats), !lists.contains(key) || points[key] != nil { later.insert(key) }
        }
        return DraftReuse(
            pieces: pieces, later: later, standIns: probe.standIns.filter { later.contains($0.key) }, points: points,
            stated: probe.statedFigures)
    }

    /// The store the draft's tree asks, once the sections not kept are merged: a section left
    /// for later is built from the real material if its kept output cannot be used; the long
    /// points merged now are kept for the next run.
    func finishing(_ reuse: DraftReuse, voice: ProvinceVoice, plan: SectionPlan) -> DraftPieces {
        let lists = ProvinceVoice.lists(outline)
        for key in voice.consolidation.contributions.keys where lists.contains(key) && reuse.points[key] == nil {
            reuse.pieces.keep(points: voice.material.longPoints(key), of: InsertionKey.section(key).marker)
        }
        var places: [String: (Section, Int)] = [:]
        for entry in plan.entries where reuse.later.contains(entry.key) {
            if let section = outline.section(entry.key) {
                places[InsertionKey.section(entry.key).marker] = (section, entry.headingMarks.count)
            }
        }
        var real = voice
        real.standIns = [:]
        var pieces = reuse.pieces
        pieces.build = { [real, places] marker in
            guard let (section, depth) = places[marker] else { return nil }
            return real.body(section)?.shifted(below: depth)
        }
        return pieces
    }
}
