import Foundation

/// Values a command is done with but that would take long to free, kept until the process ends,
/// when the kernel takes the whole heap back at once. Freeing a 1,000-unit consolidation piece by
/// piece (every unit's texts, figures and statuses) took about 30 ms at the end of each run, a
/// twentieth of a run with a warm cache. Only what lives to the end is kept: the consolidator and
/// its loaded submissions are still freed after their last use, as keeping them raised the peak
/// at 10,000 units. Only the command line keeps values this way: the web server is one long
/// process and must free what it is done with.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }
}
