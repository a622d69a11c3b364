#ifndef PIXTERM_CIMAGECODECS_H
#define PIXTERM_CIMAGECODECS_H

// libpng and libjpeg report errors by longjmp, which must never cross a Swift frame. Every
// setjmp/longjmp pair lives inside one of these functions; callers only see a status code and a
// message. All inputs and outputs are in memory; pixels are RGBA8, row-major, no padding.

#include <stddef.h>
#include <stdint.h>

/// Outcome of a codec call; anything but PXC_OK leaves *out untouched (NULL) and fills err.
typedef enum pxc_status {
    PXC_OK = 0,
    PXC_CORRUPT = 1,     // malformed or truncated data
    PXC_TOO_LARGE = 2,   // width * height above the caller's max_pixels (decompression bomb)
    PXC_NO_MEMORY = 3,
    PXC_INVALID = 4      // bad arguments (zero size, quality out of range)
} pxc_status;

/// Decodes any PNG (palette, grey, 16-bit, interlaced, tRNS) to RGBA8. *out must be released
/// with pxc_free.
pxc_status pxc_png_decode(const uint8_t *data, size_t len, uint64_t max_pixels,
                          uint8_t **out, uint32_t *width, uint32_t *height,
                          char *err, size_t errlen);

/// Encodes RGBA8 as an 8-bit RGBA PNG with zlib level 0-9.
pxc_status pxc_png_encode(const uint8_t *rgba, uint32_t width, uint32_t height, int level,
                          uint8_t **out, size_t *outlen, char *err, size_t errlen);

/// Decodes a JPEG (YCbCr, greyscale, CMYK/YCCK) to RGBA8 with opaque alpha. When min_long_side
/// is non-zero, libjpeg's DCT scaling shrinks the output while its longer side stays at least
/// that many pixels: much faster than decoding at full size for previews.
pxc_status pxc_jpeg_decode(const uint8_t *data, size_t len, uint64_t max_pixels,
                           uint32_t min_long_side,
                           uint8_t **out, uint32_t *width, uint32_t *height,
                           char *err, size_t errlen);

/// Encodes RGBA8 as a baseline YCbCr JPEG; alpha is ignored. quality is 1-100.
pxc_status pxc_jpeg_encode(const uint8_t *rgba, uint32_t width, uint32_t height, int quality,
                           uint8_t **out, size_t *outlen, char *err, size_t errlen);

/// Releases a buffer returned by any function above.
void pxc_free(void *pointer);

#endif
