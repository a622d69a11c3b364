// libFuzzer target: the PNG decoder as ImageCodec calls it, the size call then the decode, which
// tries the hand-written fast path (pxc_png_fast.c, with libdeflate) before libpng. The pixel
// limit is lower than the app's so one input stays cheap; everything else is the real path.
//
// Beyond memory errors it checks the fast path against libpng: whenever both decode an image,
// the pixels must be the same. libpng here ignores CRCs, which the fast path does not read.
#include "CImageCodecs.h"
#include "pxc_internal.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct reader {
    const uint8_t *data;
    size_t length, position;
} reader;

static void read_bytes(png_structp png, png_bytep destination, size_t count) {
    reader *input = png_get_io_ptr(png);
    if (count > input->length - input->position) png_error(png, "truncated");
    memcpy(destination, input->data + input->position, count);
    input->position += count;
}

static void quiet(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void fail(png_structp png, png_const_charp message) {
    (void)message;
    longjmp(png_jmpbuf(png), 1);
}

/// libpng alone, for the formats the fast path handles (8-bit RGB or RGBA, not interlaced).
static bool reference_decode(const uint8_t *data, size_t size, uint32_t width, uint32_t height, uint8_t *out) {
    reader input = {data, size, 0};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, fail, quiet);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    png_bytep *volatile rows = NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return false;
    }
    png_set_read_fn(png, &input, read_bytes);
    png_set_crc_action(png, PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
    png_read_info(png, info);
    if (png_get_color_type(png, info) == PNG_COLOR_TYPE_RGB) png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_read_update_info(png, info);
    rows = malloc(sizeof(png_bytep) * height);
    if (!rows) png_error(png, "out of memory");
    for (uint32_t y = 0; y < height; y++) rows[y] = out + (size_t)width * 4 * y;
    png_read_image(png, rows);
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint32_t width, height;
    char err[256];
    if (pxc_png_dimensions(data, size, 1u << 20, &width, &height, err, sizeof err) != PXC_OK) return 0;
    size_t capacity = pxc_decode_capacity(width, height);
    uint8_t *out = malloc(capacity);
    if (!out) return 0;
    pxc_png_decode(data, size, width, height, out, capacity, err, sizeof err);

    uint8_t *fast = malloc(capacity), *slow = malloc(capacity);
    if (fast && slow && pxc_png_decode_fast(data, size, width, height, fast)
        && reference_decode(data, size, width, height, slow)
        && memcmp(fast, slow, (size_t)width * height * 4) != 0) {
        fprintf(stderr, "the fast path and libpng decode this %ux%u PNG differently\n", width, height);
        abort();
    }
    free(fast);
    free(slow);
    free(out);
    return 0;
}
