// libjpeg-turbo decode and encode. Every setjmp of the project's JPEG code is in this file:
// libjpeg's error_exit is replaced by a longjmp to the exported function that called it, which
// turns it into a return code and a message. Nothing is printed. State that must survive a
// longjmp lives in heap structs, never in automatic variables changed after setjmp.
#include "CJPEG.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
// jpeglib.h needs FILE and size_t first.
#include <jerror.h>
#include <jpeglib.h>

// MARK: - Errors and warnings

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    char first_warning[JMSG_LENGTH_MAX];
    int warnings;
    int code;  // the CJPEG_ERR_* to return after the jump
} cjpeg_error_mgr;

static void cjpeg_error_exit(j_common_ptr cinfo) {
    cjpeg_error_mgr *err = (cjpeg_error_mgr *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, err->message);
    if (err->code == CJPEG_OK) err->code = cinfo->err->msg_code == JERR_OUT_OF_MEMORY ? CJPEG_ERR_MEMORY : CJPEG_ERR_DECODE;
    longjmp(err->jump, 1);
}

// Warnings (level -1) are corrupt-data messages libjpeg recovers from: they are counted and
// the image decodes, except "premature end of data", which stops the decode as truncated
// (libjpeg would otherwise fill the rest of the image with grey).
static void cjpeg_emit_message(j_common_ptr cinfo, int msg_level) {
    cjpeg_error_mgr *err = (cjpeg_error_mgr *)cinfo->err;
    if (msg_level >= 0) return;  // trace messages
    if (err->warnings == 0) (*cinfo->err->format_message)(cinfo, err->first_warning);
    err->warnings++;
    cinfo->err->num_warnings++;
    if (cinfo->err->msg_code == JWRN_JPEG_EOF) {
        snprintf(err->message, sizeof err->message, "the data ends before the image is complete");
        err->code = CJPEG_ERR_TRUNCATED;
        longjmp(err->jump, 1);
    }
}

static void cjpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void cjpeg_install_errors(cjpeg_error_mgr *err) {
    jpeg_std_error(&err->pub);
    err->pub.error_exit = cjpeg_error_exit;
    err->pub.emit_message = cjpeg_emit_message;
    err->pub.output_message = cjpeg_output_message;
    err->message[0] = 0;
    err->first_warning[0] = 0;
    err->warnings = 0;
    err->code = CJPEG_OK;
}

static void cjpeg_set_message(char *msg, size_t msg_size, const char *text) {
    if (msg != NULL && msg_size > 0) snprintf(msg, msg_size, "%s", text);
}

// MARK: - Decoder

struct cjpeg_decoder {
    struct jpeg_decompress_struct cinfo;  // first member: the progress monitor casts back
    cjpeg_error_mgr err;
    struct jpeg_progress_mgr progress;
    int max_scans;
    int used;
    cjpeg_header header;
};

// Called by libjpeg between passes; stops files with absurd scan counts.
static void cjpeg_progress_monitor(j_common_ptr cinfo) {
    cjpeg_decoder *decoder = (cjpeg_decoder *)cinfo;
    if (decoder->max_scans > 0 && decoder->cinfo.input_scan_number > decoder->max_scans) {
        snprintf(decoder->err.message, sizeof decoder->err.message, "more than %d scans in a progressive JPEG",
                 decoder->max_scans);
        decoder->err.code = CJPEG_ERR_TOO_MANY_SCANS;
        longjmp(decoder->err.jump, 1);
    }
}

static int cjpeg_fail(cjpeg_decoder *decoder, char *msg, size_t msg_size) {
    cjpeg_set_message(msg, msg_size, decoder->err.message);
    return decoder->err.code == CJPEG_OK ? CJPEG_ERR_DECODE : decoder->err.code;
}

int cjpeg_decoder_open(const uint8_t *data, size_t size, long max_memory, int max_scans, cjpeg_decoder **out,
                       cjpeg_header *header, char *msg, size_t msg_size) {
    if (out == NULL || header == NULL || (data == NULL && size > 0)) {
        cjpeg_set_message(msg, msg_size, "invalid argument");
        return CJPEG_ERR_ARGUMENT;
    }
    *out = NULL;
    cjpeg_decoder *decoder = (cjpeg_decoder *)calloc(1, sizeof(cjpeg_decoder));
    if (decoder == NULL) {
        cjpeg_set_message(msg, msg_size, "out of memory");
        return CJPEG_ERR_MEMORY;
    }
    decoder->max_scans = max_scans;
    decoder->cinfo.err = &decoder->err.pub;
    cjpeg_install_errors(&decoder->err);
    if (setjmp(decoder->err.jump)) {
        int code = cjpeg_fail(decoder, msg, msg_size);
        cjpeg_decoder_close(decoder);
        return code;
    }
    jpeg_create_decompress(&decoder->cinfo);
    if (max_memory > 0) decoder->cinfo.mem->max_memory_to_use = max_memory;
    decoder->progress.progress_monitor = cjpeg_progress_monitor;
    decoder->cinfo.progress = &decoder->progress;
    jpeg_mem_src(&decoder->cinfo, (const unsigned char *)data, (unsigned long)size);
    if (jpeg_read_header(&decoder->cinfo, TRUE) != JPEG_HEADER_OK) {
        snprintf(decoder->err.message, sizeof decoder->err.message, "the file holds tables but no image");
        longjmp(decoder->err.jump, 1);
    }
    cjpeg_header h;
    h.width = decoder->cinfo.image_width;
    h.height = decoder->cinfo.image_height;
    h.components = decoder->cinfo.num_components;
    h.color_space = (int)decoder->cinfo.jpeg_color_space;
    h.progressive = decoder->cinfo.progressive_mode ? 1 : 0;
    h.adobe = decoder->cinfo.saw_Adobe_marker ? 1 : 0;
    decoder->header = h;
    *header = h;
    *out = decoder;
    return CJPEG_OK;
}

// CMYK to RGB, rows of 4-byte pixels in place: R = (255 - C)(255 - K) / 255, rounded.
// Adobe files store the inks inverted (255 - C), so the stored values multiply directly.
static void cjpeg_cmyk_to_rgba(uint8_t *restrict row, size_t width, int inverted) {
    for (size_t x = 0; x < width; x++) {
        uint8_t *p = row + x * 4;
        unsigned c = p[0], m = p[1], y = p[2], k = p[3];
        if (!inverted) {
            c = 255 - c;
            m = 255 - m;
            y = 255 - y;
            k = 255 - k;
        }
        p[0] = (uint8_t)((c * k + 127) / 255);
        p[1] = (uint8_t)((m * k + 127) / 255);
        p[2] = (uint8_t)((y * k + 127) / 255);
        p[3] = 255;
    }
}

int cjpeg_decoder_read_rgba8(cjpeg_decoder *decoder, uint8_t *dst, size_t dst_size, int *warnings, char *msg,
                             size_t msg_size) {
    if (decoder == NULL || dst == NULL || warnings == NULL || decoder->used) {
        cjpeg_set_message(msg, msg_size, "invalid argument, or already read");
        return CJPEG_ERR_ARGUMENT;
    }
    decoder->used = 1;
    j_decompress_ptr cinfo = &decoder->cinfo;
    size_t width = cinfo->image_width;
    size_t height = cinfo->image_height;
    if (width == 0 || height == 0 || dst_size / 4 / width != height || dst_size != width * height * 4) {
        cjpeg_set_message(msg, msg_size, "destination buffer does not match the image size");
        return CJPEG_ERR_ARGUMENT;
    }
    int cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
    switch (cinfo->jpeg_color_space) {
    case JCS_CMYK:
    case JCS_YCCK: cinfo->out_color_space = JCS_CMYK; break;
    case JCS_GRAYSCALE:
    case JCS_YCbCr:
    case JCS_RGB: cinfo->out_color_space = JCS_EXT_RGBA; break;
    default:
        cjpeg_set_message(msg, msg_size, "unsupported JPEG colour space");
        return CJPEG_ERR_UNSUPPORTED;
    }
    if (setjmp(decoder->err.jump)) return cjpeg_fail(decoder, msg, msg_size);
    jpeg_start_decompress(cinfo);
    if (cinfo->output_width != width || cinfo->output_height != height || cinfo->output_components != 4) {
        snprintf(decoder->err.message, sizeof decoder->err.message, "unexpected output size from libjpeg");
        longjmp(decoder->err.jump, 1);
    }
    // Rows are decoded straight into the destination (CMYK too, converted in place).
    size_t row_bytes = width * 4;
    while (cinfo->output_scanline < height) {
        JSAMPROW rows[16];
        size_t first = cinfo->output_scanline;
        size_t count = height - first < 16 ? height - first : 16;
        for (size_t i = 0; i < count; i++) rows[i] = dst + (first + i) * row_bytes;
        JDIMENSION read = jpeg_read_scanlines(cinfo, rows, (JDIMENSION)count);
        if (read == 0) {
            snprintf(decoder->err.message, sizeof decoder->err.message, "libjpeg returned no scanline");
            longjmp(decoder->err.jump, 1);
        }
        if (cmyk)
            for (size_t i = 0; i < read; i++) cjpeg_cmyk_to_rgba(rows[i], width, decoder->header.adobe);
    }
    *warnings = decoder->err.warnings;
    return CJPEG_OK;
}

void cjpeg_decoder_close(cjpeg_decoder *decoder) {
    if (decoder == NULL) return;
    jpeg_destroy_decompress(&decoder->cinfo);
    free(decoder);
}

// MARK: - Encoder

void cjpeg_buffer_free(cjpeg_buffer *buffer) {
    if (buffer == NULL) return;
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
}

typedef struct {
    struct jpeg_compress_struct cinfo;
    cjpeg_error_mgr err;
    unsigned char *buffer;
    unsigned long size;
} cjpeg_encoder;

int cjpeg_encode_rgba8(const uint8_t *rgba, uint32_t width, uint32_t height, size_t stride, int quality,
                       cjpeg_buffer *out, char *msg, size_t msg_size) {
    if (rgba == NULL || out == NULL || width == 0 || height == 0 || width > JPEG_MAX_DIMENSION ||
        height > JPEG_MAX_DIMENSION || stride < (size_t)width * 4 || quality < 1 || quality > 100) {
        cjpeg_set_message(msg, msg_size, "invalid argument (empty or oversized image, stride, or quality)");
        return CJPEG_ERR_ARGUMENT;
    }
    out->data = NULL;
    out->size = 0;
    cjpeg_encoder *encoder = (cjpeg_encoder *)calloc(1, sizeof(cjpeg_encoder));
    if (encoder == NULL) {
        cjpeg_set_message(msg, msg_size, "out of memory");
        return CJPEG_ERR_MEMORY;
    }
    encoder->cinfo.err = &encoder->err.pub;
    cjpeg_install_errors(&encoder->err);
    if (setjmp(encoder->err.jump)) {
        cjpeg_set_message(msg, msg_size, encoder->err.message);
        jpeg_destroy_compress(&encoder->cinfo);
        free(encoder->buffer);
        free(encoder);
        return CJPEG_ERR_ENCODE;
    }
    jpeg_create_compress(&encoder->cinfo);
    jpeg_mem_dest(&encoder->cinfo, &encoder->buffer, &encoder->size);
    encoder->cinfo.image_width = width;
    encoder->cinfo.image_height = height;
    encoder->cinfo.input_components = 4;
    encoder->cinfo.in_color_space = JCS_EXT_RGBA;
    jpeg_set_defaults(&encoder->cinfo);
    jpeg_set_quality(&encoder->cinfo, quality, TRUE);
    jpeg_start_compress(&encoder->cinfo, TRUE);
    while (encoder->cinfo.next_scanline < height) {
        JSAMPROW rows[16];
        size_t first = encoder->cinfo.next_scanline;
        size_t count = height - first < 16 ? height - first : 16;
        for (size_t i = 0; i < count; i++) rows[i] = (JSAMPROW)(rgba + (first + i) * stride);
        jpeg_write_scanlines(&encoder->cinfo, rows, (JDIMENSION)count);
    }
    jpeg_finish_compress(&encoder->cinfo);
    jpeg_destroy_compress(&encoder->cinfo);
    out->data = encoder->buffer;
    out->size = encoder->size;
    free(encoder);
    return CJPEG_OK;
}

int cjpeg_lib_version(void) { return JPEG_LIB_VERSION; }
