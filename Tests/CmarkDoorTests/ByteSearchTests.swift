import Testing

@testable import CmarkDoor

@Suite("Tìm byte bằng memchr: như tìm từng byte")
struct ByteSearchTests {
    /// Each position of random buffers of line breaks, quotation marks and letters, against a
    /// search written plainly.
    @Test("mọi vị trí bắt đầu của 500 dãy ngẫu nhiên")
    func againstPlainSearch() {
        var state: UInt64 = 7
        for _ in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bytes: [UInt8] = (0..<Int(state >> 58)).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return [0x0A, 0x22, 0x61, 0xE1][Int((state >> 33) % 4)]
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let quote = (start..<bytes.count).first { bytes[$0] == 0x22 } ?? bytes.count
                    let blank = (start..<max(start, bytes.count - 1)).first { bytes[$0] == 0x0A && bytes[$0 + 1] == 0x0A } ?? bytes.count
                    #expect(ByteSearch.next(0x22, in: buffer, from: start) == quote, "\(bytes) từ \(start)")
                    #expect(ByteSearch.nextBlankLine(in: buffer, from: start) == blank, "\(bytes) từ \(start)")
                }
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { ByteSearch.next(0x0A, in: $0, from: 0) } == 0)
    }

    /// Every part of up to three bytes over a small alphabet, in random buffers, against a search
    /// written plainly (each start compared whole); slices (whose indices do not start at 0) as
    /// well as arrays.
    @Test("một dãy byte có chứa dãy kia không: như so ở mọi vị trí")
    func holdsAgainstPlainSearch() {
        func plain(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
            part.isEmpty || (0..<bytes.count).contains { Array(bytes[$0...].prefix(part.count)) == part }
        }
        var state: UInt64 = 11
        let letters: [UInt8] = [0x2D, 0x3E, 0x61]
        let parts: [[UInt8]] =
            [[]] + letters.map { [$0] } + letters.flatMap { a in letters.map { [a, $0] } }
            + letters.flatMap { a in letters.map { [a, 0x2D, $0] } }
        for _ in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bytes: [UInt8] = (0..<Int(state >> 60)).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return letters[Int((state >> 33) % 3)]
            }
            for part in parts {
                #expect(ByteSearch.holds(bytes, part) == plain(bytes, part), "\(bytes) / \(part)")
                let tail = Array(bytes.dropFirst(2))
                #expect(ByteSearch.holds(bytes.dropFirst(2), part[...]) == plain(tail, part), "\(bytes) / \(part)")
            }
        }
    }
}
