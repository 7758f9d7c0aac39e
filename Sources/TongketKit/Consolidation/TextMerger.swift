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
        // Sources and paragraphs are numbered once, so that what follows compares and hashes
        // numbers: each paragraph's key was looked up four times, and the groups were found by
        // hashing their lists of names (10,000 of them for a paragraph every unit sent).
        var sourceNumbers: [String: Int] = [:]
        var sources: [String] = []
        let writer = texts.map { entry in
            if let number = sourceNumbers[entry.source] { return number }
            sourceNumbers[entry.source] = sources.count
            sources.append(entry.source)
            return sources.count - 1
        }
        // Each writer once per paragraph. With one text per source, a writer can come again only
        // from the same text (a unit that wrote the paragraph twice), right after itself; two
        // texts under one source (never the case for the units of one outline) need a set.
        let distinct = sources.count == texts.count
        var named: [Set<Int>] = []
        var paragraphNumbers: [PointMerger.Key: Int] = [:]
        var writers: [[Int]] = []
        let split = texts.enumerated().map { index, entry in
            let name = ComparisonForm.words(ofName: entry.unitName)
            return MarkdownBlocks.split(entry.text).map { block -> (paragraph: Int, text: String) in
                let key = PointMerger.key(block, name: name)
                let paragraph = paragraphNumbers[key] ?? writers.count
                if paragraph == writers.count {
                    paragraphNumbers[key] = paragraph
                    writers.append([])
                    if !distinct { named.append([]) }
                }
                let number = writer[index]
                if distinct ? writers[paragraph].last != number : named[paragraph].insert(number).inserted {
                    writers[paragraph].append(number)
                }
                return (paragraph, block)
            }
        }
        // Shared paragraphs, grouped by who shares them, in the order they first appear.
        var groups: [(writers: [Int], texts: [String])] = []
        var groupNumbers: [[Int]: Int] = [:]
        var done = [Bool](repeating: false, count: writers.count)
        for (index, blocks) in split.enumerated() {
            for block in blocks where writers[block.paragraph].count > 1 && !done[block.paragraph] {
                done[block.paragraph] = true
                let text = PointMerger.withoutOwnName(block.text, unitName: texts[index].unitName)
                if let group = groupNumbers[writers[block.paragraph]] {
                    groups[group].texts.append(text)
                } else {
                    groupNumbers[writers[block.paragraph]] = groups.count
                    groups.append((writers[block.paragraph], [text]))
                }
            }
        }
        var pieces = groups.map { MergedPoint(text: $0.texts.joined(separator: "\n\n"), sources: $0.writers.map { sources[$0] }) }
        // Each unit's own paragraphs, under its name alone.
        for (index, blocks) in split.enumerated() {
            let own = blocks.filter { writers[$0.paragraph].count <= 1 }
            if own.count == blocks.count {
                pieces.append(MergedPoint(text: texts[index].text, sources: [texts[index].source]))
            } else if !own.isEmpty {
                pieces.append(MergedPoint(text: own.map(\.text).joined(separator: "\n\n"), sources: [texts[index].source]))
            }
        }
        return pieces
    }
}
