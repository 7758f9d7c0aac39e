// jemalloc (Debian's libjemalloc-dev) is linked into the commands in place of glibc's malloc,
// for every allocation of the process, Swift's runtime included (Package.swift). glibc's malloc
// and free were an eighth of the CPU of a 10,000-unit consolidation (its free lists:
// malloc_consolidate, unlink_chunk), a tenth at 1,000 units; with jemalloc the 10,000-unit run
// took 0.9 to 0.95 of the time (docs/hieu-nang.md).
#include <string.h>
#include <unistd.h>

// jemalloc reads this string before main: an arena for each core, used by whichever thread runs
// on that core, so that the arenas follow the machine (its default, four per core, kept more
// memory: 10,000 units' md+html peaked at 560 MB against 520 MB).
const char *malloc_conf = "percpu_arena:percpu";

// Where the processors this process may run on are not all those the machine has (a container
// given some of its cores, `taskset`), jemalloc turns the arenas per core off, keeps its default
// ones (only more memory), and says so on standard error at every start: that notice would stand
// first in every command's output, which users and the tests read. It is dropped; any other
// message is written as jemalloc writes it, with write(2), since nothing may allocate here.
static void write_message(void *opaque, const char *message) {
    (void)opaque;
    if (strstr(message, "Per-CPU arena disabled") != NULL) return;
    size_t left = strlen(message);
    while (left > 0) {
        ssize_t written = write(STDERR_FILENO, message, left);
        if (written <= 0) return;
        message += written;
        left -= (size_t)written;
    }
}

// Read by jemalloc from its first allocation on, so set here rather than by code that runs.
void (*malloc_message)(void *, const char *) = write_message;
