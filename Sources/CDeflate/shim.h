// zlib from Debian's zlib1g-dev (ZIPFoundation links it too): the Word writer's deflate over
// both cores (TongketDocument/Writers/DOCX/ParallelDeflate.swift) is its only user.
#include <zlib.h>
