// Thin C shim over libjpeg-turbo. libjpeg's error_exit longjmps back into cjpeg.c; every
// function returns 0 on success or a negative code and fills a message buffer.
#ifndef CJPEG_H
#define CJPEG_H
#include <stdint.h>
#include <stddef.h>

/// libjpeg's API version (e.g. 62).
int cjpeg_lib_version(void);

#endif
