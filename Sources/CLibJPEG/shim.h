// libjpeg(-turbo)'s headers. CImageCodecs includes them itself; this target exists so that
// SwiftPM asks pkg-config (libjpeg.pc) for the library's include and library paths, which on
// macOS are Homebrew's. jpeglib.h needs size_t and FILE declared before it.
#include <stddef.h>
#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
