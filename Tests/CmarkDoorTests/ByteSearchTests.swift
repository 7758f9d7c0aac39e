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
}
