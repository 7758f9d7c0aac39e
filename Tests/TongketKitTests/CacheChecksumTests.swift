import Foundation
import Testing
import TongketTestSupport

@testable import TongketKit

/// The checksum that catches a damaged cache entry, and the read of a kept section's body that
/// checks it over the head and the body read apart.
@Suite("Mã kiểm tra của bộ nhớ đệm")
struct CacheChecksumTests {
    /// 100 bytes that are not all alike, so that no two positions hold the same byte by chance.
    static let bytes = (0..<100).map { UInt8(($0 * 37 + 11) % 256) }

    @Test("cắt thành hai phần ở mọi chỗ: vẫn một mã")
    func splitAnywhere() {
        let whole = CacheChecksum.of(Self.bytes[...])
        for cut in 0...Self.bytes.count {
            var sum = CacheChecksum()
            Self.bytes[..<cut].withUnsafeBytes { sum.add($0) }
            Self.bytes[cut...].withUnsafeBytes { sum.add($0) }
            #expect(sum.value == whole, "cắt ở \(cut)")
        }
        // Three pieces, the middle one shorter than a block.
        var sum = CacheChecksum()
        for range in [0..<30, 30..<35, 35..<100] { Self.bytes[range].withUnsafeBytes { sum.add($0) } }
        #expect(sum.value == whole)
    }

    /// The one-lane checksum of entries written before format 3, worked out apart from tongket
    /// (a Python transcription of 74c91d0's `CacheChecksum.of`): were `earlier` to drift, an
    /// older tongket's entries would be reported damaged again.
    @Test("mã kiểm tra dạng cũ: đúng như tongket trước tính")
    func earlierAsBefore() {
        #expect(CacheChecksum.earlier(Self.bytes[...]) == 0xc86c_c72c_0a0e_80f2)
        #expect(CacheChecksum.earlier(Self.bytes[..<13]) == 0x737b_87d2_e34e_a11a)
        #expect(CacheChecksum.earlier([][...]) == 0x8570_e250_fe4c_2473)
    }

    @Test("đổi một bit bất kỳ, thêm hay bớt một byte: mã khác")
    func anyChange() {
        let whole = CacheChecksum.of(Self.bytes[...])
        var seen: Set<UInt64> = [whole]
        for index in Self.bytes.indices {
            for bit in 0..<8 {
                var changed = Self.bytes
                changed[index] ^= 1 << bit
                seen.insert(CacheChecksum.of(changed[...]))
            }
        }
        // Every one of the 800 changes gives a checksum of its own.
        #expect(seen.count == 1 + 800)
        #expect(CacheChecksum.of((Self.bytes + [0])[...]) != whole)
        #expect(CacheChecksum.of(Self.bytes.dropLast()) != whole)
        #expect(CacheChecksum.of([][...]) != CacheChecksum.of([0][...]))
    }

    @Test("thân của mục sau phần đầu cho trước: nguyên vẹn thì có; phần đầu khác, hỏng, cắt ngắn, không có thì không")
    func bodyAfterHead() throws {
        let folder = try Fixtures.temporaryDirectory()
        let magic = Array("thu\n".utf8)
        let head = Array("phiên bản 1|khóa".utf8)
        let body = (0..<5_000).map { UInt8($0 % 251) }
        let entry = folder.appendingPathComponent("muc")
        try CacheFile.write(head + body, magic: magic, to: entry)
        #expect(CacheFile.body(entry.path, magic: magic, after: head) == body)
        #expect(CacheFile.body(entry.path, magic: magic, after: Array("phiên bản 2|khóa".utf8)) == nil)
        #expect(CacheFile.body(entry.path, magic: Array("khac\n".utf8), after: head) == nil)
        #expect(CacheFile.body(folder.appendingPathComponent("chua-co").path, magic: magic, after: head) == nil)
        let bytes = try Data(contentsOf: entry)
        var damaged = bytes
        damaged[damaged.count - 2_000] ^= 4
        try damaged.write(to: folder.appendingPathComponent("hong"))
        #expect(CacheFile.body(folder.appendingPathComponent("hong").path, magic: magic, after: head) == nil)
        try bytes.dropLast(1).write(to: folder.appendingPathComponent("cut"))
        #expect(CacheFile.body(folder.appendingPathComponent("cut").path, magic: magic, after: head) == nil)
        // The whole entry read the other way holds the same body after the same head.
        guard case .whole(let read, let from) = CacheFile.read(entry, magic: magic) else {
            Issue.record("mục nguyên vẹn không đọc được")
            return
        }
        #expect(Array(read[from...]) == head + body)
    }
}

/// Entries an earlier tongket framed with the one-lane checksum: whole, so ignored as another
/// version's, without the warning a damaged entry gets.
@Suite("Mục bộ nhớ đệm của tongket trước khi đổi mã kiểm tra")
struct EarlierFrameTests {
    /// `entry` with its checksum slot rewritten as an earlier tongket wrote it.
    static func reframed(_ entry: URL, magic: [UInt8]) throws {
        var bytes = Array(try Data(contentsOf: entry))
        let slot = magic.count..<magic.count + 8
        var sum = CacheChecksum.earlier(bytes[slot.upperBound...])
        for index in slot {
            bytes[index] = UInt8(sum & 0xff)
            sum >>= 8
        }
        try Data(bytes).write(to: entry)
    }

    @Test("khung cũ nguyên vẹn: mục của phiên bản khác; khung cũ bị sửa: mục hỏng")
    func frame() throws {
        let folder = try Fixtures.temporaryDirectory()
        let magic = Array("thu\n".utf8)
        let entry = folder.appendingPathComponent("cu")
        try CacheFile.write(Array("nội dung của bản trước".utf8), magic: magic, to: entry)
        try Self.reframed(entry, magic: magic)
        guard case .earlierFrame = CacheFile.read(entry, magic: magic) else {
            Issue.record("khung cũ không được nhận ra")
            return
        }
        var bytes = try Data(contentsOf: entry)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: entry)
        guard case .damaged("sai mã kiểm tra") = CacheFile.read(entry, magic: magic) else {
            Issue.record("khung cũ bị sửa không bị coi là hỏng")
            return
        }
    }

    @Test("mục của dự thảo có khung cũ: dựng lại, không cảnh báo; bị sửa thì cảnh báo")
    func draftPiece() throws {
        let cache = DraftPieceCache(directory: try Fixtures.temporaryDirectory())
        let url = cache.url(draft: "đề cương\ntỉnh", marker: "muc-a", kind: "md")
        cache.write(Array("Đoạn đã giữ.\n".utf8), key: "khoa", to: url)
        #expect(cache.read(url, key: "khoa", shown: "muc-a") == Array("Đoạn đã giữ.\n".utf8))
        try Self.reframed(url, magic: Array("tongket-muc-bao-cao\n".utf8))
        #expect(cache.read(url, key: "khoa", shown: "muc-a") == nil)
        #expect(cache.warnings.isEmpty)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: url)
        #expect(cache.read(url, key: "khoa", shown: "muc-a") == nil)
        #expect(cache.warnings.count == 1)
    }
}
