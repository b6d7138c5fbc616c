#include "CPNG.h"
#include <png.h>

unsigned long cpng_libpng_version(void) { return (unsigned long)png_access_version_number(); }
