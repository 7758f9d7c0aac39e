import Foundation
import Testing

@testable import TongketCore

/// The indices handed out to whichever thread asks next (`Turns`), as the reading of many files
/// uses them.
@Suite("Chia việc theo lượt cho các luồng")
struct TurnsTests {
    @Test("mỗi chỉ số của khoảng được đúng một luồng lấy, không sót, không trùng; hết thì nil")
    func eachIndexOnce() {
        let turns = Turns(5..<10_005)
        let taken = Slots<[Int]>(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            var mine: [Int] = []
            while let index = turns.take() { mine.append(index) }
            taken.set(worker, mine)
        }
        let all = taken.all.compactMap { $0 }.flatMap { $0 }
        #expect(all.count == 10_000)
        #expect(all.sorted() == Array(5..<10_005))
        // Each thread's indices come in increasing order.
        #expect(taken.all.compactMap { $0 }.allSatisfy { $0 == $0.sorted() })
        #expect(turns.take() == nil)
        #expect(Turns(3..<3).take() == nil)
    }
}
