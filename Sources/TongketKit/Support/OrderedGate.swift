import CmarkDoor
import Foundation
import TongketCore
import TongketDocument

/// Lets pieces rendered on several threads out in their order: piece `i` waits until every piece
/// before it has been written. A failure anywhere releases every waiter.
final class OrderedGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var wroteAny = false
    private var failed = false

    func write(_ index: Int, _ text: [UInt8], format: TreeFormat, _ sink: ([UInt8]) throws -> Void) throws {
        condition.lock()
        defer { condition.unlock() }
        while next != index && !failed { condition.wait() }
        if failed { throw CancellationError() }
        if !text.isEmpty {
            try sink(MarkdownTree.joined(text, format: format, first: !wroteAny))
            wroteAny = true
        }
        next = index + 1
        condition.broadcast()
    }

    func fail() {
        condition.lock()
        failed = true
        condition.broadcast()
        condition.unlock()
    }
}
