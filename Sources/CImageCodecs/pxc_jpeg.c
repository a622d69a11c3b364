#include "CImageCodecs.h"
#include "pxc_internal.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

/// libjpeg's error manager extended with the jump target and the caller's message buffer.
typedef struct jpeg_errors {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char *err;
    size_t errlen;
} jpeg_errors;

static void on_error_exit(j_common_ptr cinfo) {
    jpeg_errors *errors = (jpeg_errors *)cinfo->err;
    char message[JMSG_LENGTH_MAX];
    errors->base.format_message(cinfo, message);
    pxc_message(errors->err, errors->errlen, "%s", message);
    longjmp(errors->jump, 1);
}

/// libjpeg only warns about a truncated file and pads it with grey; a cut-off download must fail
/// loudly instead. Other warnings (stray bytes between markers) are common in real files.
static void on_message(j_common_ptr cinfo, int level) {
    if (level == -1 && cinfo->err->msg_code == JWRN_JPEG_EOF) on_error_exit(cinfo);
}

/// For pxc_jpeg_verify: every warning that means the entropy-coded data is damaged or missing is
/// an error, because libjpeg would otherwise paint the damage grey and call it an image.
static void on_message_strict(j_common_ptr cinfo, int level) {
    if (level != -1) return;
    switch (cinfo->err->msg_code) {
    case JWRN_JPEG_EOF: case JWRN_HUFF_BAD_CODE: case JWRN_ARITH_BAD_CODE: case JWRN_HIT_MARKER:
    case JWRN_MUST_RESYNC: case JWRN_BOGUS_PROGRESSION:
        on_error_exit(cinfo);
        break;
    default:
        break;
    }
}

static void install_errors(jpeg_errors *errors, char *err, size_t errlen) {
    jpeg_std_error(&errors->base);
    errors->base.error_exit = on_error_exit;
    errors->base.emit_message = on_message;
    errors->err = err;
    errors->errlen = errlen;
}

/// The smallest n/8 scale whose longer side still reaches min_long_side.
static void choose_scale(struct jpeg_decompress_struct *cinfo, uint32_t min_long_side) {
    if (min_long_side == 0) return;
    uint64_t long_side = cinfo->image_width > cinfo->image_height ? cinfo->image_width : cinfo->image_height;
    unsigned numerator = 1;
    while (numerator < 8 && (long_side * numerator + 7) / 8 < min_long_side) numerator++;
    cinfo->scale_num = numerator;
    cinfo->scale_denom = 8;
}

/// Converts CMYK samples in place to RGBA. Adobe's encoders store the channels inverted.
static void cmyk_to_rgba(uint8_t *pixels, size_t count, bool inverted) {
    for (size_t i = 0; i < count; i++) {
        uint8_t *p = pixels + i * 4;
        unsigned c = p[0], m = p[1], y = p[2], k = p[3];
        if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
        p[0] = (uint8_t)((c * k + 127) / 255);
        p[1] = (uint8_t)((m * k + 127) / 255);
        p[2] = (uint8_t)((y * k + 127) / 255);
        p[3] = 255;
    }
}

/// Reads the header and configures RGBA (or CMYK, converted afterwards) output at the chosen
/// scale. Must run after setjmp: libjpeg reports a bad header by longjmp.
static void read_header(struct jpeg_decompress_struct *cinfo, const uint8_t *data, size_t len,
                        uint32_t min_long_side) {
    jpeg_create_decompress(cinfo);
    jpeg_mem_src(cinfo, data, (unsigned long)len);
    jpeg_read_header(cinfo, TRUE);
    bool cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
    cinfo->out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
    choose_scale(cinfo, min_long_side);
}

pxc_status pxc_jpeg_dimensions(const uint8_t *data, size_t len, uint64_t max_pixels, uint32_t min_long_side,
                               uint32_t *width, uint32_t *height, char *err, size_t errlen) {
    struct jpeg_decompress_struct cinfo;
    jpeg_errors errors;
    cinfo.err = &errors.base;
    install_errors(&errors, err, errlen);
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return PXC_CORRUPT;
    }
    read_header(&cinfo, data, len, min_long_side);
    uint64_t pixels = (uint64_t)cinfo.image_width * cinfo.image_height;
    jpeg_calc_output_dimensions(&cinfo);
    *width = cinfo.output_width;
    *height = cinfo.output_height;
    jpeg_destroy_decompress(&cinfo);
    if (pixels > max_pixels) {
        pxc_message(err, errlen, "%llu pixels is more than the %llu allowed", (unsigned long long)pixels,
                    (unsigned long long)max_pixels);
        return PXC_TOO_LARGE;
    }
    return PXC_OK;
}

pxc_status pxc_jpeg_decode(const uint8_t *data, size_t len, uint32_t min_long_side,
                           uint32_t width, uint32_t height, uint8_t *out, size_t capacity,
                           char *err, size_t errlen) {
    if (capacity < pxc_decode_capacity(width, height)) {
        pxc_message(err, errlen, "output buffer too small");
        return PXC_INVALID;
    }
    struct jpeg_decompress_struct cinfo;
    jpeg_errors errors;
    cinfo.err = &errors.base;
    install_errors(&errors, err, errlen);
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return PXC_CORRUPT;
    }
    read_header(&cinfo, data, len, min_long_side);
    jpeg_start_decompress(&cinfo);
    if (cinfo.output_width != width || cinfo.output_height != height) {
        pxc_message(err, errlen, "image size differs from its header");
        longjmp(errors.jump, 1);
    }
    size_t stride = (size_t)width * 4;
    enum { batch = 16 };
    JSAMPROW rows[batch];
    while (cinfo.output_scanline < height) {
        JDIMENSION count = height - cinfo.output_scanline < batch ? height - cinfo.output_scanline : batch;
        for (JDIMENSION i = 0; i < count; i++) rows[i] = out + stride * (cinfo.output_scanline + i);
        jpeg_read_scanlines(&cinfo, rows, count);
    }
    if (cinfo.out_color_space == JCS_CMYK) cmyk_to_rgba(out, (size_t)width * height, cinfo.saw_Adobe_marker);
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return PXC_OK;
}

pxc_status pxc_jpeg_verify(const uint8_t *data, size_t len, uint64_t max_pixels,
                           uint32_t *width, uint32_t *height, char *err, size_t errlen) {
    struct jpeg_decompress_struct cinfo;
    jpeg_errors errors;
    cinfo.err = &errors.base;
    install_errors(&errors, err, errlen);
    errors.base.emit_message = on_message_strict;
    JSAMPROW volatile row = NULL;
    if (setjmp(errors.jump)) {
        free(row);
        jpeg_destroy_decompress(&cinfo);
        return PXC_CORRUPT;
    }
    read_header(&cinfo, data, len, 0);
    if ((uint64_t)cinfo.image_width * cinfo.image_height > max_pixels) {
        pxc_message(err, errlen, "%ux%u pixels is more than the %llu allowed", cinfo.image_width, cinfo.image_height,
                    (unsigned long long)max_pixels);
        jpeg_destroy_decompress(&cinfo);
        return PXC_TOO_LARGE;
    }
    jpeg_start_decompress(&cinfo);
    row = malloc((size_t)cinfo.output_width * cinfo.output_components);
    if (!row) ERREXIT(&cinfo, JERR_OUT_OF_MEMORY);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[1] = {row};
        jpeg_read_scanlines(&cinfo, rows, 1);
    }
    *width = cinfo.image_width;
    *height = cinfo.image_height;
    jpeg_finish_decompress(&cinfo);
    free(row);
    jpeg_destroy_decompress(&cinfo);
    return PXC_OK;
}

/// A destination manager writing into a pxc_buffer the caller can free on any error path.
typedef struct buffer_destination {
    struct jpeg_destination_mgr base;
    pxc_buffer buffer;
} buffer_destination;

enum { destination_chunk = 65536 };

static void destination_init(j_compress_ptr cinfo) {
    buffer_destination *destination = (buffer_destination *)cinfo->dest;
    if (!pxc_buffer_reserve(&destination->buffer, destination_chunk)) ERREXIT(cinfo, JERR_OUT_OF_MEMORY);
    destination->base.next_output_byte = destination->buffer.data;
    destination->base.free_in_buffer = destination->buffer.capacity;
}

static boolean destination_empty(j_compress_ptr cinfo) {
    buffer_destination *destination = (buffer_destination *)cinfo->dest;
    destination->buffer.length = destination->buffer.capacity;
    if (!pxc_buffer_reserve(&destination->buffer, destination_chunk)) ERREXIT(cinfo, JERR_OUT_OF_MEMORY);
    destination->base.next_output_byte = destination->buffer.data + destination->buffer.length;
    destination->base.free_in_buffer = destination->buffer.capacity - destination->buffer.length;
    return TRUE;
}

static void destination_term(j_compress_ptr cinfo) {
    buffer_destination *destination = (buffer_destination *)cinfo->dest;
    destination->buffer.length = destination->buffer.capacity - destination->base.free_in_buffer;
}

pxc_status pxc_jpeg_encode(const uint8_t *rgba, uint32_t width, uint32_t height, int quality,
                           uint8_t **out, size_t *outlen, char *err, size_t errlen) {
    *out = NULL;
    *outlen = 0;
    if (width == 0 || height == 0 || width > JPEG_MAX_DIMENSION || height > JPEG_MAX_DIMENSION
        || quality < 1 || quality > 100) {
        pxc_message(err, errlen, "cannot encode a %ux%u JPEG at quality %d", width, height, quality);
        return PXC_INVALID;
    }
    struct jpeg_compress_struct cinfo;
    jpeg_errors errors;
    buffer_destination destination = {
        .base = {.init_destination = destination_init, .empty_output_buffer = destination_empty,
                 .term_destination = destination_term},
    };
    cinfo.err = &errors.base;
    install_errors(&errors, err, errlen);
    if (setjmp(errors.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(destination.buffer.data);
        return PXC_NO_MEMORY;
    }
    jpeg_create_compress(&cinfo);
    cinfo.dest = &destination.base;
    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_EXT_RGBA;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    size_t stride = (size_t)width * 4;
    while (cinfo.next_scanline < height) {
        JSAMPROW row = (JSAMPROW)(rgba + stride * cinfo.next_scanline);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = destination.buffer.data;
    *outlen = destination.buffer.length;
    return PXC_OK;
}
