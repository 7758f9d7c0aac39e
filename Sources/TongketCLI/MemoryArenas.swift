import Foundation

#if os(Linux)
    import CMalloc
#endif

/// glibc's allocator gives each thread that allocates at the same time as another an arena of its
/// own, up to eight per core, and memory freed in one arena serves only that arena: at that
/// default, 10,000 units' draft peaked at 724 MB. One arena per core (636 MB then) was too few:
/// the main thread and Dispatch's workers, more of them than cores while one waits on a nested
/// `concurrentPerform`, took turns on arenas another thread held, and slept on their locks. At
/// 10,000 units (md+html) that was 115,000 context switches and 20.6 s of CPU; with two arenas
/// per core, 800 and 18.1 s, and md+html+docx at 1,000 units 1.53 to 1.33 s, for 554 to 578 MB
/// at the peak (docs/hieu-nang.md). Drafts are byte-identical either way.
enum MemoryArenas {
    static func limit() {
        #if os(Linux)
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            _ = mallopt(M_ARENA_MAX, Int32(clamping: 2 * cores))
        #endif
    }
}
