// libFuzzer target: the PNG decoder as ImageCodec calls it, the size call then the decode, which
// tries the hand-written fast path (pxc_png_fast.c, with libdeflate) before libpng. The pixel
// limit is lower than the app's so one input stays cheap; everything else is the real path.
#include "CImageCodecs.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint32_t width, height;
    char err[256];
    if (pxc_png_dimensions(data, size, 1u << 20, &width, &height, err, sizeof err) != PXC_OK) return 0;
    size_t capacity = pxc_decode_capacity(width, height);
    uint8_t *out = malloc(capacity);
    if (!out) return 0;
    pxc_png_decode(data, size, width, height, out, capacity, err, sizeof err);
    free(out);
    return 0;
}
