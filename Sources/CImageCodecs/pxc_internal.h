#ifndef PIXTERM_PXC_INTERNAL_H
#define PIXTERM_PXC_INTERNAL_H

// Helpers shared by the PNG and JPEG wrappers; not part of the module's public header.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// A growable output buffer owned by the encoder until it is handed to the caller.
typedef struct pxc_buffer {
    uint8_t *data;
    size_t length;
    size_t capacity;
} pxc_buffer;

/// Makes room for `extra` more bytes; false when memory runs out (the buffer stays valid).
bool pxc_buffer_reserve(pxc_buffer *buffer, size_t extra);

/// Writes a formatted message into err when err is non-NULL.
void pxc_message(char *err, size_t errlen, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/// A PNG chunk length or IHDR field: four bytes, most significant first.
static inline uint32_t pxc_big_endian32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/// The fields of a PNG's IHDR chunk that decoding depends on.
typedef struct pxc_png_header {
    uint32_t width, height;
    uint8_t bit_depth, colour_type, interlace;
    bool standard;  // compression and filter methods are the only ones defined (0)
} pxc_png_header;

/// Reads the signature and IHDR chunk; false when the data does not start like a PNG.
bool pxc_png_read_header(const uint8_t *data, size_t len, pxc_png_header *header);

/// Decodes 8-bit RGB/RGBA non-interlaced PNGs with libdeflate, when it is installed, into out
/// (pxc_decode_capacity bytes). Returns false for anything it does not handle, including damaged
/// data: the caller then decodes with libpng, which overwrites whatever this left in out.
bool pxc_png_decode_fast(const uint8_t *data, size_t len, uint32_t width, uint32_t height, uint8_t *out);

#endif
