// libFuzzer target: the PNG decoder as ImageCodec calls it, the size call then the decode, which
// tries the hand-written fast path (pxc_png_fast.c, with libdeflate) before libpng. The pixel
// limit is lower than the app's so one input stays cheap; everything else is the real path.
//
// Beyond memory errors it checks the fast path against libpng: whenever both decode an image,
// the pixels must be the same. libpng here ignores CRCs, which the fast path does not read. The
// preview's row sums (pxc_png_row_sums) must come exactly when the fast decode succeeds and be
// libpng's pixels summed the way Downscale.swift sums them. The fast verifier may accept only
// what libpng's verify accepts.
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

// Float operations in the order written, never fused, as in Swift and pxc_png_fast.c.
#pragma STDC FP_CONTRACT OFF

/// CoverageSpan.spans (Downscale.swift), written out plainly as the reference.
static void reference_spans(uint32_t source, uint32_t target, pxc_span *spans) {
    for (uint64_t index = 0; index < target; index++) {
        uint64_t start = index * source, end = (index + 1) * source;
        uint64_t first = start / target, last = (end - 1) / target;
        uint64_t first_end = (first + 1) * target < end ? (first + 1) * target : end;
        uint64_t last_start = last * target > start ? last * target : start;
        uint64_t last_end = (last + 1) * target < end ? (last + 1) * target : end;
        spans[index] = (pxc_span){(uint32_t)first, (uint32_t)last, (float)(first_end - start) / (float)target,
                                  first == last ? 0 : (float)(last_end - last_start) / (float)target};
    }
}

/// RowPass.sumRow (Downscale.swift) over libpng's RGBA rows, in the same order of operations.
static void reference_row_sums(const uint8_t *rgba, uint32_t width, uint32_t height, const pxc_span *spans,
                               uint32_t count, float *sums) {
    for (uint32_t y = 0; y < height; y++) {
        const uint8_t *row = rgba + (size_t)y * width * 4;
        for (uint32_t s = 0; s < count; s++) {
            uint64_t r = 0, g = 0, b = 0, a = 0;
            for (uint32_t x = spans[s].first + 1; x < spans[s].last; x++) {
                uint64_t alpha = row[x * 4 + 3];
                r += row[x * 4] * alpha;
                g += row[x * 4 + 1] * alpha;
                b += row[x * 4 + 2] * alpha;
                a += alpha;
            }
            const uint8_t *p = row + spans[s].first * 4, *q = row + spans[s].last * 4;
            float pa = (float)p[3] * spans[s].first_weight, qa = (float)q[3] * spans[s].last_weight;
            float *out = sums + ((size_t)y * count + s) * 4;
            out[0] = (float)r + (float)p[0] * pa + (float)q[0] * qa;
            out[1] = (float)g + (float)p[1] * pa + (float)q[1] * qa;
            out[2] = (float)b + (float)p[2] * pa + (float)q[2] * qa;
            out[3] = (float)a + pa + qa;
        }
    }
}

/// The row sums the preview takes from the decoder (pxc_png_row_sums) must be the ones computed
/// from libpng's pixels, to the bit, and be available exactly when the fast decode is.
static void check_row_sums(const uint8_t *data, size_t size, uint32_t width, uint32_t height, bool fast_ok,
                           const uint8_t *slow, bool slow_ok) {
    uint32_t target = 1 + (uint32_t)(size % width);
    pxc_span *spans = malloc(sizeof(pxc_span) * target);
    float *sums = malloc(sizeof(float) * 4 * target * (size_t)height);
    float *expected = malloc(sizeof(float) * 4 * target * (size_t)height);
    if (spans && sums && expected) {
        reference_spans(width, target, spans);
        bool summed = pxc_png_row_sums(data, size, width, height, spans, target, sums);
        if (summed != fast_ok) {
            fprintf(stderr, "the row sums and the fast decode disagree on whether this %ux%u PNG decodes\n", width, height);
            abort();
        }
        if (summed && slow_ok) {
            reference_row_sums(slow, width, height, spans, target, expected);
            if (memcmp(sums, expected, sizeof(float) * 4 * target * (size_t)height) != 0) {
                fprintf(stderr, "the row sums of this %ux%u PNG differ from libpng's pixels summed\n", width, height);
                abort();
            }
        }
    }
    free(spans);
    free(sums);
    free(expected);
}

/// The verifier's fast half (pxc_png_verify_fast) may only accept what libpng's verify accepts:
/// a PNG it calls whole must decode in full with libpng, CRCs checked.
static void check_verify(const uint8_t *data, size_t size, uint32_t width, uint32_t height) {
    char err[256];
    if (pxc_png_verify_fast(data, size, width, height)
        && pxc_png_verify_with_libpng(data, size, width, height, err, sizeof err) != PXC_OK) {
        fprintf(stderr, "the fast verifier accepts this %ux%u PNG, which libpng refuses: %s\n", width, height, err);
        abort();
    }
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
    if (fast && slow) {
        bool fast_ok = pxc_png_decode_fast(data, size, width, height, fast);
        bool slow_ok = fast_ok && reference_decode(data, size, width, height, slow);
        if (slow_ok && memcmp(fast, slow, (size_t)width * height * 4) != 0) {
            fprintf(stderr, "the fast path and libpng decode this %ux%u PNG differently\n", width, height);
            abort();
        }
        check_row_sums(data, size, width, height, fast_ok, slow, slow_ok);
    }
    check_verify(data, size, width, height);
    free(fast);
    free(slow);
    free(out);
    return 0;
}
