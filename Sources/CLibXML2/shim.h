#ifndef ALMANAC_CLIBXML2_SHIM_H
#define ALMANAC_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its headers would pull in the system ICU headers,
// which clash with the ICU copy inside the toolchain's Foundation on a clean build.
// Almanac never uses libxml2's ICU converters, so the macro is dropped before the
// remaining headers are read (see ../shared/notes/libxml2-from-swift.md).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

/// `xmlFree` is a mutable global function pointer, which Swift 6 rejects; call it through this.
static inline void almanac_xmlFree(void *pointer) { xmlFree(pointer); }

/// The generic error callback is variadic and cannot be written in Swift: this one drops
/// everything, so libxml2 never prints to stderr behind Almanac's back.
static inline void almanac_silentGenericError(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// Installs the silent generic handler for the calling thread.
static inline void almanac_silenceGenericErrors(void) {
  xmlSetGenericErrorFunc(NULL, almanac_silentGenericError);
}

#endif
