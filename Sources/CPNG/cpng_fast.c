// The fast PNG encoder: row filters written here (plain loops that clang vectorises),
// whole-buffer zlib compression with libdeflate, and the four chunks a PNG needs (signature,
// IHDR, IDAT, IEND) with their CRC32s. libdeflate never longjmps: no setjmp here.
#include "CPNG.h"
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// MARK: - Row filters (PNG specification, section 9; 4 bytes a pixel)

static void filter_sub(uint8_t *restrict out, const uint8_t *restrict row, size_t n) {
    for (size_t i = 0; i < 4 && i < n; i++) out[i] = row[i];
    for (size_t i = 4; i < n; i++) out[i] = (uint8_t)(row[i] - row[i - 4]);
}

static void filter_up(uint8_t *restrict out, const uint8_t *restrict row, const uint8_t *restrict prior, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(row[i] - prior[i]);
}

static void filter_average(uint8_t *restrict out, const uint8_t *restrict row, const uint8_t *restrict prior,
                           size_t n) {
    for (size_t i = 0; i < 4 && i < n; i++) out[i] = (uint8_t)(row[i] - (prior[i] >> 1));
    for (size_t i = 4; i < n; i++) out[i] = (uint8_t)(row[i] - (uint8_t)(((unsigned)row[i - 4] + prior[i]) >> 1));
}

// Paeth predictor without branches so that the loop vectorises: the choice order a, b, c
// on ties is the specification's.
static inline uint8_t paeth(int a, int b, int c) {
    int pa = abs(b - c);
    int pb = abs(a - c);
    int pc = abs(a + b - 2 * c);
    int use_a = (pa <= pb) & (pa <= pc);
    int use_b = !use_a & (pb <= pc);
    return (uint8_t)(use_a ? a : (use_b ? b : c));
}

static void filter_paeth(uint8_t *restrict out, const uint8_t *restrict row, const uint8_t *restrict prior,
                         size_t n) {
    for (size_t i = 0; i < 4 && i < n; i++) out[i] = (uint8_t)(row[i] - prior[i]);
    for (size_t i = 4; i < n; i++) out[i] = (uint8_t)(row[i] - paeth(row[i - 4], prior[i], prior[i - 4]));
}

// Sum of the filtered bytes read as signed values: libpng's "minimum sum of absolute
// differences" heuristic for choosing a filter per row.
static uint32_t sum_abs(const uint8_t *restrict bytes, size_t n) {
    uint32_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        int v = (int8_t)bytes[i];
        sum += (uint32_t)(v < 0 ? -v : v);
    }
    return sum;
}

// Filters one row into out[0] (filter type byte) + out[1...n].
static void filter_row(uint8_t *restrict out, const uint8_t *restrict row, const uint8_t *restrict prior,
                       size_t n, int filter, uint8_t *restrict scratch) {
    switch (filter) {
    case CPNG_FILTER_SUB: filter_sub(out + 1, row, n); break;
    case CPNG_FILTER_UP: filter_up(out + 1, row, prior, n); break;
    case CPNG_FILTER_AVERAGE: filter_average(out + 1, row, prior, n); break;
    case CPNG_FILTER_PAETH: filter_paeth(out + 1, row, prior, n); break;
    case CPNG_FILTER_ADAPTIVE: {
        // Try each filter in scratch; keep the smallest. Ties keep the earlier filter.
        memcpy(out + 1, row, n);
        uint32_t best = sum_abs(row, n);
        int best_filter = CPNG_FILTER_NONE;
        for (int f = CPNG_FILTER_SUB; f <= CPNG_FILTER_PAETH; f++) {
            filter_row(scratch, row, prior, n, f, NULL);
            uint32_t sum = sum_abs(scratch + 1, n);
            if (sum < best) {
                best = sum;
                best_filter = f;
                memcpy(out + 1, scratch + 1, n);
            }
        }
        out[0] = (uint8_t)best_filter;
        return;
    }
    default: memcpy(out + 1, row, n); break;
    }
    out[0] = (uint8_t)filter;
}

// MARK: - Chunks

static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

// Writes length, type, (data already in place at p + 8), CRC over type + data.
static size_t finish_chunk(uint8_t *p, const char type[4], size_t length) {
    put_u32(p, (uint32_t)length);
    memcpy(p + 4, type, 4);
    put_u32(p + 8 + length, (uint32_t)libdeflate_crc32(0, p + 4, length + 4));
    return length + 12;
}

uint32_t cpng_crc32(uint32_t crc, const uint8_t *data, size_t size) {
    return (uint32_t)libdeflate_crc32(crc, data, size);
}

static int fast_fail(char *msg, size_t msg_size, int code, const char *text) {
    if (msg != NULL && msg_size > 0) snprintf(msg, msg_size, "%s", text);
    return code;
}

// MARK: - Encoder

int cpng_encode_fast(const uint8_t *rgba, uint32_t width, uint32_t height, size_t stride, int level, int filter,
                     cpng_buffer *out, char *msg, size_t msg_size) {
    if (rgba == NULL || out == NULL || width == 0 || height == 0 || width > 0x7fffffff || height > 0x7fffffff ||
        stride < (size_t)width * 4 || level < 0 || level > 12 || filter < 0 || filter > CPNG_FILTER_ADAPTIVE)
        return fast_fail(msg, msg_size, CPNG_ERR_ARGUMENT, "invalid argument (empty image, stride, level or filter)");
    out->data = NULL;
    out->size = 0;
    out->capacity = 0;
    size_t row_bytes = (size_t)width * 4;
    if (row_bytes + 1 > SIZE_MAX / height)
        return fast_fail(msg, msg_size, CPNG_ERR_ARGUMENT, "image too large to encode");
    size_t raw_size = (row_bytes + 1) * height;

    // 1. Filter every row into one buffer (filter byte + filtered samples).
    uint8_t *raw = (uint8_t *)malloc(raw_size);
    uint8_t *zero_row = (uint8_t *)calloc(1, row_bytes);
    uint8_t *scratch = filter == CPNG_FILTER_ADAPTIVE ? (uint8_t *)malloc(row_bytes + 1) : NULL;
    struct libdeflate_compressor *compressor = libdeflate_alloc_compressor(level);
    if (raw == NULL || zero_row == NULL || compressor == NULL || (filter == CPNG_FILTER_ADAPTIVE && scratch == NULL)) {
        free(raw);
        free(zero_row);
        free(scratch);
        libdeflate_free_compressor(compressor);
        return fast_fail(msg, msg_size, CPNG_ERR_MEMORY, "out of memory");
    }
    for (size_t y = 0; y < height; y++) {
        const uint8_t *row = rgba + y * stride;
        const uint8_t *prior = y == 0 ? zero_row : row - stride;
        filter_row(raw + y * (row_bytes + 1), row, prior, row_bytes, filter, scratch);
    }
    free(zero_row);
    free(scratch);

    // 2. Compress straight into the output, after the signature, IHDR and the IDAT header.
    // IDAT payloads are cut at 1 GiB (a chunk is at most 2^31 - 1 bytes); the extra chunk
    // headers are reserved up front.
    const size_t max_chunk = (size_t)1 << 30;
    size_t bound = libdeflate_zlib_compress_bound(compressor, raw_size);
    size_t max_chunks = bound / max_chunk + 1;
    size_t header_size = 8 + 25;
    size_t capacity = header_size + bound + 12 * max_chunks + 12;
    uint8_t *png = (uint8_t *)malloc(capacity);
    if (png == NULL) {
        free(raw);
        libdeflate_free_compressor(compressor);
        return fast_fail(msg, msg_size, CPNG_ERR_MEMORY, "out of memory");
    }
    size_t data_start = header_size + 8;
    size_t compressed = libdeflate_zlib_compress(compressor, raw, raw_size, png + data_start, bound);
    free(raw);
    libdeflate_free_compressor(compressor);
    if (compressed == 0) {
        free(png);
        return fast_fail(msg, msg_size, CPNG_ERR_ENCODE, "libdeflate could not compress the image");
    }

    // 3. Signature and IHDR: 8-bit RGBA, deflate, adaptive filtering method 0, no interlace.
    static const uint8_t signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
    memcpy(png, signature, 8);
    uint8_t *ihdr = png + 8;
    put_u32(ihdr + 8, width);
    put_u32(ihdr + 12, height);
    ihdr[16] = 8;
    ihdr[17] = 6;
    ihdr[18] = 0;
    ihdr[19] = 0;
    ihdr[20] = 0;
    finish_chunk(ihdr, "IHDR", 13);

    // 4. IDAT chunks. Pieces after the first move back to leave room for their headers,
    // last piece first so that nothing is overwritten before it is moved.
    size_t chunks = (compressed + max_chunk - 1) / max_chunk;
    for (size_t k = chunks; k-- > 1;) {
        size_t from = data_start + k * max_chunk;
        size_t length = compressed - k * max_chunk < max_chunk ? compressed - k * max_chunk : max_chunk;
        memmove(png + from + 12 * k, png + from, length);
    }
    size_t position = header_size;
    for (size_t k = 0; k < chunks; k++) {
        size_t length = compressed - k * max_chunk < max_chunk ? compressed - k * max_chunk : max_chunk;
        position += finish_chunk(png + position, "IDAT", length);
    }
    position += finish_chunk(png + position, "IEND", 0);
    out->data = png;
    out->size = position;
    out->capacity = capacity;
    return CPNG_OK;
}
