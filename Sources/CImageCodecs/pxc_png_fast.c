#include "CImageCodecs.h"
#include "pxc_internal.h"

#include <dlfcn.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// The common case, 8-bit RGB or RGBA without interlacing or tRNS (everything the image API and
// pixterm itself write), decoded with libdeflate when the system has it: its inflate is two to
// three times faster than zlib's, which dominates PNG decoding. libdeflate is loaded at run time,
// so it is an optional accelerator, not a build dependency. Anything unusual or damaged returns
// false and libpng decodes it, with libpng's error messages.

typedef void *(*alloc_fn)(void);
typedef int (*zlib_decompress_fn)(void *, const void *, size_t, void *, size_t, size_t *);
typedef void (*free_fn)(void *);
typedef uint32_t (*crc32_fn)(uint32_t, const void *, size_t);

static struct {
    alloc_fn alloc;
    zlib_decompress_fn decompress;
    free_fn release;
    crc32_fn crc32;  // only the verifier needs it; NULL leaves verifying to libpng
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
    deflate_api.crc32 = (crc32_fn)dlsym(library, "libdeflate_crc32");
}

bool pxc_png_read_header(const uint8_t *data, size_t len, pxc_png_header *header) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (len < 33 || memcmp(data, signature, 8) != 0) return false;
    if (pxc_big_endian32(data + 8) != 13 || memcmp(data + 12, "IHDR", 4) != 0) return false;
    const uint8_t *fields = data + 16;
    header->width = pxc_big_endian32(fields);
    header->height = pxc_big_endian32(fields + 4);
    header->bit_depth = fields[8];
    header->colour_type = fields[9];
    header->interlace = fields[12];
    header->standard = fields[10] == 0 && fields[11] == 0;
    return header->width > 0 && header->height > 0 && header->width <= 0x7FFFFFFF && header->height <= 0x7FFFFFFF;
}

/// The zlib stream of the IDAT chunks: in place when there is one chunk (no copy of a large
/// file), else concatenated into `copy`, which the caller frees. False when a chunk is cut short,
/// a tRNS chunk would need libpng, or IEND never comes.
static bool collect_image_data(const uint8_t *data, size_t len, const uint8_t **stream, size_t *length, pxc_buffer *copy) {
    size_t total = 0, chunks = 0;
    const uint8_t *first = NULL;
    for (size_t offset = 33; len - offset >= 12;) {
        uint32_t size = pxc_big_endian32(data + offset);
        const uint8_t *type = data + offset + 4, *payload = data + offset + 8;
        if (size > len - offset - 12) return false;
        if (memcmp(type, "IDAT", 4) == 0) {
            if (chunks++ == 0) first = payload;
            total += size;
        } else if (memcmp(type, "tRNS", 4) == 0) {
            return false;
        } else if (memcmp(type, "IEND", 4) == 0) {
            if (total == 0) return false;
            if (chunks == 1) {
                *stream = first;
                *length = total;
                return true;
            }
            if (!pxc_buffer_reserve(copy, total)) return false;
            for (size_t at = 33; at < offset; at += 12 + (size_t)pxc_big_endian32(data + at)) {
                if (memcmp(data + at + 4, "IDAT", 4) != 0) continue;
                uint32_t part = pxc_big_endian32(data + at);
                memcpy(copy->data + copy->length, data + at + 8, part);
                copy->length += part;
            }
            *stream = copy->data;
            *length = total;
            return true;
        }
        offset += 12 + (size_t)size;
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
    case 0:
        if (row != source) memmove(row, source, stride);
        return true;
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

/// The channel count (3 or 4) when the fast path handles this PNG, else 0.
static unsigned fast_channels(const uint8_t *data, size_t len, uint32_t width, uint32_t height) {
    pthread_once(&deflate_once, load_libdeflate);
    if (!deflate_api.decompress) return 0;
    pxc_png_header header;
    if (!pxc_png_read_header(data, len, &header) || header.width != width || header.height != height
        || header.bit_depth != 8 || (header.colour_type != 2 && header.colour_type != 6)
        || header.interlace != 0 || !header.standard) {
        return 0;
    }
    return header.colour_type == 6 ? 4 : 3;
}

/// Inflates the image data into `raw`: exactly `height` rows of a filter byte and
/// `width * channels` bytes, else false.
static bool inflate_rows(const uint8_t *data, size_t len, uint32_t width, uint32_t height, unsigned channels, uint8_t *raw) {
    const uint8_t *stream = NULL;
    size_t length = 0;
    pxc_buffer copy = {0};
    if (!collect_image_data(data, len, &stream, &length, &copy)) {
        free(copy.data);
        return false;
    }
    size_t expected = ((size_t)width * channels + 1) * height;
    void *decompressor = deflate_api.alloc();
    size_t actual = 0;
    bool inflated = decompressor
        && deflate_api.decompress(decompressor, stream, length, raw, expected, &actual) == 0
        && actual == expected;
    if (decompressor) deflate_api.release(decompressor);
    free(copy.data);
    return inflated;
}

bool pxc_png_decode_fast(const uint8_t *data, size_t len, uint32_t width, uint32_t height, uint8_t *out) {
    unsigned channels = fast_channels(data, len, width, height);
    return channels && inflate_rows(data, len, width, height, channels, out) && reconstruct(out, width, height, channels);
}

// Pass 1 of ImageCodec's area-average downscale (Downscale.swift, RowPass.sumRow), done on each
// row right after it is unfiltered, while it is still in cache. The arithmetic is the same
// operation for operation (integer sums of the whole pixels, then float edges added in the same
// order, never fused into FMAs), so the sums are the same to the bit and so is the thumbnail.
#pragma STDC FP_CONTRACT OFF

/// (r·a, g·a, b·a, a) of one source pixel, scaled by its coverage, added to sum.
static inline __attribute__((always_inline))
void add_premultiplied(float sum[4], const uint8_t *pixel, unsigned channels, float weight) {
    float alpha = (float)(channels == 4 ? pixel[3] : 255) * weight;
    sum[0] = sum[0] + (float)pixel[0] * alpha;
    sum[1] = sum[1] + (float)pixel[1] * alpha;
    sum[2] = sum[2] + (float)pixel[2] * alpha;
    sum[3] = sum[3] + alpha;
}

static inline __attribute__((always_inline))
void sum_row(const uint8_t *row, unsigned channels, const pxc_span *spans, size_t count, float *out) {
    for (size_t s = 0; s < count; s++, out += 4) {
        const pxc_span span = spans[s];
        uint64_t r = 0, g = 0, b = 0, a = 0;
        const uint8_t *pixel = row + ((size_t)span.first + 1) * channels, *end = row + (size_t)span.last * channels;
        if (channels == 4) {
            for (; pixel < end; pixel += 4) {
                uint64_t alpha = pixel[3];
                r += pixel[0] * alpha;
                g += pixel[1] * alpha;
                b += pixel[2] * alpha;
                a += alpha;
            }
        } else if (pixel < end) {
            // Opaque: every product is the channel times 255, so sum first and multiply once.
            for (; pixel < end; pixel += 3) {
                r += pixel[0];
                g += pixel[1];
                b += pixel[2];
            }
            a = 255 * (uint64_t)(span.last - span.first - 1);
            r *= 255;
            g *= 255;
            b *= 255;
        }
        float sum[4] = {(float)r, (float)g, (float)b, (float)a};
        add_premultiplied(sum, row + (size_t)span.first * channels, channels, span.first_weight);
        add_premultiplied(sum, row + (size_t)span.last * channels, channels, span.last_weight);
        memcpy(out, sum, sizeof sum);
    }
}

/// Unfilters each row in place (the filter byte stays before it) and sums it at once.
static bool unfilter_and_sum(uint8_t *raw, uint32_t width, uint32_t height, unsigned channels,
                             const pxc_span *columns, size_t column_count, float *sums) {
    size_t stride = (size_t)width * channels;
    uint8_t *zero_row = calloc(stride, 1);
    if (!zero_row) return false;
    bool known = true;
    for (size_t y = 0; y < height && known; y++) {
        uint8_t *row = raw + y * (stride + 1) + 1;
        const uint8_t *prior = y == 0 ? zero_row : row - (stride + 1);
        float *out = sums + y * column_count * 4;
        if (channels == 4) {
            known = unfilter(row[-1], row, row, prior, stride, 4);
            if (known) sum_row(row, 4, columns, column_count, out);
        } else {
            known = unfilter(row[-1], row, row, prior, stride, 3);
            if (known) sum_row(row, 3, columns, column_count, out);
        }
    }
    free(zero_row);
    return known;
}

/// Room for `size` bytes (inflated rows, a file read whole), released with pxc_release_large(). Buffers of 2 MiB and
/// more are mapped on their own, 2 MiB aligned, and offered to the kernel for transparent huge
/// pages (honoured where THP is "madvise" or "always"): a 4K photo's 25 MB is then a dozen page
/// faults instead of six thousand, which otherwise cost about a tenth of the whole preview. Being
/// a mapping of its own, it goes back to the system when released (a long-running UI keeps no
/// huge pages in its heap).
uint8_t *pxc_allocate_large(size_t size) {
    const size_t huge = (size_t)2 << 20;
    if (size < huge) return malloc(size);
    // In whole pages, so both trimmed ends start on a page boundary as munmap requires.
    size_t page = (size_t)sysconf(_SC_PAGESIZE), pages = (size + page - 1) & ~(page - 1), span = pages + huge;
    uint8_t *mapping = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping == MAP_FAILED) return NULL;
    uint8_t *rows = (uint8_t *)(((uintptr_t)mapping + huge - 1) & ~(uintptr_t)(huge - 1));
    size_t before = (size_t)(rows - mapping), after = span - before - pages;
    if (before) munmap(mapping, before);
    if (after) munmap(rows + pages, after);
#ifdef MADV_HUGEPAGE
    madvise(rows, size, MADV_HUGEPAGE);
#endif
    return rows;
}

void pxc_release_large(uint8_t *rows, size_t size) {
    if (!rows) return;
    if (size < ((size_t)2 << 20)) {
        free(rows);
    } else {
        munmap(rows, size);
    }
}

/// Fresh pages must be zeroed by the kernel before inflate can write them (for a 4K photo that is
/// a fifth of the preview on a virtual machine). A second thread faults the buffer in ahead of
/// the inflater, 2 MiB at a time, so on two cores the zeroing runs beside the inflating instead
/// of before each page of it. MADV_POPULATE_WRITE (Linux 5.14) never changes a page already
/// there, so it cannot race with what inflate writes; elsewhere it fails at once, harmlessly.
typedef struct prefault_job {
    uint8_t *rows;
    size_t size;
} prefault_job;

static void *prefault_rows(void *argument) {
#if defined(__linux__)
    const prefault_job *job = argument;
    const size_t step = (size_t)2 << 20;
    for (size_t at = 0; at < job->size; at += step) {
        if (madvise(job->rows + at, job->size - at < step ? job->size - at : step, 23 /* MADV_POPULATE_WRITE */) != 0) break;
    }
#else
    (void)argument;
#endif
    return NULL;
}

/// The image data inflated into a large buffer (see pxc_allocate_large), faulted in by a second
/// thread while libdeflate fills it; NULL when it does not inflate to exactly `height` rows.
/// Release with pxc_release_large and `*size`.
static uint8_t *inflate_large(const uint8_t *data, size_t len, uint32_t width, uint32_t height, unsigned channels, size_t *size) {
    *size = ((size_t)width * channels + 1) * height;
    uint8_t *raw = pxc_allocate_large(*size);
    if (!raw) return NULL;
    prefault_job job = {raw, *size};
    pthread_t prefault;
    bool prefaulting = *size >= ((size_t)2 << 20) && pthread_create(&prefault, NULL, prefault_rows, &job) == 0;
    bool inflated = inflate_rows(data, len, width, height, channels, raw);
    if (prefaulting) pthread_join(prefault, NULL);
    if (inflated) return raw;
    pxc_release_large(raw, *size);
    return NULL;
}

bool pxc_png_row_sums(const uint8_t *data, size_t len, uint32_t width, uint32_t height,
                      const pxc_span *columns, size_t column_count, float *sums) {
    unsigned channels = fast_channels(data, len, width, height);
    size_t size = 0;
    uint8_t *raw = channels ? inflate_large(data, len, width, height, channels, &size) : NULL;
    if (!raw) return false;
    bool done = unfilter_and_sum(raw, width, height, channels, columns, column_count, sums);
    pxc_release_large(raw, size);
    return done;
}

/// Every chunk up to IEND whole and with its CRC; IHDR, then ancillary chunks (a lowercase first
/// letter) and one unbroken run of IDAT, then IEND. Anything else (PLTE, tRNS, another critical
/// chunk, a bad CRC even on a chunk libpng would skip) is left to libpng.
static bool chunks_are_plain(const uint8_t *data, size_t len) {
    bool in_data = false, data_ended = false;
    for (size_t offset = 8; len - offset >= 12;) {
        uint32_t size = pxc_big_endian32(data + offset);
        const uint8_t *type = data + offset + 4;
        if (size > len - offset - 12) return false;
        if (deflate_api.crc32(0, type, (size_t)size + 4) != pxc_big_endian32(type + 4 + size)) return false;
        bool is_data = memcmp(type, "IDAT", 4) == 0;
        if (is_data && data_ended) return false;
        if (!is_data && in_data) data_ended = true;
        in_data = is_data;
        if (memcmp(type, "IEND", 4) == 0) return data_ended;
        bool critical = (type[0] & 0x20) == 0;
        if (critical && !is_data && !(offset == 8 && memcmp(type, "IHDR", 4) == 0)) return false;
        if (offset == 8 && memcmp(type, "IHDR", 4) != 0) return false;
        if (memcmp(type, "tRNS", 4) == 0) return false;
        offset += 12 + (size_t)size;
    }
    return false;
}

bool pxc_png_verify_fast(const uint8_t *data, size_t len, uint32_t width, uint32_t height) {
    // libpng's default limits on a read (PNG_USER_WIDTH_MAX, PNG_USER_HEIGHT_MAX).
    if (width > 1000000 || height > 1000000) return false;
    unsigned channels = fast_channels(data, len, width, height);
    if (!channels || !deflate_api.crc32 || !chunks_are_plain(data, len)) return false;
    size_t size = 0;
    uint8_t *raw = inflate_large(data, len, width, height, channels, &size);
    if (!raw) return false;
    // Unfiltering cannot fail once every row's filter type is one PNG defines.
    size_t stride = (size_t)width * channels + 1;
    bool filters_known = true;
    for (size_t y = 0; y < height && filters_known; y++) filters_known = raw[y * stride] <= 4;
    pxc_release_large(raw, size);
    return filters_known;
}
