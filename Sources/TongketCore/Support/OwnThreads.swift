import Foundation

/// Runs work on threads of its own, one per index, and returns when every one has finished.
///
/// For work that waits on other work, or that spreads over the cores itself: Dispatch runs a
/// `concurrentPerform` nested in another on the outer one's share of the cores, the cores divided
/// by its iterations, which for the three formats of a draft on two cores is one. The Word body
/// of a 1,000-unit draft was compressed on one core that way while the other stood idle.
package enum OwnThreads {
    /// Calls `body` with each index below `count`, each on a new thread with a stack of
    /// `stackSize` bytes (cmark and the document writers recurse with the nesting of lists).
    package static func perform(_ count: Int, stackSize: Int = 8 << 20, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        withoutActuallyEscaping(body) { escapable in
            let box = Box(escapable)
            // A finished thread may hold its block (and so the box) a little after it signals;
            // the box lets go of `body` before this returns, so `body` never outlives the call.
            defer { box.release() }
            let done = DispatchSemaphore(value: 0)
            for index in 0..<count {
                let thread = Thread {
                    box.run(index)
                    done.signal()
                }
                thread.stackSize = stackSize
                thread.start()
            }
            for _ in 0..<count { done.wait() }
        }
    }

    private final class Box: @unchecked Sendable {
        // Read by the threads, dropped by the caller only after they have all signalled.
        private var body: ((Int) -> Void)?

        init(_ body: @escaping (Int) -> Void) { self.body = body }

        func run(_ index: Int) { body?(index) }

        func release() { body = nil }
    }
}
