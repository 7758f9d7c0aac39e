import NIOPosix

/// Slow work (bcrypt, reading and checking uploads, rendering reports and drafts) on NIO's
/// thread pool, so that it never holds a thread of Swift's cooperative pool that the other
/// requests need.
enum Offload {
    /// Runs `body` on the shared thread pool and waits for it.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
