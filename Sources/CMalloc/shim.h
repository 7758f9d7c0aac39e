// glibc's allocator settings (mallopt), which Swift's Glibc module leaves out; Linux only.
#include <malloc.h>
