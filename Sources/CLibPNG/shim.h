// libpng's header. CImageCodecs includes it itself; this target exists so that SwiftPM asks
// pkg-config (libpng16.pc) for libpng's include and library paths, which on macOS are Homebrew's
// and not on the compiler's default paths.
#include <png.h>
