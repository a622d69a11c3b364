#include "pxc_internal.h"

#include <dlfcn.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// The common case, 8-bit RGB or RGBA without interlacing or tRNS (everything the image API and
// pixterm itself write), decoded with libdeflate when the system has it: its inflate is two to
// three times faster than zlib's, which dominates PNG decoding. libdeflate is loaded at run time,
// so it is an optional accelerator, not a build dependency. Anything unusual or damaged returns
// false and libpng decodes it, with libpng's error messages.

typedef void *(*alloc_fn)(void);
typedef int (*zlib_decompress_fn)(void *, const void *, size_t, void *, size_t, size_t *);
typedef void (*free_fn)(void *);

static struct {
    alloc_fn alloc;
    zlib_decompress_fn decompress;
    free_fn release;
} deflate_api;
static pthread_once_t deflate_once = PTHREAD_ONCE_INIT;

static void load_libdeflate(void) {
#ifdef __APPLE__
    void *library = dlopen("libdeflate.0.dylib", RTLD_NOW | RTLD_LOCAL);
#else
    void *library = dlopen("libdeflate.so.0", RTLD_NOW | RTLD_LOCAL);
#endif
    if (!library) return;
    alloc_fn alloc = (alloc_fn)dlsym(library, "libdeflate_alloc_decompressor");
    zlib_decompress_fn decompress = (zlib_decompress_fn)dlsym(library, "libdeflate_zlib_decompress");
    free_fn release = (free_fn)dlsym(library, "libdeflate_free_decompressor");
    if (!alloc || !decompress || !release) return;
    deflate_api.alloc = alloc;
    deflate_api.decompress = decompress;
    deflate_api.release = release;
}

static uint32_t big_endian32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

bool pxc_png_read_header(const uint8_t *data, size_t len, pxc_png_header *header) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (len < 33 || memcmp(data, signature, 8) != 0) return false;
    if (big_endian32(data + 8) != 13 || memcmp(data + 12, "IHDR", 4) != 0) return false;
    const uint8_t *fields = data + 16;
    header->width = big_endian32(fields);
    header->height = big_endian32(fields + 4);
    header->bit_depth = fields[8];
    header->colour_type = fields[9];
    header->interlace = fields[12];
    header->standard = fields[10] == 0 && fields[11] == 0;
    return header->width > 0 && header->height > 0 && header->width <= 0x7FFFFFFF && header->height <= 0x7FFFFFFF;
}

/// Concatenates the IDAT payloads; false when a chunk is cut short, a tRNS chunk would need
/// libpng, or IEND never comes.
static bool collect_image_data(const uint8_t *data, size_t len, pxc_buffer *compressed) {
    size_t offset = 33;
    while (len - offset >= 12) {
        uint32_t length = big_endian32(data + offset);
        const uint8_t *type = data + offset + 4, *payload = data + offset + 8;
        if (length > len - offset - 12) return false;
        if (memcmp(type, "IDAT", 4) == 0) {
            if (!pxc_buffer_reserve(compressed, length)) return false;
            memcpy(compressed->data + compressed->length, payload, length);
            compressed->length += length;
        } else if (memcmp(type, "tRNS", 4) == 0) {
            return false;
        } else if (memcmp(type, "IEND", 4) == 0) {
            return compressed->length > 0;
        }
        offset += 12 + (size_t)length;
    }
    return false;
}

/// The Paeth predictor in stb_image's branch-free form (same result as the specification's).
static inline int paeth(int left, int up, int up_left) {
    int threshold = up_left * 3 - (left + up);
    int low = left < up ? left : up, high = left < up ? up : left;
    int middle = high <= threshold ? low : up_left;
    return threshold <= low ? high : middle;
}

#ifdef __SSE2__
/// Paeth for RGBA rows with the four channels of a pixel in parallel (libpng's SSE2 approach):
/// the filter is serial from pixel to pixel, so this is where scalar code spends its time.
static void unpaeth_rgba_sse2(const uint8_t *source, uint8_t *row, const uint8_t *prior, size_t stride) {
    const __m128i zero = _mm_setzero_si128();
    __m128i left = zero, up_left = zero;
    for (size_t i = 0; i < stride; i += 4) {
        int32_t word;
        memcpy(&word, prior + i, 4);
        __m128i up = _mm_unpacklo_epi8(_mm_cvtsi32_si128(word), zero);
        memcpy(&word, source + i, 4);
        __m128i delta = _mm_unpacklo_epi8(_mm_cvtsi32_si128(word), zero);
        __m128i pa = _mm_sub_epi16(up, up_left), pb = _mm_sub_epi16(left, up_left);
        __m128i pc = _mm_add_epi16(pa, pb);
        pa = _mm_max_epi16(pa, _mm_sub_epi16(zero, pa));
        pb = _mm_max_epi16(pb, _mm_sub_epi16(zero, pb));
        pc = _mm_max_epi16(pc, _mm_sub_epi16(zero, pc));
        __m128i smallest = _mm_min_epi16(pc, _mm_min_epi16(pa, pb));
        __m128i use_left = _mm_cmpeq_epi16(smallest, pa), use_up = _mm_cmpeq_epi16(smallest, pb);
        __m128i up_or_corner = _mm_or_si128(_mm_and_si128(use_up, up), _mm_andnot_si128(use_up, up_left));
        __m128i predicted = _mm_or_si128(_mm_and_si128(use_left, left), _mm_andnot_si128(use_left, up_or_corner));
        __m128i pixel = _mm_and_si128(_mm_add_epi16(delta, predicted), _mm_set1_epi16(0xFF));
        word = _mm_cvtsi128_si32(_mm_packus_epi16(pixel, pixel));
        memcpy(row + i, &word, 4);
        left = pixel;
        up_left = up;
    }
}
#endif

/// Reverses one row's filter from `source` into `row`, which may start before `source` in the
/// same buffer (each byte is read before anything at or past it is written). Always inlined with
/// a constant `bpp` so the compiler can unroll the per-channel loops.
static inline __attribute__((always_inline))
bool unfilter(uint8_t filter, const uint8_t *source, uint8_t *row, const uint8_t *prior,
              size_t stride, unsigned bpp) {
    switch (filter) {
    case 0: memmove(row, source, stride); return true;
    case 1:
        for (size_t i = 0; i < stride; i++) row[i] = (uint8_t)(source[i] + (i >= bpp ? row[i - bpp] : 0));
        return true;
    case 2:
        for (size_t i = 0; i < stride; i++) row[i] = (uint8_t)(source[i] + prior[i]);
        return true;
    case 3:
        for (size_t i = 0; i < stride; i++) {
            unsigned left = i >= bpp ? row[i - bpp] : 0;
            row[i] = (uint8_t)(source[i] + ((left + prior[i]) >> 1));
        }
        return true;
    case 4:
#ifdef __SSE2__
        if (bpp == 4) {
            unpaeth_rgba_sse2(source, row, prior, stride);
            return true;
        }
#endif
        for (size_t i = 0; i < bpp; i++) row[i] = (uint8_t)(source[i] + prior[i]);
        for (size_t i = bpp; i < stride; i++) row[i] = (uint8_t)(source[i] + paeth(row[i - bpp], prior[i], prior[i - bpp]));
        return true;
    default: return false;
    }
}

/// Unfilters every row in place, dropping the filter bytes, then widens RGB to RGBA in place
/// (back to front, so no pixel is overwritten before it is read).
static bool reconstruct(uint8_t *raw, uint32_t width, uint32_t height, unsigned channels) {
    size_t stride = (size_t)width * channels;
    uint8_t *zero_row = calloc(stride, 1);
    if (!zero_row) return false;
    bool known = true;
    for (size_t y = 0; y < height && known; y++) {
        uint8_t *source = raw + y * (stride + 1);
        uint8_t *row = raw + y * stride;
        const uint8_t *prior = y == 0 ? zero_row : row - stride;
        known = channels == 4 ? unfilter(source[0], source + 1, row, prior, stride, 4)
                              : unfilter(source[0], source + 1, row, prior, stride, 3);
    }
    free(zero_row);
    if (!known || channels == 4) return known;
    for (size_t i = (size_t)width * height; i-- > 0;) {
        uint8_t r = raw[i * 3], g = raw[i * 3 + 1], b = raw[i * 3 + 2];
        raw[i * 4] = r;
        raw[i * 4 + 1] = g;
        raw[i * 4 + 2] = b;
        raw[i * 4 + 3] = 255;
    }
    return true;
}

bool pxc_png_decode_fast(const uint8_t *data, size_t len, uint32_t width, uint32_t height, uint8_t *out) {
    pthread_once(&deflate_once, load_libdeflate);
    if (!deflate_api.decompress) return false;
    pxc_png_header header;
    if (!pxc_png_read_header(data, len, &header) || header.width != width || header.height != height
        || header.bit_depth != 8 || (header.colour_type != 2 && header.colour_type != 6)
        || header.interlace != 0 || !header.standard) {
        return false;
    }
    unsigned channels = header.colour_type == 6 ? 4 : 3;
    pxc_buffer compressed = {0};
    if (!collect_image_data(data, len, &compressed)) {
        free(compressed.data);
        return false;
    }
    size_t expected = ((size_t)width * channels + 1) * height;
    void *decompressor = deflate_api.alloc();
    size_t actual = 0;
    bool inflated = decompressor
        && deflate_api.decompress(decompressor, compressed.data, compressed.length, out, expected, &actual) == 0
        && actual == expected;
    if (decompressor) deflate_api.release(decompressor);
    free(compressed.data);
    return inflated && reconstruct(out, width, height, channels);
}
