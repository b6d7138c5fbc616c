// libpng decode and encode. Every setjmp of the project's PNG code is in this file: libpng
// reports fatal errors by longjmp-ing to png_jmpbuf, which must never cross a Swift frame, so
// each exported function sets its own jump point and turns the error into a return code and
// a message. Warnings are swallowed: the library never prints.
#include "CPNG.h"
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CPNG_MESSAGE_SIZE 256

// MARK: - Errors

// Both the decoder and the writer state start with the message buffer, so one error
// callback serves both (png_get_error_ptr returns the struct).
typedef struct {
    char message[CPNG_MESSAGE_SIZE];
} cpng_error_state;

static void cpng_error_fn(png_structp png, png_const_charp text) {
    cpng_error_state *state = (cpng_error_state *)png_get_error_ptr(png);
    if (state != NULL) snprintf(state->message, sizeof state->message, "%s", text ? text : "libpng error");
    png_longjmp(png, 1);
}

static void cpng_warning_fn(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

static void cpng_set_message(char *msg, size_t msg_size, const char *text) {
    if (msg != NULL && msg_size > 0) snprintf(msg, msg_size, "%s", text);
}

// MARK: - Decoder

struct cpng_decoder {
    char message[CPNG_MESSAGE_SIZE];  // first member: see cpng_error_state
    png_structp png;
    png_infop info;
    const uint8_t *data;
    size_t size;
    size_t position;
    int truncated;
    int used;  // pixels may be read once
    png_bytep *rows;
    cpng_header header;
};

static void cpng_read_fn(png_structp png, png_bytep out, size_t count) {
    cpng_decoder *decoder = (cpng_decoder *)png_get_io_ptr(png);
    if (count > decoder->size - decoder->position) {
        decoder->truncated = 1;
        png_error(png, "the data ends before the image is complete");
    }
    memcpy(out, decoder->data + decoder->position, count);
    decoder->position += count;
}

static int cpng_fail(cpng_decoder *decoder, char *msg, size_t msg_size) {
    cpng_set_message(msg, msg_size, decoder->message);
    return decoder->truncated ? CPNG_ERR_TRUNCATED : CPNG_ERR_DECODE;
}

int cpng_decoder_open(const uint8_t *data, size_t size, cpng_decoder **out, cpng_header *header, char *msg,
                      size_t msg_size) {
    if (out == NULL || header == NULL || (data == NULL && size > 0)) {
        cpng_set_message(msg, msg_size, "invalid argument");
        return CPNG_ERR_ARGUMENT;
    }
    *out = NULL;
    if (size < 8 || png_sig_cmp((png_const_bytep)data, 0, 8) != 0) {
        cpng_set_message(msg, msg_size, "not a PNG file (bad signature)");
        return CPNG_ERR_SIGNATURE;
    }
    cpng_decoder *decoder = (cpng_decoder *)calloc(1, sizeof(cpng_decoder));
    if (decoder == NULL) {
        cpng_set_message(msg, msg_size, "out of memory");
        return CPNG_ERR_MEMORY;
    }
    decoder->data = data;
    decoder->size = size;
    decoder->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, decoder, cpng_error_fn, cpng_warning_fn);
    if (decoder->png != NULL) decoder->info = png_create_info_struct(decoder->png);
    if (decoder->png == NULL || decoder->info == NULL) {
        cpng_decoder_close(decoder);
        cpng_set_message(msg, msg_size, "libpng could not be initialised");
        return CPNG_ERR_MEMORY;
    }
    if (setjmp(png_jmpbuf(decoder->png))) {
        int code = cpng_fail(decoder, msg, msg_size);
        cpng_decoder_close(decoder);
        return code;
    }
    png_set_read_fn(decoder->png, decoder, cpng_read_fn);
    // The caller enforces its own size limits (before this call); lift libpng's defaults
    // so that they do not turn a size refusal into a vague error.
    png_set_user_limits(decoder->png, 0x7fffffff, 0x7fffffff);
    // A CRC error in any chunk, critical or ancillary, is an error.
    png_set_crc_action(decoder->png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
    // Skip (but still CRC-check) every ancillary chunk except tRNS: no text, ICC or EXIF is
    // parsed or decompressed, so no metadata can leak and no zTXt/iCCP bomb is inflated.
    png_set_keep_unknown_chunks(decoder->png, PNG_HANDLE_CHUNK_NEVER, NULL, -1);
    png_read_info(decoder->png, decoder->info);

    cpng_header h;
    h.width = png_get_image_width(decoder->png, decoder->info);
    h.height = png_get_image_height(decoder->png, decoder->info);
    h.bit_depth = png_get_bit_depth(decoder->png, decoder->info);
    h.color_type = png_get_color_type(decoder->png, decoder->info);
    h.interlaced = png_get_interlace_type(decoder->png, decoder->info) != PNG_INTERLACE_NONE;
    h.has_trns = png_get_valid(decoder->png, decoder->info, PNG_INFO_tRNS) != 0;
    decoder->header = h;
    *header = h;
    *out = decoder;
    return CPNG_OK;
}

// Reads every row into dst once the transforms are set; `bytes_per_pixel` is 4 or 8.
static int cpng_read_rows(cpng_decoder *decoder, uint8_t *dst, size_t dst_size, size_t bytes_per_pixel, char *msg,
                          size_t msg_size) {
    png_structp png = decoder->png;
    size_t width = decoder->header.width;
    size_t height = decoder->header.height;
    size_t row_bytes = width * bytes_per_pixel;
    if (decoder->used || dst == NULL || height == 0 || row_bytes / bytes_per_pixel != width ||
        dst_size / row_bytes < height || dst_size != row_bytes * height) {
        cpng_set_message(msg, msg_size, "destination buffer does not match the image size, or already read");
        return CPNG_ERR_ARGUMENT;
    }
    decoder->used = 1;
    png_set_interlace_handling(png);
    png_read_update_info(png, decoder->info);
    if (png_get_rowbytes(png, decoder->info) != row_bytes) {
        cpng_set_message(msg, msg_size, "unexpected row size after expansion");
        return CPNG_ERR_DECODE;
    }
    decoder->rows = (png_bytep *)malloc(height * sizeof(png_bytep));
    if (decoder->rows == NULL) {
        cpng_set_message(msg, msg_size, "out of memory");
        return CPNG_ERR_MEMORY;
    }
    for (size_t y = 0; y < height; y++) decoder->rows[y] = dst + y * row_bytes;
    png_read_image(png, decoder->rows);
    // The chunks after the image data too: their CRCs, and IEND (a file without it is cut).
    png_read_end(png, NULL);
    return CPNG_OK;
}

int cpng_decoder_read_rgba8(cpng_decoder *decoder, uint8_t *dst, size_t dst_size, char *msg, size_t msg_size) {
    if (decoder == NULL) {
        cpng_set_message(msg, msg_size, "invalid argument");
        return CPNG_ERR_ARGUMENT;
    }
    png_structp png = decoder->png;
    if (setjmp(png_jmpbuf(png))) return cpng_fail(decoder, msg, msg_size);
    int color_type = decoder->header.color_type;
    // Rounded 16 -> 8 bit (v * 255 / 65535), not a truncation to the high byte.
    if (decoder->header.bit_depth == 16) png_set_scale_16(png);
    // Palette -> RGB, grey below 8 bits -> 8 bits, tRNS -> alpha channel.
    png_set_expand(png);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    // Opaque alpha for types without one (no effect once tRNS became alpha).
    png_set_filler(png, 0xff, PNG_FILLER_AFTER);
    return cpng_read_rows(decoder, dst, dst_size, 4, msg, msg_size);
}

int cpng_decoder_read_rgba16(cpng_decoder *decoder, uint16_t *dst, size_t dst_count, char *msg, size_t msg_size) {
    if (decoder == NULL || dst_count > SIZE_MAX / 2) {
        cpng_set_message(msg, msg_size, "invalid argument");
        return CPNG_ERR_ARGUMENT;
    }
    png_structp png = decoder->png;
    if (setjmp(png_jmpbuf(png))) return cpng_fail(decoder, msg, msg_size);
    int color_type = decoder->header.color_type;
    // Everything to 16 bits per sample (exact: an 8-bit v becomes v * 257).
    png_set_expand_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    png_set_filler(png, 0xffff, PNG_FILLER_AFTER);
    // PNG samples are big-endian; hand out host order.
    const uint16_t probe = 1;
    if (*(const uint8_t *)&probe == 1) png_set_swap(png);
    return cpng_read_rows(decoder, (uint8_t *)dst, dst_count * 2, 8, msg, msg_size);
}

void cpng_decoder_close(cpng_decoder *decoder) {
    if (decoder == NULL) return;
    if (decoder->png != NULL) png_destroy_read_struct(&decoder->png, decoder->info ? &decoder->info : NULL, NULL);
    free(decoder->rows);
    free(decoder);
}

// MARK: - Output buffer

void cpng_buffer_free(cpng_buffer *buffer) {
    if (buffer == NULL) return;
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
    buffer->capacity = 0;
}

// MARK: - Encoder through libpng + zlib

typedef struct {
    char message[CPNG_MESSAGE_SIZE];  // first member: see cpng_error_state
    cpng_buffer *out;
} cpng_writer;

static void cpng_write_fn(png_structp png, png_bytep data, size_t count) {
    cpng_writer *writer = (cpng_writer *)png_get_io_ptr(png);
    cpng_buffer *out = writer->out;
    if (count > out->capacity - out->size) {
        size_t capacity = out->capacity < 4096 ? 4096 : out->capacity;
        while (capacity - out->size < count) {
            if (capacity > SIZE_MAX / 2) png_error(png, "output too large");
            capacity *= 2;
        }
        uint8_t *grown = (uint8_t *)realloc(out->data, capacity);
        if (grown == NULL) png_error(png, "out of memory");
        out->data = grown;
        out->capacity = capacity;
    }
    memcpy(out->data + out->size, data, count);
    out->size += count;
}

static void cpng_flush_fn(png_structp png) { (void)png; }

static int cpng_libpng_filter(int filter) {
    switch (filter) {
    case CPNG_FILTER_NONE: return PNG_FILTER_NONE;
    case CPNG_FILTER_SUB: return PNG_FILTER_SUB;
    case CPNG_FILTER_UP: return PNG_FILTER_UP;
    case CPNG_FILTER_AVERAGE: return PNG_FILTER_AVG;
    case CPNG_FILTER_PAETH: return PNG_FILTER_PAETH;
    default: return PNG_ALL_FILTERS;
    }
}

int cpng_encode_libpng(const uint8_t *rgba, uint32_t width, uint32_t height, size_t stride, int level, int filter,
                       cpng_buffer *out, char *msg, size_t msg_size) {
    if (rgba == NULL || out == NULL || width == 0 || height == 0 || width > 0x7fffffff || height > 0x7fffffff ||
        stride < (size_t)width * 4 || level < 0 || level > 9 || filter < 0 || filter > CPNG_FILTER_ADAPTIVE) {
        cpng_set_message(msg, msg_size, "invalid argument (empty image, stride or level out of range)");
        return CPNG_ERR_ARGUMENT;
    }
    out->data = NULL;
    out->size = 0;
    out->capacity = 0;
    cpng_writer writer;
    memset(&writer, 0, sizeof writer);
    writer.out = out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &writer, cpng_error_fn, cpng_warning_fn);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    if (png == NULL || info == NULL) {
        png_destroy_write_struct(&png, NULL);
        cpng_set_message(msg, msg_size, "libpng could not be initialised");
        return CPNG_ERR_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        cpng_buffer_free(out);
        cpng_set_message(msg, msg_size, writer.message);
        return CPNG_ERR_ENCODE;
    }
    png_set_write_fn(png, &writer, cpng_write_fn, cpng_flush_fn);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, cpng_libpng_filter(filter));
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (uint32_t y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(rgba + (size_t)y * stride));
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return CPNG_OK;
}

unsigned long cpng_libpng_version(void) { return (unsigned long)png_access_version_number(); }
