import CmarkDoor
import Foundation
import TongketCore

/// Every section's units' material, merged once for the whole draft and over every core.
///
/// Merging (normalising every paragraph and point of every unit to find those said alike) is most
/// of a large consolidation's work (docs/hieu-nang.md); the body, the annex of units' material and
/// the annex of long source lists all need the same merge, and the sections are independent.
/// A section whose output is kept from an earlier run (`DraftPieceCache`) is not merged in
/// advance, only if its kept output turns out unusable.
final class MergedMaterial: @unchecked Sendable {
    private let contributions: [String: [Contribution]]
    private let lists: Set<String>
    private let unitNames: Set<String>
    private let lock = NSLock()
    /// The gathered material of each merged section, as the draft shows it.
    private var insertions: [String: Insertion] = [:]
    /// The points of each merged list section shared by more units than a line names.
    private var longPoints: [String: [MergedPoint]] = [:]

    /// `unitNames`: every unit of the outline, by which a point passed up by a lower level's
    /// roll-up is known (`PointMerger.passedUp`). `later`: sections merged only when asked for.
    init(_ contributions: [String: [Contribution]], lists: Set<String>, unitNames: Set<String> = [], later: Set<String> = []) {
        self.contributions = contributions
        self.lists = lists
        self.unitNames = unitNames
        // Largest sections first, so that the last one to finish is a small one.
        let keys = contributions.keys.filter { !later.contains($0) }.sorted {
            let (left, right) = (contributions[$0]?.count ?? 0, contributions[$1]?.count ?? 0)
            return left != right ? left > right : $0 < $1
        }
        let slots = Slots<(Insertion, [MergedPoint])>(count: keys.count)
        DispatchQueue.concurrentPerform(iterations: keys.count) { index in
            slots.set(index, merged(keys[index]))
        }
        for (key, slot) in zip(keys, slots.all) {
            guard let slot else { continue }
            insertions[key] = slot.0
            longPoints[key] = slot.1
        }
    }

    /// The gathered material of `key`, merged now if it was left for later; nil when no unit wrote it.
    func insertion(_ key: String) -> Insertion? { section(key)?.0 }

    /// The points of list section `key` that name more units than a line can.
    func longPoints(_ key: String) -> [MergedPoint] { section(key)?.1 ?? [] }

    private func section(_ key: String) -> (Insertion, [MergedPoint])? {
        lock.lock()
        defer { lock.unlock() }
        if let insertion = insertions[key] { return (insertion, longPoints[key] ?? []) }
        guard contributions[key] != nil else { return nil }
        let made = merged(key)
        insertions[key] = made.0
        longPoints[key] = made.1
        return made
    }

    private func merged(_ key: String) -> (Insertion, [MergedPoint]) {
        let material = contributions[key] ?? []
        guard lists.contains(key) else { return (ReportRenderer.gathered(material, asList: false), []) }
        let points = ReportRenderer.mergedPoints(material)
        return (
            ReportRenderer.sourcedList(points, unitNames: unitNames), points.filter { $0.sources.count > PointMerger.fullListLimit }
        )
    }
}
