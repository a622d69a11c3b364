#include "CImageCodecs.h"
#include "pxc_internal.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/// Shared by libpng's callbacks: where to jump on error, where to read from or write to.
typedef struct png_context {
    jmp_buf jump;
    char *err;
    size_t errlen;
    const uint8_t *input;
    size_t input_length;
    size_t input_position;
    pxc_buffer output;
} png_context;

static void on_error(png_structp png, png_const_charp message) {
    png_context *context = png_get_error_ptr(png);
    pxc_message(context->err, context->errlen, "%s", message);
    longjmp(context->jump, 1);
}

static void on_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void read_bytes(png_structp png, png_bytep destination, size_t count) {
    png_context *context = png_get_io_ptr(png);
    if (count > context->input_length - context->input_position) {
        png_error(png, "the file ends early (truncated)");
    }
    memcpy(destination, context->input + context->input_position, count);
    context->input_position += count;
}

static void write_bytes(png_structp png, png_bytep source, size_t count) {
    png_context *context = png_get_io_ptr(png);
    if (!pxc_buffer_reserve(&context->output, count)) png_error(png, "out of memory");
    memcpy(context->output.data + context->output.length, source, count);
    context->output.length += count;
}

static void flush_nothing(png_structp png) { (void)png; }

/// Asks libpng to turn every colour type and bit depth into 8-bit RGBA.
static void request_rgba8(png_structp png, png_infop info) {
    int colour_type = png_get_color_type(png, info);
    int bit_depth = png_get_bit_depth(png, info);
    bool has_trns = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
    if (colour_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (colour_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (has_trns) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_scale_16(png);
    if (!(colour_type & PNG_COLOR_MASK_COLOR)) png_set_gray_to_rgb(png);
    if (!(colour_type & PNG_COLOR_MASK_ALPHA) && !has_trns) png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
}

/// A libpng reader over context's input, reporting into context's err; false when memory runs out.
static bool create_reader(png_context *context, png_structp *png, png_infop *info) {
    *png = png_create_read_struct(PNG_LIBPNG_VER_STRING, context, on_error, on_warning);
    if (!*png) return false;
    *info = png_create_info_struct(*png);
    if (!*info) {
        png_destroy_read_struct(png, NULL, NULL);
        return false;
    }
    png_set_read_fn(*png, context, read_bytes);
    return true;
}

/// False when a chunk before IEND claims more bytes than the file has left. libpng allocates
/// (and clears) an ancillary chunk's claimed length before reading it, and its own limit on that
/// is only a warning: a 42-byte file claiming a 2 GB sPLT chunk would cost 2 GB.
static bool chunks_fit(const uint8_t *data, size_t len, char *err, size_t errlen) {
    for (size_t offset = 8; len >= offset + 8;) {
        size_t size = pxc_big_endian32(data + offset);
        if (size + 12 > len - offset) {
            pxc_message(err, errlen, "the file ends early (truncated)");
            return false;
        }
        if (memcmp(data + offset + 4, "IEND", 4) == 0) return true;
        offset += 12 + size;
    }
    return true;
}

/// Reads the chunks before the image data; the size must be the one pxc_png_dimensions returned.
/// Must run after setjmp: libpng reports errors by longjmp.
static void read_info(png_structp png, png_infop info, uint32_t width, uint32_t height) {
    png_read_info(png, info);
    if (png_get_image_width(png, info) != width || png_get_image_height(png, info) != height) {
        png_error(png, "image size differs from its header");
    }
}

pxc_status pxc_png_dimensions(const uint8_t *data, size_t len, uint64_t max_pixels,
                              uint32_t *width, uint32_t *height, char *err, size_t errlen) {
    pxc_png_header header;
    if (!pxc_png_read_header(data, len, &header)) {
        pxc_message(err, errlen, "no valid PNG header");
        return PXC_CORRUPT;
    }
    if ((uint64_t)header.width * header.height > max_pixels) {
        pxc_message(err, errlen, "%ux%u pixels is more than the %llu allowed", header.width, header.height,
                    (unsigned long long)max_pixels);
        return PXC_TOO_LARGE;
    }
    *width = header.width;
    *height = header.height;
    return PXC_OK;
}

pxc_status pxc_png_decode(const uint8_t *data, size_t len, uint32_t width, uint32_t height,
                          uint8_t *out, size_t capacity, char *err, size_t errlen) {
    if (capacity < pxc_decode_capacity(width, height)) {
        pxc_message(err, errlen, "output buffer too small");
        return PXC_INVALID;
    }
    if (pxc_png_decode_fast(data, len, width, height, out)) return PXC_OK;
    if (!chunks_fit(data, len, err, errlen)) return PXC_CORRUPT;
    png_context context = {.err = err, .errlen = errlen, .input = data, .input_length = len};
    png_structp png;
    png_infop info;
    if (!create_reader(&context, &png, &info)) return PXC_NO_MEMORY;
    png_bytep *volatile rows = NULL;
    volatile pxc_status status = PXC_CORRUPT;
    if (setjmp(context.jump)) {
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return status;
    }
    read_info(png, info, width, height);
    request_rgba8(png, info);
    size_t stride = (size_t)width * 4;
    if (png_get_rowbytes(png, info) != stride) png_error(png, "unexpected row layout");
    rows = malloc(sizeof(png_bytep) * height);
    if (!rows) {
        status = PXC_NO_MEMORY;
        png_error(png, "out of memory");
    }
    for (uint32_t y = 0; y < height; y++) rows[y] = out + stride * y;
    png_read_image(png, rows);
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    return PXC_OK;
}

pxc_status pxc_png_encode(const uint8_t *rgba, uint32_t width, uint32_t height, int level,
                          uint8_t **out, size_t *outlen, char *err, size_t errlen) {
    *out = NULL;
    *outlen = 0;
    if (width == 0 || height == 0 || level < 0 || level > 9) {
        pxc_message(err, errlen, "cannot encode a %ux%u PNG at level %d", width, height, level);
        return PXC_INVALID;
    }
    png_context context = {.err = err, .errlen = errlen};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &context, on_error, on_warning);
    if (!png) return PXC_NO_MEMORY;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return PXC_NO_MEMORY;
    }
    png_bytep *volatile rows = NULL;
    if (setjmp(context.jump)) {
        free(rows);
        free(context.output.data);
        png_destroy_write_struct(&png, &info);
        return PXC_NO_MEMORY;
    }
    png_set_write_fn(png, &context, write_bytes, flush_nothing);
    png_set_compression_level(png, level);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    rows = malloc(sizeof(png_bytep) * height);
    if (!rows) png_error(png, "out of memory");
    for (uint32_t y = 0; y < height; y++) rows[y] = (png_bytep)(rgba + (size_t)width * 4 * y);
    png_write_info(png, info);
    png_write_image(png, rows);
    png_write_end(png, NULL);
    free(rows);
    png_destroy_write_struct(&png, &info);
    *out = context.output.data;
    *outlen = context.output.length;
    return PXC_OK;
}

pxc_status pxc_png_verify(const uint8_t *data, size_t len, uint64_t max_pixels,
                          uint32_t *width, uint32_t *height, char *err, size_t errlen) {
    pxc_status status = pxc_png_dimensions(data, len, max_pixels, width, height, err, errlen);
    if (status != PXC_OK) return status;
    if (pxc_png_verify_fast(data, len, *width, *height)) return PXC_OK;
    return pxc_png_verify_with_libpng(data, len, *width, *height, err, errlen);
}

pxc_status pxc_png_verify_with_libpng(const uint8_t *data, size_t len, uint32_t width, uint32_t height,
                                      char *err, size_t errlen) {
    if (!chunks_fit(data, len, err, errlen)) return PXC_CORRUPT;
    png_context context = {.err = err, .errlen = errlen, .input = data, .input_length = len};
    png_structp png;
    png_infop info;
    if (!create_reader(&context, &png, &info)) return PXC_NO_MEMORY;
    png_bytep volatile row = NULL;
    if (setjmp(context.jump)) {
        free(row);
        png_destroy_read_struct(&png, &info, NULL);
        return PXC_CORRUPT;
    }
    read_info(png, info, width, height);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    row = malloc(png_get_rowbytes(png, info));
    if (!row) png_error(png, "out of memory");
    for (int pass = 0; pass < passes; pass++) {
        for (uint32_t y = 0; y < height; y++) png_read_row(png, row, NULL);
    }
    png_read_end(png, NULL);
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    return PXC_OK;
}
