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

    /// Writes piece `index`, given in parts (`MarkdownTree.streamPieces`), once every piece before
    /// it is written; the separator goes before its first part, not copied onto it.
    func write(_ index: Int, _ parts: [[UInt8]], format: TreeFormat, _ sink: ([UInt8]) throws -> Void) throws {
        condition.lock()
        defer { condition.unlock() }
        while next != index && !failed { condition.wait() }
        if failed { throw CancellationError() }
        let separator = MarkdownTree.joined([], format: format, first: false)
        var first = true
        for part in parts where !part.isEmpty {
            if first && wroteAny && !separator.isEmpty { try sink(separator) }
            try sink(part)
            first = false
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
