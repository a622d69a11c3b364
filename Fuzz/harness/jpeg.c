// libFuzzer target: the JPEG decoder as ImageCodec calls it, at full size and, for previews,
// with libjpeg's DCT scaling (the input's length picks which, so both paths get inputs).
#include "CImageCodecs.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const uint32_t hints[] = {0, 1, 64, 300};
    uint32_t hint = hints[size % 4];
    uint32_t width, height;
    char err[256];
    if (pxc_jpeg_dimensions(data, size, 1u << 20, hint, &width, &height, err, sizeof err) != PXC_OK) return 0;
    size_t capacity = pxc_decode_capacity(width, height);
    uint8_t *out = malloc(capacity);
    if (!out) return 0;
    pxc_jpeg_decode(data, size, hint, width, height, out, capacity, err, sizeof err);
    free(out);
    return 0;
}
