// zlib from Debian's zlib1g-dev (ZIPFoundation links it too): crc32_combine joins the CRC-32s of
// the Word body's chunks (TongketDocument/Writers/DOCX/ParallelDeflate.swift), which igzip
// deflates (CIgzip).
#include <zlib.h>
