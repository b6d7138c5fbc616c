// The fast PNG decoder for the common case: non-interlaced 8-bit grey, grey+alpha, RGB, RGBA
// or palette (with tRNS for palette only). Chunks are walked and CRC-checked here, the IDAT
// stream is inflated in one call by libdeflate (3-15x faster than zlib's inflate on
// textures), rows are unfiltered (PNG specification section 9) and expanded to RGBA8.
// Anything else, and any anomaly at all (a CRC error, bad zlib data, too little or too much
// image data, an odd chunk order), returns CPNG_ERR_NOT_HANDLED: the caller then decodes with
// libpng, which gives its own result and message. So this path only ever accepts files that
// are entirely clean.
#include "CPNG.h"
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t v4u8 __attribute__((ext_vector_type(4)));
typedef int16_t v4i16 __attribute__((ext_vector_type(4)));

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int not_handled(char *msg, size_t msg_size, const char *why) {
    if (msg != NULL && msg_size > 0) snprintf(msg, msg_size, "%s", why);
    return CPNG_ERR_NOT_HANDLED;
}

// MARK: - Unfiltering

static inline uint8_t paeth_predict(int a, int b, int c) {
    int pa = abs(b - c);
    int pb = abs(a - c);
    int pc = abs(a + b - 2 * c);
    if (pa <= pb && pa <= pc) return (uint8_t)a;
    return (uint8_t)(pb <= pc ? b : c);
}

// Any bytes per pixel (1-4); `recon` and `prior` rows of n bytes.
static void unfilter_generic(uint8_t *restrict recon, const uint8_t *restrict filt, const uint8_t *restrict prior,
                             size_t n, size_t bpp, int type) {
    switch (type) {
    case 0: memcpy(recon, filt, n); break;
    case 1:
        for (size_t i = 0; i < n; i++) recon[i] = (uint8_t)(filt[i] + (i >= bpp ? recon[i - bpp] : 0));
        break;
    case 2:
        for (size_t i = 0; i < n; i++) recon[i] = (uint8_t)(filt[i] + prior[i]);
        break;
    case 3:
        for (size_t i = 0; i < n; i++)
            recon[i] = (uint8_t)(filt[i] + (((unsigned)(i >= bpp ? recon[i - bpp] : 0) + prior[i]) >> 1));
        break;
    default:
        for (size_t i = 0; i < n; i++) {
            int a = i >= bpp ? recon[i - bpp] : 0;
            int c = i >= bpp ? prior[i - bpp] : 0;
            recon[i] = (uint8_t)(filt[i] + paeth_predict(a, prior[i], c));
        }
        break;
    }
}

// 4 bytes per pixel: one pixel (4 lanes of 16 bits) per step, since each byte depends on the
// byte 4 to its left. `recon` may lie before `filt` in the same buffer (in-place decoding
// writes each row a few bytes before where it was read), hence no restrict on them.
static void unfilter_rgba(uint8_t *recon, const uint8_t *filt, const uint8_t *restrict prior, size_t pixels,
                          int type) {
    if (type == 0) {
        memmove(recon, filt, pixels * 4);
        return;
    }
    v4i16 a = 0, c = 0;
    for (size_t x = 0; x < pixels; x++) {
        v4u8 f8, b8;
        memcpy(&f8, filt + x * 4, 4);
        memcpy(&b8, prior + x * 4, 4);
        v4i16 b = __builtin_convertvector(b8, v4i16);
        v4i16 predictor;
        if (type == 1) {
            predictor = a;
        } else if (type == 2) {
            predictor = b;
        } else if (type == 3) {
            predictor = (a + b) >> 1;
        } else {
            // Paeth (PNG spec 9.4): nearest of a, b, c to a + b - c; ties prefer a, then b.
            // pa = |b - c| does not depend on a: computed off the loop-carried chain.
            v4i16 e = b - c;
            v4i16 pa = __builtin_elementwise_abs(e);
            v4i16 d = a - c;
            v4i16 pb = __builtin_elementwise_abs(d);
            v4i16 pc = __builtin_elementwise_abs(d + e);
            v4i16 use_a = (pa <= pb) & (pa <= pc);
            v4i16 use_b = (pb <= pc);
            predictor = use_a ? a : (use_b ? b : c);
        }
        v4u8 out = f8 + __builtin_convertvector(predictor, v4u8);
        memcpy(recon + x * 4, &out, 4);
        a = __builtin_convertvector(out, v4i16);
        c = b;
    }
}

// MARK: - Decoder

int cpng_decode_fast_rgba8(const uint8_t *data, size_t size, uint8_t *dst, size_t dst_capacity, char *msg,
                           size_t msg_size) {
    static const uint8_t signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
    if (data == NULL || dst == NULL || size < 8 + 25 || memcmp(data, signature, 8) != 0)
        return not_handled(msg, msg_size, "no PNG signature");

    // 1. Walk the chunks: IHDR first, PLTE and tRNS before the IDATs, IDATs consecutive,
    // IEND last; every CRC checked; unknown critical chunks left to libpng.
    uint32_t width = 0, height = 0;
    int color_type = -1, seen_idat = 0, idat_done = 0, seen_iend = 0;
    size_t idat_count = 0, idat_bytes = 0, first_idat = 0;
    uint8_t palette[256 * 4];
    memset(palette, 0, sizeof palette);
    for (int i = 0; i < 256; i++) palette[i * 4 + 3] = 255;
    int palette_entries = 0, trns_entries = 0;
    size_t pos = 8;
    while (!seen_iend) {
        if (size - pos < 12) return not_handled(msg, msg_size, "truncated chunk");
        uint32_t length = get_u32(data + pos);
        if (length > 0x7fffffff || length > size - pos - 12) return not_handled(msg, msg_size, "chunk too long");
        const uint8_t *type = data + pos + 4;
        const uint8_t *body = data + pos + 8;
        if ((uint32_t)libdeflate_crc32(0, type, length + 4) != get_u32(body + length))
            return not_handled(msg, msg_size, "CRC error");
        int is_idat = memcmp(type, "IDAT", 4) == 0;
        if (pos == 8) {
            if (memcmp(type, "IHDR", 4) != 0 || length != 13) return not_handled(msg, msg_size, "no IHDR");
            width = get_u32(body);
            height = get_u32(body + 4);
            color_type = body[9];
            if (body[8] != 8 || body[10] != 0 || body[11] != 0 || body[12] != 0)
                return not_handled(msg, msg_size, "not 8-bit non-interlaced");
            if (color_type != 0 && color_type != 2 && color_type != 3 && color_type != 4 && color_type != 6)
                return not_handled(msg, msg_size, "colour type");
        } else if (is_idat) {
            if (idat_done) return not_handled(msg, msg_size, "IDATs not consecutive");
            if (!seen_idat) first_idat = pos;
            seen_idat = 1;
            idat_count++;
            idat_bytes += length;
        } else {
            if (seen_idat) idat_done = 1;
            if (memcmp(type, "IEND", 4) == 0) {
                seen_iend = 1;
            } else if (memcmp(type, "PLTE", 4) == 0) {
                if (color_type != 3 || seen_idat || palette_entries || length % 3 || length == 0 || length > 768)
                    return not_handled(msg, msg_size, "PLTE");
                palette_entries = (int)(length / 3);
                for (int i = 0; i < palette_entries; i++) memcpy(palette + i * 4, body + i * 3, 3);
            } else if (memcmp(type, "tRNS", 4) == 0) {
                if (color_type != 3 || seen_idat || !palette_entries || trns_entries || length > (uint32_t)palette_entries)
                    return not_handled(msg, msg_size, "tRNS");
                trns_entries = (int)length;
                for (int i = 0; i < trns_entries; i++) palette[i * 4 + 3] = body[i];
            } else if (memcmp(type, "IHDR", 4) == 0 || !(type[0] & 0x20)) {
                return not_handled(msg, msg_size, "unexpected critical chunk");
            }
        }
        pos += 12 + (size_t)length;
    }
    if (!seen_idat || (color_type == 3 && !palette_entries)) return not_handled(msg, msg_size, "missing chunk");

    size_t channels = color_type == 0 ? 1 : color_type == 2 ? 3 : color_type == 3 ? 1 : color_type == 4 ? 2 : 4;
    size_t stride = (size_t)width * channels;
    if (width == 0 || height == 0 || stride / channels != width || (size_t)width * 4 > SIZE_MAX / height ||
        (stride + 1) > SIZE_MAX / height || dst_capacity < (size_t)width * height * 4)
        return not_handled(msg, msg_size, "size");
    size_t raw_size = (stride + 1) * height;
    // RGBA decodes in place when dst has room for the filter bytes: each row is reconstructed
    // y + 1 bytes before where it was inflated, so nothing is overwritten before it is read.
    int in_place = color_type == 6 && dst_capacity >= raw_size;

    // 2. The zlib stream: in place when there is one IDAT, else gathered.
    uint8_t *gathered = NULL;
    const uint8_t *stream = data + first_idat + 8;
    if (idat_count > 1) {
        gathered = (uint8_t *)malloc(idat_bytes);
        if (gathered == NULL) return not_handled(msg, msg_size, "out of memory");
        size_t at = first_idat, filled = 0;
        for (size_t k = 0; k < idat_count; k++) {
            uint32_t length = get_u32(data + at);
            memcpy(gathered + filled, data + at + 8, length);
            filled += length;
            at += 12 + (size_t)length;
        }
        stream = gathered;
    }
    uint8_t *raw = in_place ? dst : (uint8_t *)malloc(raw_size);
    struct libdeflate_decompressor *inflater = libdeflate_alloc_decompressor();
    size_t produced = 0;
    enum libdeflate_result result = LIBDEFLATE_BAD_DATA;
    if (raw != NULL && inflater != NULL)
        result = libdeflate_zlib_decompress(inflater, stream, idat_bytes, raw, raw_size, &produced);
    libdeflate_free_decompressor(inflater);
    free(gathered);
    if (result != LIBDEFLATE_SUCCESS || produced != raw_size) {
        if (!in_place) free(raw);
        return not_handled(msg, msg_size, "zlib data not exactly the image");
    }

    // 3. Unfilter and expand row by row. RGBA rows are reconstructed straight into dst (the
    // prior row is dst's previous row); other types go through two scratch rows.
    uint8_t *rows = color_type == 6 ? NULL : (uint8_t *)calloc(2, stride);
    uint8_t *zero = (uint8_t *)calloc(1, stride);
    if ((color_type != 6 && rows == NULL) || zero == NULL) {
        if (!in_place) free(raw);
        free(rows);
        free(zero);
        return not_handled(msg, msg_size, "out of memory");
    }
    int status = CPNG_OK;
    for (size_t y = 0; y < height && status == CPNG_OK; y++) {
        const uint8_t *line = raw + y * (stride + 1);
        int filter = line[0];
        if (filter > 4) {
            status = not_handled(msg, msg_size, "bad filter type");
            break;
        }
        uint8_t *out = dst + y * (size_t)width * 4;
        if (color_type == 6) {
            const uint8_t *prior = y == 0 ? zero : out - (size_t)width * 4;
            unfilter_rgba(out, line + 1, prior, width, filter);
            continue;
        }
        uint8_t *current = rows + (y & 1) * stride;
        const uint8_t *prior = y == 0 ? zero : rows + ((y + 1) & 1) * stride;
        unfilter_generic(current, line + 1, prior, stride, channels, filter);
        switch (color_type) {
        case 0:
            for (size_t x = 0; x < width; x++) {
                uint8_t g = current[x];
                out[x * 4] = g;
                out[x * 4 + 1] = g;
                out[x * 4 + 2] = g;
                out[x * 4 + 3] = 255;
            }
            break;
        case 2:
            for (size_t x = 0; x < width; x++) {
                out[x * 4] = current[x * 3];
                out[x * 4 + 1] = current[x * 3 + 1];
                out[x * 4 + 2] = current[x * 3 + 2];
                out[x * 4 + 3] = 255;
            }
            break;
        case 3:
            // Indices past the palette read as opaque black, as libpng's 256-entry table.
            for (size_t x = 0; x < width; x++) memcpy(out + x * 4, palette + (size_t)current[x] * 4, 4);
            break;
        default:
            for (size_t x = 0; x < width; x++) {
                uint8_t g = current[x * 2];
                out[x * 4] = g;
                out[x * 4 + 1] = g;
                out[x * 4 + 2] = g;
                out[x * 4 + 3] = current[x * 2 + 1];
            }
            break;
        }
    }
    if (!in_place) free(raw);
    free(rows);
    free(zero);
    return status;
}
