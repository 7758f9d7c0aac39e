import CmarkDoor
import Foundation
import Testing

/// `stream(finish:)`: the HTML of every piece is finished (label lines marked, in the draft) as it
/// is rendered, the finished text is what a store keeps, and a kept piece is written as it was
/// kept, not finished a second time.
@Suite("Hoàn thiện từng phần trước khi giữ")
struct StreamFinishTests {
    /// The pieces kept by one run, in memory, as the draft's cache keeps them on disk.
    final class Kept: PieceStore, @unchecked Sendable {
        private let lock = NSLock()
        private var outputs: [String: [UInt8]] = [:]

        func output(of marker: String, in format: TreeFormat) -> [UInt8]? { lock.withLock { outputs["\(marker) \(format)"] } }
        func insertion(of marker: String) -> Insertion? { nil }
        func keep(_ output: [UInt8], of marker: String, in format: TreeFormat) {
            lock.withLock { outputs["\(marker) \(format)"] = output }
        }
        var count: Int { lock.withLock { outputs.count } }
    }

    /// Counts its calls; puts a class on every paragraph.
    final class Finisher: @unchecked Sendable {
        private(set) var calls = 0
        func finish(_ format: TreeFormat, _ bytes: [UInt8]) -> [UInt8] {
            calls += 1
            return Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "<p>", with: "<p class=\"f\">").utf8)
        }
    }

    static let template = "# Phần\n\nLời mở.\n\n<!-- tongket:chen x -->\n\nChữ cuối.\n"
    static let section = Insertion.sourcedFragments(
        (0..<30).map { Sourced(source: "Đơn vị \($0)", text: "Đoạn của đơn vị \($0).\n\nĐoạn thứ hai.") }, belowHeadingLevel: 1)

    func streamed(chunkSize: Int, store: PieceStore?, finisher: Finisher?) throws -> String {
        let tree = try MarkdownTree(markers: .test, markdown: Self.template)
        tree.chunkSize = chunkSize
        try tree.resolve([:], deferring: ["x": Self.section])
        var bytes: [UInt8] = []
        try tree.stream([.html], native: [:], deferred: ["x": Self.section], store: store, finish: finisher.map { $0.finish }) {
            _, part in bytes += part
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("phần dựng mới được hoàn thiện rồi mới giữ; phần đã giữ ghi nguyên, không hoàn thiện lại", arguments: [1 << 20, 200])
    func keptAsFinished(chunkSize: Int) throws {
        let plain = try streamed(chunkSize: chunkSize, store: nil, finisher: nil)
        let expected = plain.replacingOccurrences(of: "<p>", with: "<p class=\"f\">")
        #expect(plain.contains("<p>Đoạn thứ hai.</p>"))

        let store = Kept()
        let first = Finisher()
        #expect(try streamed(chunkSize: chunkSize, store: store, finisher: first) == expected)
        #expect(store.count == 1)
        #expect(store.output(of: "x", in: .html).map { String(decoding: $0, as: UTF8.self) }?.contains("<p>") == false)

        // The same tree again: the section comes from the store and only the pieces around it
        // (the heading with its paragraph, the closing paragraph) are finished.
        let second = Finisher()
        #expect(try streamed(chunkSize: chunkSize, store: store, finisher: second) == expected)
        #expect(second.calls < first.calls)
        let unfinished = Finisher()
        _ = try streamed(chunkSize: 1 << 20, store: nil, finisher: unfinished)
        #expect(second.calls == unfinished.calls - 1)
    }
}
