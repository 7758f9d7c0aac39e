import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// The submission cache may make a consolidation faster, never different: every case below is
/// compared byte for byte, every output file and every message, with a run over the same files
/// without a cache. The counts show that the cache was in fact used (or refused) as the case says,
/// so that a cache that did nothing could not pass.
@Suite("Bộ nhớ đệm báo cáo đã đọc: kết quả y hệt khi không dùng")
struct SubmissionCacheTests {
    let renderer: ReportRenderer
    /// The bundled examples plus a file with an error (so that problems are cached too), copied
    /// so that a case can change one of them.
    let inputs: URL
    let yamlCount: Int

    init() throws {
        renderer = try Reports.renderer()
        inputs = try Fixtures.temporaryDirectory().appendingPathComponent("bao-cao")
        try FileManager.default.copyItem(at: Fixtures.examples, to: inputs)
        let broken = Fixtures.root.appendingPathComponent("Tests/Fixtures/tong-hop/so-cong-thuong.yaml")
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("so-cong-thuong.yaml"))
        try FileManager.default.copyItem(at: broken, to: inputs.appendingPathComponent("so-cong-thuong.yaml"))
        yamlCount = SubmissionFiles.expand([inputs.path]).count
    }

    /// Every output file of the draft (Markdown, HTML, Word) and every message about the inputs.
    func consolidate(cache: SubmissionCache?) throws -> [String: Data] {
        let paths = [inputs.path]
        let outline = renderer.outline
        var messages = SubmissionSources.load(paths, outline: outline, cache: cache).flatMap { entry in
            entry.loaded.diagnostics.map(\.description)
        }
        let consolidator = SubmissionFolder.consolidator(paths: paths, outline: outline, strict: false, cache: cache)
        messages += consolidator.problems.flatMap { $0.diagnostics.map(\.description) } + consolidator.duplicates.map(\.description)
        let consolidation = consolidator.consolidate(asOf: outline.programme.consolidatedDeadline)
        let out = try Fixtures.temporaryDirectory()
        _ = try DocumentWriter.writeConsolidatedReport(
            consolidation, renderer: renderer, formats: [.markdown, .html, .docx], to: .directory(out), draftMark: "DỰ THẢO LẦN 1",
            force: false)
        var files = ["thong-bao.txt": Data(messages.joined(separator: "\n").utf8)]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            files[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        return files
    }

    /// Every contribution of a consolidation through `cache`: its content's digest as the cache
    /// gave it, and as made from the content now.
    func contentDigests(cache: SubmissionCache?) -> [(given: ContentDigest?, made: ContentDigest, thematic: Bool)] {
        let outline = renderer.outline
        let consolidator = SubmissionFolder.consolidator(paths: [inputs.path], outline: outline, strict: false, cache: cache)
        let consolidation = consolidator.consolidate(asOf: outline.programme.consolidatedDeadline)
        return consolidation.contributions.values.flatMap { list in
            list.map { ($0.contentDigest, ContentDigests.of($0.content), $0.isThematic) }
        }
    }

    @Test("mỗi phần đóng góp mang mã băm nội dung của chính nó, từ mục vừa ghi hay mục đã có; không đệm thì không mang")
    func contributionsCarryTheirDigests() throws {
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        let none = contentDigests(cache: nil)
        #expect(!none.isEmpty && none.allSatisfy { $0.given == nil })
        for run in ["lạnh", "ấm"] {
            let digests = contentDigests(cache: SubmissionCache(directory: folder))
            #expect(digests.count == none.count, "\(run)")
            #expect(digests.allSatisfy { $0.given == $0.made }, "\(run)")
            // The thematic reports' sections are named apart from the main reports' own.
            #expect(digests.contains { $0.thematic } && digests.contains { !$0.thematic }, "\(run)")
        }
        // The digest is derived: contributions read through the cache equal those read without.
        let outline = renderer.outline
        let contributions = { (cache: SubmissionCache?) in
            SubmissionFolder.consolidator(paths: [inputs.path], outline: outline, strict: false, cache: cache)
                .consolidate(asOf: outline.programme.consolidatedDeadline).contributions
        }
        #expect(contributions(SubmissionCache(directory: folder)) == contributions(nil))
    }

    /// The entries' files, in a stable order.
    func entries(_ cache: URL) throws -> [URL] {
        let all = FileManager.default.enumerator(at: cache, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return all.filter { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && !url.lastPathComponent.hasPrefix(".") && url.lastPathComponent != FileStamps.fileName
        }.sorted { $0.path < $1.path }
    }

    func changeOneFile() throws {
        let file = inputs.appendingPathComponent("so-noi-vu.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "    Sở Nội vụ có chức năng", with: "    Câu mới thêm. Sở Nội vụ có chức năng")
        #expect(changed != text)
        try Data(changed.utf8).write(to: file)
    }

    @Test("bộ nhớ đệm trống, rồi đầy: y hệt, lần sau không đọc lại tệp YAML nào")
    func coldAndWarm() throws {
        let expected = try consolidate(cache: nil)
        #expect(expected.keys.sorted() == ["bao-cao-tong-hop.docx", "bao-cao-tong-hop.html", "bao-cao-tong-hop.md", "thong-bao.txt"])
        #expect(String(decoding: expected["thong-bao.txt"] ?? Data(), as: UTF8.self).contains("lỗi"))
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        let cold = SubmissionCache(directory: folder)
        #expect(try consolidate(cache: cold) == expected)
        // Two loads (the messages, then the draft): the second already finds every entry.
        #expect(cold.counted == SubmissionCache.Counts(hits: yamlCount, misses: yamlCount))
        #expect(try entries(folder).count == yamlCount)
        let warm = SubmissionCache(directory: folder)
        #expect(try consolidate(cache: warm) == expected)
        #expect(warm.counted == SubmissionCache.Counts(hits: 2 * yamlCount, misses: 0))
        #expect(warm.warnings.isEmpty)
    }

    @Test("một tệp đổi: chỉ tệp đó được đọc lại, kết quả y hệt lần chạy không bộ nhớ đệm trên tệp mới")
    func oneFileChanged() throws {
        let before = try consolidate(cache: nil)
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        _ = try consolidate(cache: SubmissionCache(directory: folder))
        try changeOneFile()
        let expected = try consolidate(cache: nil)
        #expect(expected["bao-cao-tong-hop.md"] != before["bao-cao-tong-hop.md"])
        let cache = SubmissionCache(directory: folder)
        #expect(try consolidate(cache: cache) == expected)
        #expect(cache.counted == SubmissionCache.Counts(hits: 2 * yamlCount - 1, misses: 1))
    }

    @Test("mục hỏng (đổi một byte, cắt ngắn, rỗng): bỏ qua, báo cảnh báo, đọc lại và ghi lại")
    func corruptedEntries() throws {
        let expected = try consolidate(cache: nil)
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        _ = try consolidate(cache: SubmissionCache(directory: folder))
        let stored = try entries(folder)
        try #require(stored.count >= 3)
        var flipped = try Data(contentsOf: stored[0])
        flipped[flipped.count - 10] ^= 0x01
        try flipped.write(to: stored[0])
        try Data(try Data(contentsOf: stored[1]).prefix(40)).write(to: stored[1])
        try Data().write(to: stored[2])
        let cache = SubmissionCache(directory: folder)
        #expect(try consolidate(cache: cache) == expected)
        #expect(cache.counted == SubmissionCache.Counts(hits: 2 * yamlCount - 3, misses: 3))
        #expect(cache.warnings.count == 3)
        #expect(cache.warnings.allSatisfy { $0.hasPrefix("tongket: cảnh báo: mục bộ nhớ đệm của ") && $0.contains("bị hỏng") })
        // Rebuilt: the next run uses every entry and says nothing.
        let again = SubmissionCache(directory: folder)
        #expect(try consolidate(cache: again) == expected)
        #expect(again.counted.misses == 0 && again.warnings.isEmpty)
    }

    @Test("bộ nhớ đệm của phiên bản tongket khác (dù nội dung khác hẳn): bỏ qua, không cảnh báo, y hệt")
    func otherVersion() throws {
        let expected = try consolidate(cache: nil)
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        // Whole entries, at the very places this tongket looks, that another version wrote with
        // other content: were the version not checked, the draft would say "BẢN KHÁC".
        let other = SubmissionCache(directory: folder, version: "0 0.0.1 khác")
        let outline = renderer.outline
        let digest = try #require(outline.sourceDigest)
        for file in SubmissionFiles.expand([inputs.path]) {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            var loaded = SubmissionLoader.load(data, file: file, outline: outline)
            loaded.diagnostics = []
            for key in loaded.submission?.sections.keys.map({ $0 }) ?? [] { loaded.submission?.sections[key] = .text("BẢN KHÁC") }
            let (key, path) = other.place(of: data, shownName: file, outlineDigest: digest)
            try SubmissionCacheEntry.write(
                loaded, digests: loaded.submission.map(ContentDigests.init), key: key, to: URL(fileURLWithPath: path))
        }
        let poisoned = try consolidate(cache: other)
        #expect(poisoned != expected)
        #expect(String(decoding: poisoned["bao-cao-tong-hop.md"] ?? Data(), as: UTF8.self).contains("BẢN KHÁC"))
        let cache = SubmissionCache(directory: folder)
        #expect(try consolidate(cache: cache) == expected)
        #expect(cache.counted == SubmissionCache.Counts(hits: yamlCount, misses: yamlCount))
        #expect(cache.warnings.isEmpty)
    }

    @Test("mục do tongket trước khi đổi mã kiểm tra để lại: bỏ qua, không cảnh báo, y hệt")
    func earlierFrame() throws {
        let expected = try consolidate(cache: nil)
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        _ = try consolidate(cache: SubmissionCache(directory: folder, version: "2 0.0.1 cũ"))
        let entries = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            $0.contains("/") && !$0.hasPrefix("muc")
        }
        #expect(entries.count == yamlCount)
        for entry in entries {
            try EarlierFrameTests.reframed(folder.appendingPathComponent(entry), magic: Array("tongket-bo-nho-dem\n".utf8))
        }
        let cache = SubmissionCache(directory: folder)
        #expect(try consolidate(cache: cache) == expected)
        #expect(cache.counted == SubmissionCache.Counts(hits: yamlCount, misses: yamlCount))
        #expect(cache.warnings.isEmpty)
    }

    @Test("mã hóa của mục: mọi báo cáo ví dụ, mẫu thử có lỗi và tệp đổi đơn vị đọc lại y hệt")
    func roundTrip() throws {
        let folders = [Fixtures.examples.path] + [Fixtures.root.appendingPathComponent("Tests/Fixtures/tong-hop").path]
        let files = SubmissionFiles.expand(folders)
        #expect(files.count > 10)
        // Every field set, including those no example file has (a predecessor's figures, a
        // form's place, the drafting body's mark).
        var rich = Submission(
            file: "x.yaml", unitID: "x-moi",
            report: ReportInfo(number: "1/BC", date: SimpleDate(year: 2020, month: 4, day: 29), summary: "Tóm tắt"),
            signer: Signer(authority: "UBND", title: "CHỦ TỊCH", name: "Lê Thị Ánh"), recipients: ["Lưu: VT."],
            sections: ["a": .text("Đoạn một.\n\nĐoạn hai."), "b": .list(["Ý một", "Ý hai"])],
            thematic: ThematicPart(report: ReportInfo(number: nil, date: nil, summary: nil), sections: ["c": .text("Chuyên đề")]),
            figures: ["phu-luc-03": ["ho-so": [2011: 1.5, 2012: 1e300, 2013: -7, 2014: 0.1 + 0.2]]],
            commendations: [Commendation(recipient: .individual, name: "Trần Văn B", form: "Bằng khen", achievement: "Xuất sắc")],
            predecessorFigures: ["x-a": ["phu-luc-03": ["ho-so": [2011: 3]]]],
            predecessorPlaces: ["x-a": SourceLocation(file: "x.yaml", line: 3, column: 4, place: "Biểu 03, ô E7")])
        rich.isDraftingText = true
        rich.rollUp = RollUp(
            outlineDigest: String(repeating: "c", count: 64),
            sources: [RollUp.Source(unitID: "x-a", sha256: String(repeating: "d", count: 64))],
            weights: ["phu-luc-06": ["bq": [2011: 3, 2012: 1]]])
        let richLoaded = LoadedSubmission(
            submission: rich, diagnostics: [Diagnostic(.warning, .wrongForm, at: SourceLocation(file: "x", line: -1, column: 1 << 40), "ồ")]
        )
        var samples = [richLoaded]
        for file in files {
            samples.append(SubmissionLoader.load(contentsOf: URL(fileURLWithPath: file), shownName: file, outline: renderer.outline))
        }
        for loaded in samples {
            let file = loaded.submission?.file ?? "?"
            var writer = CacheWriter()
            writer.loaded(loaded)
            var reader = CacheReader(writer.bytes)
            #expect(try reader.loaded() == loaded, "\(file)")
            #expect(reader.isAtEnd)
        }
    }

    /// A field added to the model and forgotten by the entry's encoding would silently vanish
    /// from every draft read through the cache: these counts make it fail here first.
    @Test("mã hóa của mục biết đủ mọi trường của báo cáo (thêm trường: sửa CacheBytes+Submission và tăng format)")
    func everyFieldEncoded() throws {
        let loaded = SubmissionLoader.load(
            contentsOf: Fixtures.examples.appendingPathComponent("so-noi-vu.yaml"), outline: renderer.outline)
        let submission = try #require(loaded.submission)
        let location = SourceLocation(file: "a", line: 1, column: 1)
        let fields: [(Any, Int)] = [
            (loaded, 2), (submission, 13), (submission.report, 3), (submission.signer, 3),
            (RollUp(outlineDigest: "", sources: [], weights: [:]), 3), (RollUp.Source(unitID: "", sha256: ""), 2),
            (Diagnostic(.error, .duplicate, at: location, ""), 4), (location, 4),
            (ThematicPart(report: submission.report, sections: [:]), 2),
            (Commendation(recipient: .collective, name: "", form: "", achievement: ""), 4),
            (SimpleDate(year: 2020, month: 1, day: 1), 3),
        ]
        for (value, count) in fields {
            #expect(Mirror(reflecting: value).children.count == count, "\(type(of: value))")
        }
    }

    @Test("khung của mục: không có, là thư mục, rỗng, sai phần đầu, sai mã kiểm tra, nguyên vẹn")
    func entryFrame() throws {
        let folder = try Fixtures.temporaryDirectory()
        let magic = Array("thu\n".utf8)
        func reading(_ name: String) -> String {
            switch CacheFile.read(folder.appendingPathComponent(name), magic: magic) {
            case .absent: return "không có"
            case .damaged(let why): return why
            case .earlierFrame: return "khung cũ"
            case .whole(let bytes, let from): return String(decoding: bytes[from...], as: UTF8.self)
            }
        }
        #expect(reading("chua-co") == "không có")
        #expect(reading("chua-co/ben-trong") == "không có")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("thu-muc"), withIntermediateDirectories: true)
        #expect(reading("thu-muc") == "không phải một tệp thường")
        // A named pipe: refused at once, not waited on until something writes to it.
        #expect(mkfifo(folder.appendingPathComponent("ong").path, 0o600) == 0)
        #expect(reading("ong") == "không phải một tệp thường")
        try Data().write(to: folder.appendingPathComponent("rong"))
        #expect(reading("rong") == "tệp rỗng")
        try CacheFile.write(Array("nội dung".utf8), magic: magic, to: folder.appendingPathComponent("nguyen"))
        #expect(reading("nguyen") == "nội dung")
        var bytes = try Data(contentsOf: folder.appendingPathComponent("nguyen"))
        bytes[0] = UInt8(ascii: "T")
        try bytes.write(to: folder.appendingPathComponent("dau"))
        #expect(reading("dau") == "sai phần đầu")
        bytes[0] = UInt8(ascii: "t")
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: folder.appendingPathComponent("ma"))
        #expect(reading("ma") == "sai mã kiểm tra")
    }

    @Test("đề cương sửa một chữ: mục cũ không được dùng")
    func otherOutline() throws {
        let copy = try Fixtures.outlineCopy(editing: ["chuong-trinh.yaml": { $0 + "\n# sửa\n" }])
        let edited = try OutlineLoader.load(from: copy)
        let original = renderer.outline
        #expect(edited.sourceDigest != nil && original.sourceDigest != nil && edited.sourceDigest != original.sourceDigest)
        let folder = try Fixtures.temporaryDirectory().appendingPathComponent("dem")
        let first = SubmissionCache(directory: folder)
        _ = SubmissionSources.load([inputs.path], outline: original, cache: first)
        let second = SubmissionCache(directory: folder)
        _ = SubmissionSources.load([inputs.path], outline: edited, cache: second)
        #expect(second.counted == SubmissionCache.Counts(hits: 0, misses: yamlCount))
    }
}
