import Foundation

/// One slot per piece of work done on several threads: each slot is written by one thread, and
/// read once every thread has finished, so results come back in their order, not finishing order.
package final class Slots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    package init(count: Int) { values = Array(repeating: nil, count: count) }

    package func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    /// Every slot, in order; empty slots are nil.
    package var all: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }

    /// The first slot that was set.
    package var first: Value? { all.compactMap { $0 }.first }
}
