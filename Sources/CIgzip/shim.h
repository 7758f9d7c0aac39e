// ISA-L's igzip from Debian's libisal-dev: the deflate and CRC-32 of the Word document's body
// (TongketDocument/Writers/DOCX/ParallelDeflate.swift), about four times faster than zlib at the
// same size on a province's draft (docs/hieu-nang.md).
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>

// The working memory igzip's level 2 wants, which Swift cannot read from the header's macro.
static inline unsigned int tongket_igzip_level2_buffer(void) { return ISAL_DEF_LVL2_DEFAULT; }
