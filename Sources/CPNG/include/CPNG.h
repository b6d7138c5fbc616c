// Thin C shim over libpng (and libdeflate for the fast encoder). All setjmp/longjmp lives in
// cpng.c; every function returns 0 on success or a negative code and fills a message buffer.
#ifndef CPNG_H
#define CPNG_H
#include <stdint.h>
#include <stddef.h>

/// libpng's version number (e.g. 10639).
unsigned long cpng_libpng_version(void);

#endif
