import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// A file's stamp lets a warm consolidation skip reading and hashing it; it may never make the
/// output differ. The cases compare every output with a run without a cache, and the counts show
/// that files were in fact left unread (or read again) as the case says.
@Suite("Dấu tệp trong bộ nhớ đệm: tệp không đổi thì không đọc lại, tệp đổi thì luôn thấy")
struct FileStampsTests {
    let base: SubmissionCacheTests
    /// Pretends the files were written an hour ago, so that their stamps are recorded at once.
    static let later: @Sendable () -> Date = { Date().addingTimeInterval(3600) }

    init() throws { base = try SubmissionCacheTests() }

    var yamlCount: Int { base.yamlCount }

    func folder() throws -> URL { try Fixtures.temporaryDirectory().appendingPathComponent("dem") }

    @Test("tệp không đổi: lần sau không đọc tệp nào, kết quả y hệt")
    func unchangedFilesAreNotRead() throws {
        let expected = try base.consolidate(cache: nil)
        let folder = try folder()
        let cold = SubmissionCache(directory: folder, clock: Self.later)
        #expect(try base.consolidate(cache: cold) == expected)
        // The messages' load reads every file and records its stamp; the draft's load reads none.
        #expect(cold.counted == SubmissionCache.Counts(hits: yamlCount, misses: yamlCount, unread: yamlCount))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(FileStamps.fileName).path))
        let warm = SubmissionCache(directory: folder, clock: Self.later)
        #expect(try base.consolidate(cache: warm) == expected)
        #expect(warm.counted == SubmissionCache.Counts(hits: 2 * yamlCount, misses: 0, unread: 2 * yamlCount))
        #expect(warm.warnings.isEmpty)
    }

    /// The hardest edit to see: same size, the modification time put back to the nanosecond. Only
    /// the change time, which no program can set, tells it.
    @Test("sửa giữ nguyên cỡ tệp và đặt lại giờ sửa: vẫn thấy, đọc lại đúng tệp đó")
    func sameSizeSameTimeEditIsSeen() throws {
        let folder = try folder()
        let unedited = try base.consolidate(cache: SubmissionCache(directory: folder, clock: Self.later))
        let file = base.inputs.appendingPathComponent("so-noi-vu.yaml")
        let before = try #require(FileStamps.Stamp.of(file.path))
        let text = try String(contentsOf: file, encoding: .utf8)
        // "có" and "CÓ" have the same number of bytes (ó and Ó are two each).
        let edited = text.replacingOccurrences(of: "Sở Nội vụ có chức năng", with: "Sở Nội vụ CÓ chức năng")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        var times = [
            timespec(tv_sec: Int(before.modified), tv_nsec: Int(before.modifiedNanoseconds)),
            timespec(tv_sec: Int(before.modified), tv_nsec: Int(before.modifiedNanoseconds)),
        ]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        let after = try #require(FileStamps.Stamp.of(file.path))
        #expect(after.size == before.size && after.inode == before.inode)
        #expect(after.modified == before.modified && after.modifiedNanoseconds == before.modifiedNanoseconds)
        #expect(after != before, "the change time must differ")

        let expected = try base.consolidate(cache: nil)
        #expect(expected["bao-cao-tong-hop.md"] != unedited["bao-cao-tong-hop.md"])
        let cache = SubmissionCache(directory: folder, clock: Self.later)
        #expect(try base.consolidate(cache: cache) == expected)
        // Read once (a new digest, so a new entry), then known by its new stamp.
        #expect(cache.counted == SubmissionCache.Counts(hits: 2 * yamlCount - 1, misses: 1, unread: 2 * yamlCount - 1))
    }

    @Test("tệp vừa sửa (chưa quá vài giây): không ghi dấu, lần sau vẫn đọc lại")
    func freshFilesAreNotStamped() throws {
        let folder = try folder()
        // The real clock: the copied inputs were changed just now.
        let cache = SubmissionCache(directory: folder)
        _ = try base.consolidate(cache: cache)
        #expect(cache.counted.unread == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(FileStamps.fileName).path))
        let stamp = try #require(FileStamps.Stamp.of(base.inputs.appendingPathComponent("so-noi-vu.yaml").path))
        let changed = Date(timeIntervalSince1970: TimeInterval(max(stamp.modified, stamp.changed)))
        #expect(!stamp.isSettled(at: changed.addingTimeInterval(3)))
        #expect(stamp.isSettled(at: changed.addingTimeInterval(4)))
    }

    @Test("tệp dấu hỏng, hay mục của tệp đã mất: bỏ qua, đọc lại tệp, kết quả y hệt")
    func damagedStampsOrMissingEntry() throws {
        let expected = try base.consolidate(cache: nil)
        let folder = try folder()
        _ = try base.consolidate(cache: SubmissionCache(directory: folder, clock: Self.later))
        let stamps = folder.appendingPathComponent(FileStamps.fileName)
        var bytes = try Data(contentsOf: stamps)
        bytes[bytes.count - 5] ^= 0x20
        try bytes.write(to: stamps)
        let damaged = SubmissionCache(directory: folder, clock: Self.later)
        #expect(try base.consolidate(cache: damaged) == expected)
        // Every file read once more (their entries are whole), then known again.
        #expect(damaged.counted == SubmissionCache.Counts(hits: 2 * yamlCount, misses: 0, unread: yamlCount))
        #expect(damaged.warnings.isEmpty)

        let entries = try base.entries(folder)
        try #require(entries.count == yamlCount)
        try FileManager.default.removeItem(at: entries[0])
        let lost = SubmissionCache(directory: folder, clock: Self.later)
        #expect(try base.consolidate(cache: lost) == expected)
        #expect(lost.counted == SubmissionCache.Counts(hits: 2 * yamlCount - 1, misses: 1, unread: 2 * yamlCount - 1))
    }
}
