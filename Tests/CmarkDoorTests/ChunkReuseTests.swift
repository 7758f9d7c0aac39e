import CmarkDoor
import Foundation
import Testing

/// A large section rendered in chunks is kept with where each chunk lies; when one unit's text in
/// it changes, the next run takes the other chunks from the kept output instead of rendering them.
/// The output must be byte for byte what rendering the changed section whole gives, and the chunks
/// away from the change must in fact be taken (a store that gave nothing would pass the first).
@Suite("Mục lớn đổi một đơn vị: lấy lại các khúc không đổi, kết quả y hệt")
struct ChunkReuseTests {
    /// Keeps pieces and their chunks in memory, as the draft's cache keeps them on disk; a piece's
    /// whole output is given back only for the very insertion it was kept for.
    final class Store: PieceStore, @unchecked Sendable {
        private let lock = NSLock()
        var current: Insertion
        private var outputs: [String: (insertion: Insertion, bytes: [UInt8], chunks: [KeptChunk])] = [:]
        private(set) var reused = 0
        private(set) var chunkCount = 0
        private(set) var wholeKept = 0

        init(_ current: Insertion) { self.current = current }

        func output(of marker: String, in format: TreeFormat) -> [UInt8]? {
            lock.withLock {
                guard let kept = outputs["\(marker) \(format)"], kept.insertion == current else { return nil }
                wholeKept += 1
                return kept.bytes
            }
        }
        func insertion(of marker: String) -> Insertion? { nil }
        func keep(_ output: [UInt8], of marker: String, in format: TreeFormat) {
            lock.withLock { outputs["\(marker) \(format)"] = (current, output, []) }
        }
        func chunkKey(_ chunk: Insertion, continuesList: Bool, listGoesOn: Bool) -> String? {
            "\(continuesList) \(listGoesOn) \(chunk)"
        }
        func keptChunks(of marker: String, in format: TreeFormat) -> [String: ArraySlice<UInt8>] {
            lock.withLock {
                guard let kept = outputs["\(marker) \(format)"] else { return [:] }
                var chunks: [String: ArraySlice<UInt8>] = [:]
                for chunk in kept.chunks { chunks[chunk.key] = kept.bytes[chunk.offset..<(chunk.offset + chunk.count)] }
                return chunks
            }
        }
        func keep(_ output: [UInt8], of marker: String, in format: TreeFormat, chunks: [KeptChunk], reused: Int) {
            lock.withLock {
                outputs["\(marker) \(format)"] = (current, output, chunks)
                self.reused = reused
                chunkCount = chunks.count
            }
        }
    }

    static let template = "# Phần\n\n## Mục\n\n<!-- tongket:chen x -->\n\n## Mục sau\n\nChữ cuối.\n"
    static let texts = [
        "Đoạn một của đơn vị, đủ dài để một khúc chứa vài đơn vị mà thôi.", "# Tiêu đề\n\nChữ dưới tiêu đề.",
        "- ý a\n- ý b\n  - ý con", "1. thứ nhất\n2. thứ hai", "> trích dẫn\n> dòng hai", "Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.",
        "*nghiêng* và **đậm** và `mã`", "Kết thúc bằng danh sách:\n\n- một\n- hai",
    ]

    /// 300 units' texts or points, the one at `changed` replaced by a text ten times longer.
    static func pieces(changed: Int? = nil) -> [Sourced] {
        (0..<300).map { index in
            let text = texts[(index * 5) % texts.count]
            return Sourced(
                source: "UBND xã số \(index)", text: index == changed ? String(repeating: "Văn bản mới dài hơn. ", count: 20) : text)
        }
    }

    static func shapes(changed: Int? = nil) -> [Insertion] {
        [
            .sourcedFragments(pieces(changed: changed), belowHeadingLevel: 2),
            .sourcedList(pieces(changed: changed), belowHeadingLevel: 2),
            .sequence([
                .fragment("Lời của tỉnh.\n\n- ý tỉnh", belowHeadingLevel: 2), .sourcedList(pieces(changed: changed), belowHeadingLevel: 2),
            ]),
        ]
    }

    func whole(_ insertion: Insertion, _ format: TreeFormat) throws -> String {
        let tree = try MarkdownTree(markers: .test, markdown: Self.template)
        try tree.resolve(["x": insertion])
        return tree.render(format, native: [:])
    }

    func streamed(_ insertion: Insertion, _ format: TreeFormat, store: Store) throws -> String {
        store.current = insertion
        let tree = try MarkdownTree(markers: .test, markdown: Self.template)
        tree.chunkSize = 2_000
        try tree.resolve([:], deferring: ["x": insertion])
        var bytes: [UInt8] = []
        try tree.stream([format], native: [:], deferred: ["x": insertion], store: store) { _, part in bytes += part }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("đổi đơn vị đầu, giữa, cuối: y hệt dựng cả mục; các khúc xa chỗ đổi được lấy lại", arguments: [0, 150, 299])
    func changedUnit(at changed: Int) throws {
        for (shape, (before, after)) in zip(Self.shapes(), Self.shapes(changed: changed)).enumerated() {
            for format in [TreeFormat.commonMark, .html] {
                let store = Store(before)
                #expect(try streamed(before, format, store: store) == whole(before, format), "dạng \(shape), \(format)")
                #expect(store.reused == 0 && store.chunkCount > 8, "dạng \(shape), \(format): \(store.chunkCount) khúc")
                #expect(try streamed(after, format, store: store) == whole(after, format), "dạng \(shape), \(format)")
                // The changed text is ten times longer: cuts by size alone would all move after it.
                #expect(
                    store.reused > 0 && store.reused >= store.chunkCount - 3,
                    "dạng \(shape), \(format): \(store.reused)/\(store.chunkCount)")
                // Nothing changed: the whole is kept, as before.
                #expect(store.wholeKept == 0)
                #expect(try streamed(after, format, store: store) == whole(after, format))
                #expect(store.wholeKept == 1)
            }
        }
    }
}
