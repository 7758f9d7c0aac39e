import Foundation

/// Temporary files and folders carry the id of the process that made them, so that a later run
/// can tell an abandoned one from one still being written.
enum DeadProcess {
    /// Whether the process `pid` no longer runs (never true of this one).
    static func isGone(_ pid: Int32) -> Bool {
        pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }
}
