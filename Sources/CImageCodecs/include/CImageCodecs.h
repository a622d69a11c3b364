#ifndef PIXTERM_CIMAGECODECS_H
#define PIXTERM_CIMAGECODECS_H

// libpng and libjpeg report errors by longjmp, which must never cross a Swift frame. Every
// setjmp/longjmp pair lives inside one of these functions; callers only see a status code and a
// message. All inputs and outputs are in memory; pixels are RGBA8, row-major, no padding.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Outcome of a codec call; anything but PXC_OK fills err (encoders then leave *out NULL).
typedef enum pxc_status {
    PXC_OK = 0,
    PXC_CORRUPT = 1,     // malformed or truncated data
    PXC_TOO_LARGE = 2,   // width * height above the caller's max_pixels (decompression bomb)
    PXC_NO_MEMORY = 3,
    PXC_INVALID = 4      // bad arguments (zero size, quality out of range, buffer too small)
} pxc_status;

/// Decoding is two calls so the caller can allocate the pixel buffer itself (a Swift array, with
/// no copy afterwards): first the output size, then the decode into a buffer of at least
/// pxc_decode_capacity(width, height) bytes. The extra byte per row (PNG's filter bytes) lets the
/// PNG fast path inflate in place. The size call also refuses images above max_pixels before anything is allocated.
static inline size_t pxc_decode_capacity(uint32_t width, uint32_t height) {
    return (size_t)width * height * 4 + height;
}

/// The size of the RGBA8 image pxc_png_decode will produce, from the IHDR chunk.
pxc_status pxc_png_dimensions(const uint8_t *data, size_t len, uint64_t max_pixels,
                              uint32_t *width, uint32_t *height, char *err, size_t errlen);

/// Decodes any PNG (palette, grey, 16-bit, interlaced, tRNS) to RGBA8 in out, which holds
/// `capacity` bytes; width and height are the ones pxc_png_dimensions returned.
pxc_status pxc_png_decode(const uint8_t *data, size_t len, uint32_t width, uint32_t height,
                          uint8_t *out, size_t capacity, char *err, size_t errlen);

/// The source pixels one output pixel covers along an axis, as ImageCodec's CoverageSpan: first
/// and last may be covered in part (by their weights), the pixels between them wholly.
typedef struct pxc_span {
    uint32_t first, last;
    float first_weight, last_weight;
} pxc_span;

/// The first pass of ImageCodec's area-average downscale, computed while decoding instead of
/// from a full RGBA8 image: for every source row, the premultiplied sums (r·a, g·a, b·a, a) over
/// each of the column_count spans, into sums (height * column_count * 4 floats), the same to the
/// bit as Downscale.swift's. Only for 8-bit RGB or RGBA PNGs without interlacing or tRNS, with
/// libdeflate installed; false for any other image and for damaged data (decode it in full then,
/// for libpng's verdict). width and height are the ones pxc_png_dimensions returned. For rows of
/// 2 MiB and more it starts (and joins) one thread that faults their buffer in while inflating.
bool pxc_png_row_sums(const uint8_t *data, size_t len, uint32_t width, uint32_t height,
                      const pxc_span *columns, size_t column_count, float *sums);

/// Encodes RGBA8 as an 8-bit RGBA PNG with zlib level 0-9.
pxc_status pxc_png_encode(const uint8_t *rgba, uint32_t width, uint32_t height, int level,
                          uint8_t **out, size_t *outlen, char *err, size_t errlen);

/// The size pxc_jpeg_decode will produce. When min_long_side is non-zero, libjpeg's DCT scaling
/// shrinks the output by n/8 while its longer side stays at least that many pixels: much faster
/// than decoding at full size for previews.
pxc_status pxc_jpeg_dimensions(const uint8_t *data, size_t len, uint64_t max_pixels, uint32_t min_long_side,
                               uint32_t *width, uint32_t *height, char *err, size_t errlen);

/// Decodes a JPEG (YCbCr, greyscale, CMYK/YCCK) to RGBA8 with opaque alpha into out, which holds
/// `capacity` bytes; pass the min_long_side given to pxc_jpeg_dimensions and the size it returned.
pxc_status pxc_jpeg_decode(const uint8_t *data, size_t len, uint32_t min_long_side,
                           uint32_t width, uint32_t height, uint8_t *out, size_t capacity,
                           char *err, size_t errlen);

/// Encodes RGBA8 as a baseline YCbCr JPEG; alpha is ignored. quality is 1-100.
pxc_status pxc_jpeg_encode(const uint8_t *rgba, uint32_t width, uint32_t height, int quality,
                           uint8_t **out, size_t *outlen, char *err, size_t errlen);

/// Proves a whole file decodes, without keeping its pixels (one row of memory): for PNG every IDAT
/// inflated, every row unfiltered and every critical chunk's CRC checked up to IEND; for JPEG every
/// scanline decoded to EOI, with damaged entropy data an error rather than grey. width and height
/// are the size the data decoded to; max_pixels refuses a decompression bomb up front.
pxc_status pxc_png_verify(const uint8_t *data, size_t len, uint64_t max_pixels,
                          uint32_t *width, uint32_t *height, char *err, size_t errlen);
pxc_status pxc_jpeg_verify(const uint8_t *data, size_t len, uint64_t max_pixels,
                           uint32_t *width, uint32_t *height, char *err, size_t errlen);

/// The two halves of pxc_png_verify, for the tests and the fuzz target that hold them to the same
/// verdict. The fast one, for plain 8-bit RGB/RGBA PNGs with libdeflate installed, inflates the
/// image data with libdeflate (exact length, Adler-32), checks every chunk's CRC and every row's
/// filter type, and skips unfiltering, which cannot fail: true only when the PNG is certainly
/// whole; false for anything it does not handle or doubts, for libpng to judge. width and height
/// are the ones pxc_png_dimensions returned.
bool pxc_png_verify_fast(const uint8_t *data, size_t len, uint32_t width, uint32_t height);
pxc_status pxc_png_verify_with_libpng(const uint8_t *data, size_t len, uint32_t width, uint32_t height,
                                      char *err, size_t errlen);

/// Releases a buffer returned by an encoder.
void pxc_free(void *pointer);

/// Room for `size` bytes that are written once and read through (a file read whole, inflated
/// rows): 2 MiB or more gets a mapping of its own on transparent huge pages, so a 22 MB file
/// costs a dozen page faults instead of five thousand. NULL when memory is short. Release with
/// pxc_release_large and the same size.
uint8_t *pxc_allocate_large(size_t size);
void pxc_release_large(uint8_t *buffer, size_t size);

#endif
