#include "CFuzzMain.h"
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

static int run(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

int vitrine_fuzz_main(int argc, char **argv) { return run(argc, argv); }

int vitrine_fuzz_server_main(int argc, char **argv) { return run(argc, argv); }
