import CmarkDoor
import Foundation
import TongketCore

/// Every section's units' material, merged once for the whole draft and over every core.
///
/// Merging (normalising every paragraph and point of every unit to find those said alike) is most
/// of a large consolidation's work (docs/hieu-nang.md); the body, the annex of units' material and
/// the annex of long source lists all need the same merge, and the sections are independent.
struct MergedMaterial: Sendable {
    /// The gathered material of each section that units wrote, as the draft shows it.
    let insertions: [String: Insertion]
    /// The merged points of each list section.
    let points: [String: [MergedPoint]]

    /// `unitNames`: every unit of the outline, by which a point passed up by a lower level's
    /// roll-up is known (`PointMerger.passedUp`).
    init(_ contributions: [String: [Contribution]], lists: Set<String>, unitNames: Set<String> = []) {
        // Largest sections first, so that the last one to finish is a small one.
        let keys = contributions.keys.sorted {
            let (left, right) = (contributions[$0]?.count ?? 0, contributions[$1]?.count ?? 0)
            return left != right ? left > right : $0 < $1
        }
        let slots = Slots<(Insertion, [MergedPoint]?)>(count: keys.count)
        DispatchQueue.concurrentPerform(iterations: keys.count) { index in
            let material = contributions[keys[index]] ?? []
            if lists.contains(keys[index]) {
                let points = ReportRenderer.mergedPoints(material)
                slots.set(index, (ReportRenderer.sourcedList(points, unitNames: unitNames), points))
            } else {
                slots.set(index, (ReportRenderer.gathered(material, asList: false), nil))
            }
        }
        var insertions: [String: Insertion] = [:]
        var points: [String: [MergedPoint]] = [:]
        for (key, slot) in zip(keys, slots.all) {
            guard let slot else { continue }
            insertions[key] = slot.0
            points[key] = slot.1
        }
        self.insertions = insertions
        self.points = points
    }
}
