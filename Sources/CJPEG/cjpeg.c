#include <stdio.h>
#include <jpeglib.h>
#include "CJPEG.h"

int cjpeg_lib_version(void) { return JPEG_LIB_VERSION; }
