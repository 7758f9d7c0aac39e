import CmarkDoor
import TongketCore

/// Merges the paragraphs several units wrote alike in one text section (a model text passed
/// round), so that the draft says each once: the shared paragraphs first, under the names of all
/// who wrote them (grouped by that set of names), then each unit's own paragraphs under its name.
/// Paragraphs are compared as `PointMerger` compares points; a unit that wrote nothing of its own
/// has no piece of its own, and nothing is dropped.
public enum TextMerger {
    /// One piece of the merged section: its text and every unit it stands for.
    public static func merge(_ texts: [(source: String, unitName: String, text: String)]) -> [MergedPoint] {
        typealias Block = (key: PointMerger.Key, text: String)
        let split = texts.map { entry in
            let name = ComparisonForm.words(ofName: entry.unitName)
            return MarkdownBlocks.split(entry.text).map { block -> Block in (PointMerger.key(block, name: name), block) }
        }
        // Writers of each paragraph, with a set beside the ordered list: searching the list made
        // a paragraph shared by 1,000 units cost a million comparisons.
        var writers: [PointMerger.Key: [String]] = [:]
        var named: [PointMerger.Key: Set<String>] = [:]
        for (index, blocks) in split.enumerated() {
            for block in blocks where named[block.key, default: []].insert(texts[index].source).inserted {
                writers[block.key, default: []].append(texts[index].source)
            }
        }
        // Shared paragraphs, grouped by who shares them, in the order they first appear.
        var groups: [[String]] = []
        var grouped: [[String]: [String]] = [:]
        var done: Set<PointMerger.Key> = []
        for (index, blocks) in split.enumerated() {
            for block in blocks {
                guard let sources = writers[block.key], sources.count > 1, !done.contains(block.key) else { continue }
                done.insert(block.key)
                if grouped[sources] == nil { groups.append(sources) }
                grouped[sources, default: []].append(PointMerger.withoutOwnName(block.text, unitName: texts[index].unitName))
            }
        }
        var pieces = groups.map { MergedPoint(text: (grouped[$0] ?? []).joined(separator: "\n\n"), sources: $0) }
        // Each unit's own paragraphs, under its name alone.
        for (index, blocks) in split.enumerated() {
            let own = blocks.filter { (writers[$0.key]?.count ?? 0) <= 1 }
            if own.count == blocks.count {
                pieces.append(MergedPoint(text: texts[index].text, sources: [texts[index].source]))
            } else if !own.isEmpty {
                pieces.append(MergedPoint(text: own.map(\.text).joined(separator: "\n\n"), sources: [texts[index].source]))
            }
        }
        return pieces
    }
}
