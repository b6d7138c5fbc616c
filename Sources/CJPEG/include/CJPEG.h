// Thin C shim over libjpeg-turbo. libjpeg's error_exit longjmps back into cjpeg.c; every
// function returns 0 on success or a negative CJPEG_ERR_* code and fills a message buffer.
// libjpeg's own messages are never printed.
#ifndef CJPEG_H
#define CJPEG_H
#include <stddef.h>
#include <stdint.h>

/// Result codes (0 is success).
enum {
    CJPEG_OK = 0,
    /// libjpeg reported an error (bad markers, bad Huffman data, unsupported feature...).
    CJPEG_ERR_DECODE = -2,
    /// The data ended before the image was complete.
    CJPEG_ERR_TRUNCATED = -3,
    /// Out of memory, or over the memory limit given to the decoder.
    CJPEG_ERR_MEMORY = -4,
    /// Encoding failed.
    CJPEG_ERR_ENCODE = -5,
    /// A caller bug: wrong buffer size, bad argument.
    CJPEG_ERR_ARGUMENT = -6,
    /// The colour space cannot be converted to RGB.
    CJPEG_ERR_UNSUPPORTED = -7,
    /// More scans than the limit (a progressive "scan bomb").
    CJPEG_ERR_TOO_MANY_SCANS = -8,
};

/// What `jpeg_read_header` found.
typedef struct {
    uint32_t width;
    uint32_t height;
    /// Components in the file (1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK).
    int components;
    /// libjpeg's J_COLOR_SPACE of the file.
    int color_space;
    /// 1 for a progressive JPEG.
    int progressive;
    /// 1 when an Adobe APP14 marker was seen (CMYK data is then stored inverted).
    int adobe;
} cjpeg_header;

/// An open decoder: header read, no pixel memory allocated yet.
typedef struct cjpeg_decoder cjpeg_decoder;

/// Opens a decoder over `data` (not copied: it must outlive the decoder) and reads the
/// header. `max_memory` bounds libjpeg's large buffers (0: no bound); `max_scans` bounds the
/// scans of a progressive file (0: no bound). Release `*out` with `cjpeg_decoder_close`.
int cjpeg_decoder_open(const uint8_t *data, size_t size, long max_memory, int max_scans, cjpeg_decoder **out,
                       cjpeg_header *header, char *msg, size_t msg_size);

/// Decodes the image into `dst` as 8-bit RGBA, alpha 255 (`width * height * 4` bytes).
/// Grey and YCbCr go through libjpeg-turbo's `JCS_EXT_RGBA` output; CMYK/YCCK are converted
/// here (Adobe files store inverted CMYK). `*warnings` receives the number of corrupt-data
/// warnings libjpeg recovered from. A file that ends early is CJPEG_ERR_TRUNCATED.
int cjpeg_decoder_read_rgba8(cjpeg_decoder *decoder, uint8_t *dst, size_t dst_size, int *warnings, char *msg,
                             size_t msg_size);

/// Releases a decoder (NULL is allowed).
void cjpeg_decoder_close(cjpeg_decoder *decoder);

/// Encoded bytes owned by C; release with `cjpeg_buffer_free`.
typedef struct {
    uint8_t *data;
    size_t size;
} cjpeg_buffer;

/// Frees the buffer's memory and zeroes it.
void cjpeg_buffer_free(cjpeg_buffer *buffer);

/// Encodes 8-bit RGBA (`stride` bytes a row; alpha ignored) as a baseline JPEG through
/// `JCS_EXT_RGBA` at `quality` (1-100), 4:2:0 chroma. Only a JFIF header; no metadata.
int cjpeg_encode_rgba8(const uint8_t *rgba, uint32_t width, uint32_t height, size_t stride, int quality,
                       cjpeg_buffer *out, char *msg, size_t msg_size);

/// libjpeg's API version (e.g. 62).
int cjpeg_lib_version(void);

#endif
