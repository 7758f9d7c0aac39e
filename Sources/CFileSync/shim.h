// glibc's sync_file_range, which Swift's Glibc module leaves out (it is a GNU extension); Linux only.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <fcntl.h>
