import CmarkDoor
import Foundation

/// The body written over the cores. A long run of blocks (a section merged from a province's
/// units, the points they share) is cut into segments, each written by a writer of its own
/// (`DOCXBodyWriter.segment`) on the next thread free, and the segments are joined in order. A
/// segment whose XML depends on what came before it (a numbered list, a link, a chart, a page
/// turned) is written again in order on the caller's thread, so the body is the same bytes as
/// written on one thread. Written on one, the Word body was what a draft in all three formats
/// waited for once Markdown and HTML were done (docs/hieu-nang.md).
extension DOCXDocument {
    /// Fewer blocks than this in a segment are not worth a thread.
    static let segmentBlocks = 64

    func write(_ blocks: [DocumentBlock]) {
        let weight = blocks.reduce(0) { total, block in total + (Self.cuttable(block)?.items.count ?? 1) }
        guard threads > 1, weight >= 2 * Self.segmentBlocks else { return writer.write(blocks[...]) }
        let pieces = Self.pieces(blocks)
        let count = min(4 * threads, pieces.count / Self.segmentBlocks)
        let ranges = (0..<count).map { pieces.count * $0 / count..<pieces.count * ($0 + 1) / count }
        // Made here: only this thread reads the writer. Each segment is then written by the one
        // iteration given its index, and read only once every iteration is done.
        nonisolated(unsafe) let segments = (0..<count).map { _ in writer.segment() }
        DispatchQueue.concurrentPerform(iterations: count) { index in segments[index].write(pieces[ranges[index]]) }
        for (segment, range) in zip(segments, ranges) {
            if writer.join(segment) {
                segmentCounts.joined += 1
            } else {
                writer.write(pieces[range])
                segmentCounts.rewritten += 1
            }
        }
    }

    /// The blocks with every bulleted list that can be cut (`cuttable`) cut into lists of one item
    /// each. Word has no list element, only paragraphs that carry the list's numbering, so such a
    /// list written in parts is the same bytes as written whole, and the thousands of points a
    /// province's units share can be spread over the cores.
    static func pieces(_ blocks: [DocumentBlock]) -> [DocumentBlock] {
        var pieces: [DocumentBlock] = []
        pieces.reserveCapacity(blocks.count)
        for block in blocks {
            guard let list = cuttable(block), list.items.count > 1 else {
                pieces.append(block)
                continue
            }
            for item in list.items {
                var part = list
                part.items = [item]
                pieces.append(.list(part))
            }
        }
        return pieces
    }

    /// The list `block` is, if writing it item by item gives its bytes: a bulleted list with no
    /// container anywhere inside. A numbered list takes a numbering of its own; and a list takes
    /// its width once, at its start, where each item written on its own would take the page's
    /// width at that item, which a container (an appendix) can turn.
    static func cuttable(_ block: DocumentBlock) -> DocumentList? {
        guard case .list(let list) = block, !list.ordered, !list.items.contains(where: { $0.contains(where: holdsContainer) })
        else { return nil }
        return list
    }

    private static func holdsContainer(_ block: DocumentBlock) -> Bool {
        switch block {
        case .container: return true
        case .list(let list): return list.items.contains { $0.contains(where: holdsContainer) }
        case .quote(let blocks): return blocks.contains(where: holdsContainer)
        case .paragraph, .heading, .code, .thematicBreak, .native: return false
        }
    }
}
