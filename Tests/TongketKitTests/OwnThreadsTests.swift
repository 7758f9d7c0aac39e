import Foundation
import Testing

@testable import TongketCore

/// Work on threads of its own (`OwnThreads`), as the formats of a draft and its Markdown workers use it.
@Suite("Việc chạy trên luồng riêng")
struct OwnThreadsTests {
    /// Every index runs once, and the call returns only after the last has finished.
    @Test("mỗi chỉ số chạy đúng một lần, và hàm chỉ trả về khi chỉ số chậm nhất đã xong")
    func everyIndexOnceBeforeReturning() {
        let seen = Slots<Int>(count: 5)
        OwnThreads.perform(5) { index in
            if index == 4 { Thread.sleep(forTimeInterval: 0.05) }
            seen.set(index, (seen.all[index] ?? 0) + 1)
        }
        #expect(seen.all == [1, 1, 1, 1, 1])
    }

    /// The threads run side by side: each waits for all the others to arrive, which would never
    /// happen if any two shared a thread (or if Dispatch gave the work one core's share).
    @Test("mọi chỉ số chạy cùng lúc, kể cả khi lồng trong concurrentPerform")
    func allIndicesRunAtOnce() {
        let arrived = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let count = 4
        let passed = Slots<Bool>(count: count)
        DispatchQueue.concurrentPerform(iterations: 2) { outer in
            guard outer == 0 else { return }
            OwnThreads.perform(count) { index in
                if index == 0 {
                    var all = true
                    for _ in 1..<count where arrived.wait(timeout: .now() + 3) == .timedOut { all = false }
                    for _ in 1..<count { go.signal() }
                    passed.set(0, all)
                } else {
                    arrived.signal()
                    passed.set(index, go.wait(timeout: .now() + 3) == .success)
                }
            }
        }
        #expect(passed.all == Array(repeating: true, count: count))
    }

    @Test("không có việc thì không gọi gì")
    func nothingToDo() {
        var called = false
        OwnThreads.perform(0) { _ in called = true }
        #expect(!called)
    }
}
