// jemalloc (Debian's libjemalloc-dev) is linked into the commands in place of glibc's malloc,
// for every allocation of the process, Swift's runtime included (Package.swift). glibc's malloc
// and free were an eighth of the CPU of a 10,000-unit consolidation (its free lists:
// malloc_consolidate, unlink_chunk), a tenth at 1,000 units; with jemalloc the 10,000-unit run
// takes about 0.9 of the time (docs/hieu-nang.md).
//
// jemalloc reads this string before main: an arena for each core, used by whichever thread runs
// on that core, so that the arenas follow the machine (its default, four per core, kept more
// memory: 10,000 units' md+html peaked at 560 MB against 520 MB).
const char *malloc_conf = "percpu_arena:percpu";
