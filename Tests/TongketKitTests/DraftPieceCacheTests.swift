import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// The draft's sections kept in the cache may make a consolidation faster, never different: every
/// case compares every output file byte for byte with a run over the same files without a cache.
/// The counts show that kept sections were in fact copied (or refused) as the case says, so that
/// a cache that did nothing could not pass.
@Suite("Bộ nhớ đệm các mục của dự thảo: kết quả y hệt khi không dùng")
struct DraftPieceCacheTests {
    /// A draft of `inputs` (the examples with the province's own text, or generated units).
    struct Case {
        let renderer: ReportRenderer
        let inputs: URL

        /// Every output file of the draft in `formats`, through `cache` when given.
        func draft(_ formats: [DocumentFormat], cache: DraftPieceCache? = nil) throws -> [String: Data] {
            let outline = renderer.outline
            let consolidator = SubmissionFolder.consolidator(paths: [inputs.path], outline: outline, strict: false)
            let consolidation = consolidator.consolidate(asOf: outline.programme.consolidatedDeadline)
            let out = try Fixtures.temporaryDirectory()
            _ = try DocumentWriter.writeConsolidatedReport(
                consolidation, renderer: renderer, formats: formats, to: .directory(out), draftMark: "DỰ THẢO LẦN 1", force: false,
                cache: cache)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            return files
        }
    }

    /// The bundled examples with the province's own text (`tong-hop.yaml`): sections led by the
    /// province, units' proposals to the province in the annex.
    func examples() throws -> Case {
        let inputs = try Fixtures.temporaryDirectory().appendingPathComponent("bao-cao")
        try FileManager.default.copyItem(at: Fixtures.examples, to: inputs)
        return Case(renderer: try Reports.renderer(), inputs: inputs)
    }

    /// Forty generated units: points shared by more units than a line names (the annex of long
    /// source lists), every section written by many units.
    func generated() throws -> Case {
        let dir = try Fixtures.temporaryDirectory()
        try SyntheticGenerator(units: 40, seed: 2026).write(
            outline: try Fixtures.outline(), outlineDirectory: Fixtures.outlineDirectory, to: dir)
        let outline = try OutlineLoader.load(from: dir.appendingPathComponent("de-cuong"))
        let renderer = ReportRenderer(outline: outline, templates: try Reports.renderer().templates)
        return Case(renderer: renderer, inputs: dir.appendingPathComponent("bao-cao"))
    }

    /// The cache's entry files, in a stable order.
    func entries(_ cache: URL, ending kind: String) -> [URL] {
        let all = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return all.filter { $0.pathExtension == kind && !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
    }

    @Test("trống, rồi đầy: y hệt; lần sau không dựng lại mục nào, cả khi thêm Word hay đổi định dạng", arguments: [false, true])
    func coldAndWarm(generatedUnits: Bool) throws {
        let test = generatedUnits ? try generated() : try examples()
        let expected = try test.draft([.markdown, .html])
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        let cold = DraftPieceCache(directory: folder)
        #expect(try test.draft([.markdown, .html], cache: cold) == expected)
        #expect(cold.counted.kept == 0 && cold.counted.rendered > 4)
        let sections = cold.counted.rendered / 2
        #expect(entries(folder, ending: "md").count == sections && entries(folder, ending: "html").count == sections)
        let warm = DraftPieceCache(directory: folder)
        #expect(try test.draft([.markdown, .html], cache: warm) == expected)
        #expect(warm.counted == DraftPieceCache.Counts(kept: 2 * sections, rendered: 0))
        #expect(warm.warnings.isEmpty)
        // Word is made from every section's nodes; the text formats still copy theirs.
        let withWord = try test.draft([.markdown, .html, .docx])
        let mixed = DraftPieceCache(directory: folder)
        #expect(try test.draft([.markdown, .html, .docx], cache: mixed) == withWord)
        #expect(mixed.counted == DraftPieceCache.Counts(kept: 2 * sections, rendered: 0))
        // Kept in Markdown only: HTML is rendered (its material merged after all) and kept.
        let markdownOnly = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        _ = try test.draft([.markdown], cache: DraftPieceCache(directory: markdownOnly))
        let then = DraftPieceCache(directory: markdownOnly)
        #expect(try test.draft([.markdown, .html], cache: then) == expected)
        #expect(then.counted == DraftPieceCache.Counts(kept: sections, rendered: sections))
    }

    @Test("một tệp đổi một câu: chỉ mục có câu ấy được dựng lại, kết quả y hệt lần chạy không bộ nhớ đệm")
    func oneFileChanged() throws {
        let test = try generated()
        let before = try test.draft([.markdown, .html])
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        let cold = DraftPieceCache(directory: folder)
        _ = try test.draft([.markdown, .html], cache: cold)
        try changeFirstParagraph(test)
        let expected = try test.draft([.markdown, .html])
        #expect(expected["bao-cao-tong-hop.md"] != before["bao-cao-tong-hop.md"])
        #expect(String(decoding: expected["bao-cao-tong-hop.md"] ?? Data(), as: UTF8.self).contains("Câu thêm khi thử."))
        let cache = DraftPieceCache(directory: folder)
        #expect(try test.draft([.markdown, .html], cache: cache) == expected)
        #expect(cache.counted.kept == cold.counted.rendered - 2 && cache.counted.rendered == 2)
        // The changed section is rendered in chunks (over 16 KB at 40 units); the chunks without
        // the changed text are taken from its earlier output, in both formats alike.
        #expect(cache.counted.chunksKept > 0 && cache.counted.chunksKept % 2 == 0)
        #expect(cache.warnings.isEmpty)
    }

    /// Adds a sentence to the first paragraph of the first file's first text section, as the
    /// benchmark changes it.
    func changeFirstParagraph(_ test: Case) throws {
        let file = try #require(SubmissionFiles.expand([test.inputs.path]).sorted().first)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix("    ") && !$0.hasPrefix("     ") && !$0.hasPrefix("    -") })
        var changed = lines
        changed[index] = "    Câu thêm khi thử. " + lines[index].dropFirst(4)
        try Data(changed.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
    }

    /// How the index of a section's chunks is made unusable before a run that must render it.
    enum UnusableIndex: String, CaseIterable {
        /// A byte of each index changed: a warning, and nothing taken.
        case damaged = "chỉ mục hỏng"
        /// The outputs the indexes point into damaged: their chunks cannot be believed.
        case damagedOutput = "mục nó chỉ tới hỏng"
        /// Each index whole, but left from an earlier content of its section than the output
        /// beside it: its offsets are not the output's, and nothing is taken, without a word.
        case stale = "chỉ mục cũ hơn mục"
    }

    @Test("chỉ mục các khúc không dùng được: không lấy khúc nào, dựng lại, y hệt; chỉ cảnh báo khi hỏng", arguments: UnusableIndex.allCases)
    func chunkIndexUnusable(_ unusable: UnusableIndex) throws {
        let test = try generated()
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        _ = try test.draft([.markdown, .html], cache: DraftPieceCache(directory: folder))
        let indexes = entries(folder, ending: "md-khuc") + entries(folder, ending: "html-khuc")
        #expect(!indexes.isEmpty)
        switch unusable {
        case .damaged:
            for url in indexes {
                var bytes = [UInt8](try Data(contentsOf: url))
                bytes[bytes.count - 1] ^= 0x55
                try Data(bytes).write(to: url)
            }
        case .damagedOutput:
            for url in indexes {
                let output = url.deletingPathExtension().appendingPathExtension(url.pathExtension.hasPrefix("md") ? "md" : "html")
                try Data("khác".utf8).write(to: output)
            }
        case .stale:
            let earlier = try indexes.map { try Data(contentsOf: $0) }
            try changeFirstParagraph(test)
            let between = DraftPieceCache(directory: folder)
            _ = try test.draft([.markdown, .html], cache: between)
            #expect(between.counted.chunksKept > 0)
            for (url, data) in zip(indexes, earlier) { try data.write(to: url) }
        }
        try changeFirstParagraph(test)
        let expected = try test.draft([.markdown, .html])
        let cache = DraftPieceCache(directory: folder)
        #expect(try test.draft([.markdown, .html], cache: cache) == expected)
        #expect(cache.counted.chunksKept == 0)
        switch unusable {
        case .damaged: #expect(!cache.warnings.isEmpty && cache.warnings.allSatisfy { $0.contains("(khúc ") && $0.contains("bị hỏng") })
        case .damagedOutput: #expect(!cache.warnings.isEmpty && cache.warnings.allSatisfy { !$0.contains("(khúc ") })
        case .stale: #expect(cache.warnings.isEmpty)
        }
    }

    @Test("mục hỏng (đổi một byte, cắt ngắn, rỗng): bỏ qua, báo cảnh báo, dựng lại và ghi lại")
    func corruptedEntries() throws {
        let test = try generated()
        let expected = try test.draft([.markdown, .html])
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        _ = try test.draft([.markdown, .html], cache: DraftPieceCache(directory: folder))
        let markdown = entries(folder, ending: "md")
        let pages = entries(folder, ending: "html")
        let points = entries(folder, ending: "diem")
        try #require(!markdown.isEmpty && !pages.isEmpty && !points.isEmpty)
        var flipped = try Data(contentsOf: markdown[0])
        flipped[flipped.count - 3] ^= 0x01
        try flipped.write(to: markdown[0])
        try Data(try Data(contentsOf: pages[0]).prefix(30)).write(to: pages[0])
        try Data().write(to: points[0])
        let cache = DraftPieceCache(directory: folder)
        #expect(try test.draft([.markdown, .html], cache: cache) == expected)
        #expect(cache.warnings.count == 3)
        #expect(cache.warnings.allSatisfy { $0.hasPrefix("tongket: cảnh báo: mục bộ nhớ đệm của phần muc:") && $0.contains("bị hỏng") })
        #expect(cache.counted.rendered >= 2)
        // Rebuilt: the next run copies every section and says nothing.
        let again = DraftPieceCache(directory: folder)
        #expect(try test.draft([.markdown, .html], cache: again) == expected)
        #expect(again.counted.rendered == 0 && again.warnings.isEmpty)
    }

    @Test("mục do phiên bản tongket khác ghi (dù nội dung khác hẳn, cùng khóa): bỏ qua, không cảnh báo, y hệt")
    func otherVersion() throws {
        let test = try examples()
        let expected = try test.draft([.markdown, .html])
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        // Entries at the very places this tongket looks, with the right keys, that another
        // version wrote with other content: were the version not checked, the draft would say
        // "BẢN KHÁC".
        let other = DraftPieceCache(directory: folder, version: "0.0.1 khác")
        _ = try test.draft([.markdown, .html], cache: other)
        for url in entries(folder, ending: "md") + entries(folder, ending: "html") {
            guard case .whole(let bytes, let start) = CacheFile.read(url, magic: Array("tongket-muc-bao-cao\n".utf8)) else {
                Issue.record("\(url.path): không đọc được")
                continue
            }
            var reader = CacheReader(bytes, from: start)
            #expect(try reader.string() == other.version)
            other.write(Array("BẢN KHÁC\n".utf8), key: try reader.string(), to: url)
        }
        let poisoned = try test.draft([.markdown, .html], cache: DraftPieceCache(directory: folder, version: "0.0.1 khác"))
        #expect(String(decoding: poisoned["bao-cao-tong-hop.md"] ?? Data(), as: UTF8.self).contains("BẢN KHÁC"))
        let cache = DraftPieceCache(directory: folder)
        #expect(try test.draft([.markdown, .html], cache: cache) == expected)
        #expect(cache.counted.kept == 0 && cache.counted.rendered > 4)
        #expect(cache.warnings.isEmpty)
    }

    @Test("một mục chỉ coi là đã giữ khi khóa ghi ở đầu mục khớp; mục của nội dung cũ, quá ngắn, thư mục hay ống có tên: không")
    func keptOnlyForItsKey() throws {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        let cache = DraftPieceCache(directory: folder)
        let pieces = DraftPieces(cache: cache, draft: "du-thao", keys: ["a": "khoa-moi", "b": "khoa-b"], build: { _ in nil })
        #expect(!pieces.isKept("a", in: [.commonMark]))
        // An entry of the section's earlier content: there, but not for this key.
        cache.write(Array("cũ\n".utf8), key: "khoa-cu", to: pieces.url("a", "md"))
        #expect(!pieces.isKept("a", in: [.commonMark]))
        cache.write(Array("mới\n".utf8), key: "khoa-moi", to: pieces.url("a", "md"))
        #expect(pieces.isKept("a", in: [.commonMark]))
        #expect(!pieces.isKept("a", in: [.commonMark, .html]))
        #expect(!pieces.isKept("khong-co-khoa", in: [.commonMark]))
        // Another tongket's entry for the same key.
        DraftPieceCache(directory: folder, version: "0.0.1 khác").write(Array("x".utf8), key: "khoa-moi", to: pieces.url("a", "html"))
        #expect(!pieces.isKept("a", in: [.html]))
        // Cut inside the key; a folder; a named pipe, which must not make the check wait.
        let entry = pieces.url("b", "md")
        cache.write(Array("b\n".utf8), key: "khoa-b", to: entry)
        let whole = try Data(contentsOf: entry)
        #expect(pieces.isKept("b", in: [.commonMark]))
        try whole.prefix(whole.count - 4).write(to: entry)
        #expect(!pieces.isKept("b", in: [.commonMark]))
        try FileManager.default.removeItem(at: entry)
        try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: true)
        #expect(!pieces.isKept("b", in: [.commonMark]))
        try FileManager.default.removeItem(at: entry)
        #expect(mkfifo(entry.path, 0o600) == 0)
        #expect(!pieces.isKept("b", in: [.commonMark]))
    }
}
