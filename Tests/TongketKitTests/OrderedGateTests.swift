import CmarkDoor
import Foundation
import Testing

@testable import TongketKit

/// The gate that lets the pieces two threads render out in the report's order.
@Suite("Cổng ghi theo thứ tự các phần do hai luồng dựng")
struct OrderedGateTests {
    /// What the gate wrote, one part per element.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [String] = []

        func write(_ part: [UInt8]) {
            lock.lock()
            parts.append(String(decoding: part, as: UTF8.self))
            lock.unlock()
        }

        var written: [String] {
            lock.lock()
            defer { lock.unlock() }
            return parts
        }
    }

    @Test("mỗi phần về đúng một luồng, luồng nào tới trước lấy trước; ghi ra đúng thứ tự dù phần dài phần ngắn")
    func claimedOnceWrittenInOrder() throws {
        let gate = OrderedGate(limit: 1 << 20)
        let sink = Sink()
        let pieces = 200
        let taken = [Sink(), Sink()]
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in 0..<pieces where gate.claim(index) {
                taken[worker].write(Array("\(index)".utf8))
                // Every seventh piece is slow, as a province's long section is.
                if index % 7 == 0 { usleep(2_000) }
                try? gate.write(index, [Array("phần \(index)".utf8)], format: .commonMark, sink.write)
            }
        }
        // Every piece taken by exactly one worker.
        #expect((taken[0].written + taken[1].written).compactMap { Int($0) }.sorted() == Array(0..<pieces))
        // Written in order, a blank-line separator (CommonMark) before every piece but the first.
        var expected: [String] = []
        for index in 0..<pieces {
            if index > 0 { expected.append("\n") }
            expected.append("phần \(index)")
        }
        #expect(sink.written == expected)
    }

    @Test("phần xong trước lượt được giữ lại rồi ghi khi tới lượt; phần rỗng vẫn giữ chỗ")
    func heldUntilTurn() throws {
        let gate = OrderedGate(limit: 100)
        let sink = Sink()
        try gate.write(2, [Array("hai".utf8)], format: .html, sink.write)
        try gate.write(1, [], format: .html, sink.write)
        #expect(sink.written.isEmpty)
        try gate.write(0, [Array("không".utf8), Array("-tiếp".utf8)], format: .html, sink.write)
        #expect(sink.written == ["không", "-tiếp", "hai"])
        try gate.write(3, [Array("ba".utf8)], format: .html, sink.write)
        #expect(sink.written == ["không", "-tiếp", "hai", "ba"])
    }

    @Test("quá giới hạn giữ lại thì luồng chờ tới lượt; lỗi ở luồng khác giải phóng nó")
    func waitsPastLimitAndFailureReleases() throws {
        let gate = OrderedGate(limit: 8)
        let sink = Sink()
        // Held: 6 bytes. Piece 2 would make 12, over 8: it waits until piece 0 is written.
        try gate.write(1, [Array("sáu b".utf8)], format: .html, sink.write)
        let finished = DispatchSemaphore(value: 0)
        let order = Sink()
        Thread {
            try? gate.write(2, [Array("bảy b".utf8)], format: .html, sink.write)
            order.write(Array("2 xong".utf8))
            finished.signal()
        }.start()
        #expect(finished.wait(timeout: .now() + 0.2) == .timedOut)
        order.write(Array("ghi 0".utf8))
        try gate.write(0, [Array("0".utf8)], format: .html, sink.write)
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(order.written == ["ghi 0", "2 xong"])
        #expect(sink.written == ["0", "sáu b", "bảy b"])

        // A worker waiting for its turn is let go, with CancellationError, when another fails.
        let failing = OrderedGate(limit: 1)
        try failing.write(1, [Array("giữ".utf8)], format: .html, sink.write)
        let released = DispatchSemaphore(value: 0)
        let outcome = Sink()
        Thread {
            do {
                try failing.write(2, [Array("chờ".utf8)], format: .html, sink.write)
                outcome.write(Array("đã ghi".utf8))
            } catch is CancellationError {
                outcome.write(Array("hủy".utf8))
            } catch {
                outcome.write(Array("lỗi khác".utf8))
            }
            released.signal()
        }.start()
        #expect(released.wait(timeout: .now() + 0.2) == .timedOut)
        failing.fail()
        #expect(released.wait(timeout: .now() + 5) == .success)
        #expect(outcome.written == ["hủy"])
        #expect(throws: CancellationError.self) { try failing.write(0, [Array("x".utf8)], format: .html, sink.write) }
    }
}
