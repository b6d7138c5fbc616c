// Thin C shim over libpng (and libdeflate for the fast encoder). All setjmp/longjmp lives in
// cpng.c; every function returns 0 on success or a negative CPNG_ERR_* code and fills the
// caller's message buffer. libpng warnings are silenced (never printed).
#ifndef CPNG_H
#define CPNG_H
#include <stddef.h>
#include <stdint.h>

/// Result codes (0 is success).
enum {
    CPNG_OK = 0,
    /// Not a PNG (bad signature).
    CPNG_ERR_SIGNATURE = -1,
    /// libpng reported an error (bad chunk, CRC error, invalid header, bad zlib data...).
    CPNG_ERR_DECODE = -2,
    /// The data ended before the image was complete.
    CPNG_ERR_TRUNCATED = -3,
    /// Out of memory, or libpng could not be set up.
    CPNG_ERR_MEMORY = -4,
    /// Encoding failed.
    CPNG_ERR_ENCODE = -5,
    /// A caller bug: wrong buffer size, bad argument.
    CPNG_ERR_ARGUMENT = -6,
    /// The fast decoder does not take this file: decode it with libpng instead.
    CPNG_ERR_NOT_HANDLED = -7,
};

/// The header of a PNG, read before any pixel is decoded.
typedef struct {
    uint32_t width;
    uint32_t height;
    /// 1, 2, 4, 8 or 16.
    int bit_depth;
    /// PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.
    int color_type;
    /// 1 when Adam7-interlaced.
    int interlaced;
    /// 1 when a tRNS chunk gives transparency.
    int has_trns;
} cpng_header;

/// An open decoder: header read, pixels not yet decoded.
typedef struct cpng_decoder cpng_decoder;

/// Opens a decoder over `data` (not copied: it must outlive the decoder) and reads the
/// header up to the first IDAT. No pixel memory is allocated. On success `*out` must be
/// released with `cpng_decoder_close`.
int cpng_decoder_open(const uint8_t *data, size_t size, cpng_decoder **out, cpng_header *header, char *msg,
                      size_t msg_size);

/// Decodes the whole image into `dst` as 8-bit RGBA (`width * height * 4` bytes, rows top to
/// bottom). Any colour type and bit depth is expanded; 16-bit samples are scaled (rounded).
int cpng_decoder_read_rgba8(cpng_decoder *decoder, uint8_t *dst, size_t dst_size, char *msg, size_t msg_size);

/// Decodes the whole image into `dst` as 16-bit RGBA in host byte order
/// (`width * height * 4` samples). Lower bit depths are scaled up exactly (v * 65535 / max).
int cpng_decoder_read_rgba16(cpng_decoder *decoder, uint16_t *dst, size_t dst_count, char *msg, size_t msg_size);

/// Releases a decoder (NULL is allowed).
void cpng_decoder_close(cpng_decoder *decoder);

/// Decodes a clean, non-interlaced 8-bit grey, grey+alpha, RGB, RGBA or palette PNG into `dst`
/// (RGBA8, the first `width * height * 4` bytes) with libdeflate. With `dst_capacity` of at
/// least `height * (width * 4 + 1)` an RGBA file is decoded in place, without a second buffer.
/// Returns CPNG_ERR_NOT_HANDLED for any other file and for any anomaly (CRC error, bad or
/// short zlib data, odd chunk order): the caller then decodes with libpng. `dst` may have been
/// written to in that case.
int cpng_decode_fast_rgba8(const uint8_t *data, size_t size, uint8_t *dst, size_t dst_capacity, char *msg,
                           size_t msg_size);

/// A growable output buffer owned by C; release with `cpng_buffer_free`.
typedef struct {
    uint8_t *data;
    size_t size;
    size_t capacity;
} cpng_buffer;

/// Frees the buffer's memory and zeroes it.
void cpng_buffer_free(cpng_buffer *buffer);

/// Row filters for the fast encoder.
enum {
    CPNG_FILTER_NONE = 0,
    CPNG_FILTER_SUB = 1,
    CPNG_FILTER_UP = 2,
    CPNG_FILTER_AVERAGE = 3,
    CPNG_FILTER_PAETH = 4,
    /// Per row, the filter with the smallest sum of absolute values (libpng's heuristic).
    CPNG_FILTER_ADAPTIVE = 5,
};

/// Encodes 8-bit RGBA (`stride` bytes a row) as a PNG with libdeflate at `level` (0-12):
/// signature, IHDR, IDAT, IEND written here, CRC32 from libdeflate. No metadata chunk.
int cpng_encode_fast(const uint8_t *rgba, uint32_t width, uint32_t height, size_t stride, int level, int filter,
                     cpng_buffer *out, char *msg, size_t msg_size);

/// Encodes 8-bit RGBA through libpng + zlib at `level` (0-9). `filter` is a CPNG_FILTER_*
/// value, or CPNG_FILTER_ADAPTIVE for libpng's default choice. No metadata chunk.
int cpng_encode_libpng(const uint8_t *rgba, uint32_t width, uint32_t height, size_t stride, int level, int filter,
                       cpng_buffer *out, char *msg, size_t msg_size);

/// CRC-32 (as in PNG chunks) of `size` bytes, continuing from `crc` (start with 0).
uint32_t cpng_crc32(uint32_t crc, const uint8_t *data, size_t size);

/// libpng's version number (e.g. 10639).
unsigned long cpng_libpng_version(void);

#endif
