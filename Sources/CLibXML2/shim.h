// libxml2 built with ICU would pull ICU's headers in through encoding.h, and they clash with the
// ICU copy Foundation carries. Nothing here touches an encoding handler's fields (the only
// layout ICU changes), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
