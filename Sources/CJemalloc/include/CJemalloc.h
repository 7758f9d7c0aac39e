// Nothing to call: linking this target makes jemalloc the process's allocator, set up by the
// `malloc_conf` string in jemalloc.c.
