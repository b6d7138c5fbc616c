#ifndef CFUZZMAIN_H
#define CFUZZMAIN_H
/* Entry points of the fuzz executables when SwiftPM renames `main` (it links executables built
   with -enable-testing with `main` pointing at `<module>_main`). Both hand over to libFuzzer's
   driver with the module's LLVMFuzzerTestOneInput. Without the renaming libFuzzer's own `main`
   runs and these are unused. */
int vitrine_fuzz_main(int argc, char **argv);
int vitrine_fuzz_server_main(int argc, char **argv);
#endif
