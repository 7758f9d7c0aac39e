import Foundation

#if os(Linux)
    import CMalloc
#endif

/// glibc's allocator gives each thread that allocates at the same time as another an arena of its
/// own, up to eight per core, and memory freed in one arena serves only that arena. A
/// consolidation loads and merges on every core, then writes: the arenas of the loading threads
/// keep what they freed while the writing grows others. With one arena per core, 10,000 units'
/// draft peaked at 636 MB instead of 724 MB, byte-identical (docs/hieu-nang.md).
enum MemoryArenas {
    static func limitToCores() {
        #if os(Linux)
            _ = mallopt(M_ARENA_MAX, Int32(clamping: max(1, ProcessInfo.processInfo.activeProcessorCount)))
        #endif
    }
}
