// ISA-L's igzip from Debian's libisal-dev: the deflate and CRC-32 of the Word document's body
// (TongketDocument/Writers/DOCX/ParallelDeflate.swift), about four times faster than zlib at the
// same size on a province's draft (docs/hieu-nang.md).
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>

// The working memory igzip's level 2 takes, which Swift cannot read from the header's macros: the
// default (324 KiB) for a whole chunk, the least (72 KiB) for a small input.
static inline unsigned int tongket_igzip_level2_buffer(void) { return ISAL_DEF_LVL2_DEFAULT; }
static inline unsigned int tongket_igzip_level2_least_buffer(void) { return ISAL_DEF_LVL2_MIN; }
