// Clang vector builtins for the renderer's hot loops.
//
// `ext_vector_type` types import into Swift as SIMD8<Float> / SIMD8<Int32>, and these
// `static inline` functions inline into Swift code. The Swift standard library scalarises
// sqrt, rounding, float<->int conversion and min/max on SIMD types; these do not.
// See ../shared/PERFORMANCE.md. Every function here is exact IEEE (no fast-math), so results
// are the same on every build and thread count.
#ifndef CVECTOR_H
#define CVECTOR_H

#include <stdint.h>

typedef float vf4 __attribute__((ext_vector_type(4)));
typedef float vf8 __attribute__((ext_vector_type(8)));
typedef int32_t vi4 __attribute__((ext_vector_type(4)));
typedef int32_t vi8 __attribute__((ext_vector_type(8)));
typedef uint32_t vu8 __attribute__((ext_vector_type(8)));

#define CV_INLINE static inline __attribute__((always_inline))

// No contraction of a * b + c into FMA in these helpers: results must not depend on the build.
#pragma clang fp contract(off)

// MARK: - 8 lanes, float
CV_INLINE vf8 v_sqrt8(vf8 x) { return __builtin_elementwise_sqrt(x); }
CV_INLINE vf8 v_floor8(vf8 x) { return __builtin_elementwise_floor(x); }
CV_INLINE vf8 v_ceil8(vf8 x) { return __builtin_elementwise_ceil(x); }
CV_INLINE vf8 v_round8(vf8 x) { return __builtin_elementwise_roundeven(x); }
CV_INLINE vf8 v_abs8(vf8 x) { return __builtin_elementwise_abs(x); }
CV_INLINE vf8 v_min8(vf8 a, vf8 b) { return __builtin_elementwise_min(a, b); }
CV_INLINE vf8 v_max8(vf8 a, vf8 b) { return __builtin_elementwise_max(a, b); }
CV_INLINE vf8 v_clamp8(vf8 x, vf8 lo, vf8 hi) { return __builtin_elementwise_min(__builtin_elementwise_max(x, lo), hi); }
CV_INLINE vf8 v_splat8(float x) { return (vf8)(x); }
/// Lane-wise select: `mask` lanes that are non-zero take `a`, the others `b`.
CV_INLINE vf8 v_select8(vi8 mask, vf8 a, vf8 b) { return mask ? a : b; }

// MARK: - 8 lanes, arithmetic
// The Swift standard library implements `+ - * /` on SIMD8<Float> (and `& | ^ ~` on integer
// vectors) as per-lane loops that LLVM has to re-vectorise, which it sometimes does only in part
// inside large functions (lanes 6 and 7 computed in scalar registers). These are single vector
// instructions.
CV_INLINE vf8 v_add8(vf8 a, vf8 b) { return a + b; }
CV_INLINE vf8 v_sub8(vf8 a, vf8 b) { return a - b; }
CV_INLINE vf8 v_mul8(vf8 a, vf8 b) { return a * b; }
CV_INLINE vf8 v_div8(vf8 a, vf8 b) { return a / b; }
CV_INLINE vf8 v_neg8(vf8 a) { return -a; }
CV_INLINE vi8 v_and8i(vi8 a, vi8 b) { return a & b; }
CV_INLINE vi8 v_or8i(vi8 a, vi8 b) { return a | b; }
CV_INLINE vi8 v_xor8i(vi8 a, vi8 b) { return a ^ b; }
CV_INLINE vi8 v_not8i(vi8 a) { return ~a; }

// MARK: - 8 lanes, conversions
/// Float to int, truncating toward zero (C semantics).
CV_INLINE vi8 v_f2i8(vf8 x) { return __builtin_convertvector(x, vi8); }
CV_INLINE vf8 v_i2f8(vi8 x) { return __builtin_convertvector(x, vf8); }
CV_INLINE vf8 v_u2f8(vu8 x) { return __builtin_convertvector(x, vf8); }

// MARK: - 8 lanes, int
CV_INLINE vi8 v_min8i(vi8 a, vi8 b) { return __builtin_elementwise_min(a, b); }
CV_INLINE vi8 v_max8i(vi8 a, vi8 b) { return __builtin_elementwise_max(a, b); }
CV_INLINE vi8 v_clamp8i(vi8 x, vi8 lo, vi8 hi) { return __builtin_elementwise_min(__builtin_elementwise_max(x, lo), hi); }
/// Lane-wise select on ints: non-zero `mask` lanes take `a`.
CV_INLINE vi8 v_select8i(vi8 mask, vi8 a, vi8 b) { return mask ? a : b; }
/// Bit mask of the lanes whose value is non-zero (bit i = lane i).
CV_INLINE uint32_t v_movemask8(vi8 m) {
    uint32_t r = 0;
    for (int i = 0; i < 8; i++) r |= (m[i] != 0 ? 1u : 0u) << i;
    return r;
}

// MARK: - 8 lanes, comparisons (lanes are -1 where true, 0 where false; NaN compares false)
CV_INLINE vi8 v_lt8(vf8 a, vf8 b) { return a < b; }
CV_INLINE vi8 v_le8(vf8 a, vf8 b) { return a <= b; }
CV_INLINE vi8 v_gt8(vf8 a, vf8 b) { return a > b; }
CV_INLINE vi8 v_ge8(vf8 a, vf8 b) { return a >= b; }
CV_INLINE vi8 v_eq8(vf8 a, vf8 b) { return a == b; }
CV_INLINE vi8 v_lt8i(vi8 a, vi8 b) { return a < b; }
CV_INLINE vi8 v_ge8i(vi8 a, vi8 b) { return a >= b; }
CV_INLINE vi8 v_eq8i(vi8 a, vi8 b) { return a == b; }
/// Lanes whose value is finite (not infinite, not NaN).
CV_INLINE vi8 v_isfinite8(vf8 x) {
    vi8 e = (vi8)x & 0x7F800000;
    return e != 0x7F800000;
}
/// Non-zero when any lane of `m` is non-zero.
CV_INLINE int v_any8(vi8 m) { return __builtin_reduce_or(m) != 0; }
/// Non-zero when every lane of `m` is non-zero.
CV_INLINE int v_all8(vi8 m) { return __builtin_reduce_and(m != 0) != 0; }

// MARK: - 8 lanes, Swift's scalar semantics
// Swift's `max(x, y)` is `y >= x ? y : x` and `min(x, y)` is `y < x ? y : x`; these give the
// same lane results as the scalar code even for NaN (the clang builtins ignore NaN instead).
CV_INLINE vf8 v_smax8(vf8 x, vf8 y) { return (y >= x) ? y : x; }
CV_INLINE vf8 v_smin8(vf8 x, vf8 y) { return (y < x) ? y : x; }
// `Float.maximum(x, y)` / `Float.minimum(x, y)` (what `pointwiseMax/Min` and `clamped` use): a
// NaN operand gives the other one; equal values (-0 and +0) give `y`.
CV_INLINE vf8 v_maximum8(vf8 x, vf8 y) { return (x > y || y != y) ? x : y; }
CV_INLINE vf8 v_minimum8(vf8 x, vf8 y) { return (x < y || y != y) ? x : y; }

// MARK: - 8 lanes, bits
/// The float's bit pattern as an int (no conversion).
CV_INLINE vi8 v_asint8(vf8 x) { return (vi8)x; }
/// The int's bit pattern as a float (no conversion).
CV_INLINE vf8 v_asfloat8(vi8 x) { return (vf8)x; }
/// Logical (unsigned) shift right by the same count in every lane.
CV_INLINE vi8 v_srl8i(vi8 x, int n) { return (vi8)((vu8)x >> (vu8)n); }
/// Logical shift right, each lane by its own count (0...31).
CV_INLINE vi8 v_srlv8i(vi8 x, vi8 n) { return (vi8)((vu8)x >> (vu8)n); }

// MARK: - 8 lanes, gathers
// `base[index[i]]` for each lane. Hardware gather where the target has AVX2 (one instruction,
// a few percent faster than eight loads on this machine's kind), eight loads elsewhere.
#if defined(__AVX2__)
CV_INLINE vi8 v_gather8i(const int32_t *base, vi8 index) {
    return (vi8)__builtin_ia32_gatherd_d256((vi8)0, base, index, (vi8)(-1), 4);
}
CV_INLINE vf8 v_gather8f(const float *base, vi8 index) {
    return (vf8)__builtin_ia32_gatherd_ps256((vf8)0, base, index, (vf8)(vi8)(-1), 4);
}
#else
CV_INLINE vi8 v_gather8i(const int32_t *base, vi8 index) {
    vi8 r;
    for (int i = 0; i < 8; i++) r[i] = base[index[i]];
    return r;
}
CV_INLINE vf8 v_gather8f(const float *base, vi8 index) {
    vf8 r;
    for (int i = 0; i < 8; i++) r[i] = base[index[i]];
    return r;
}
#endif
/// `table[index[i]]` for a table of up to 16 entries held in two vectors (`lo`: entries 0-7,
/// `hi`: 8-15), `index` in 0...15: two register permutes instead of a gather.
CV_INLINE vi8 v_lookup16i(vi8 lo, vi8 hi, vi8 index) {
#if defined(__AVX2__)
    vi8 a = (vi8)__builtin_ia32_permvarsi256(lo, index);
    vi8 b = (vi8)__builtin_ia32_permvarsi256(hi, index);
    return (index > 7) ? b : a;
#else
    vi8 r;
    for (int i = 0; i < 8; i++) r[i] = index[i] > 7 ? hi[index[i] & 7] : lo[index[i] & 7];
    return r;
#endif
}
/// `table[index[i]]` for a table of up to 8 entries held in one vector, `index` in 0...7.
CV_INLINE vi8 v_lookup8i(vi8 table, vi8 index) {
#if defined(__AVX2__)
    return (vi8)__builtin_ia32_permvarsi256(table, index);
#else
    vi8 r;
    for (int i = 0; i < 8; i++) r[i] = table[index[i] & 7];
    return r;
#endif
}
typedef float vf4u __attribute__((ext_vector_type(4), aligned(4)));

// The four consecutive floats at `base + offset[i]` for each lane, transposed: `v_load4x8_x`
// gives every lane's first float, `_y` its second, ... Eight 16-byte loads and a 4x8 transpose:
// much cheaper than four gathers when records of 4 floats (RGBA texels, LUT entries) are read
// per lane. Calls with the same arguments share their loads and shuffles once inlined.
#define CV_LOAD4X8_BODY                                                       \
    vf4 a0 = *(const vf4u *)(base + offset[0]);                               \
    vf4 a1 = *(const vf4u *)(base + offset[1]);                               \
    vf4 a2 = *(const vf4u *)(base + offset[2]);                               \
    vf4 a3 = *(const vf4u *)(base + offset[3]);                               \
    vf4 a4 = *(const vf4u *)(base + offset[4]);                               \
    vf4 a5 = *(const vf4u *)(base + offset[5]);                               \
    vf4 a6 = *(const vf4u *)(base + offset[6]);                               \
    vf4 a7 = *(const vf4u *)(base + offset[7]);                               \
    vf8 t0 = __builtin_shufflevector(a0, a4, 0, 1, 2, 3, 4, 5, 6, 7);         \
    vf8 t1 = __builtin_shufflevector(a1, a5, 0, 1, 2, 3, 4, 5, 6, 7);         \
    vf8 t2 = __builtin_shufflevector(a2, a6, 0, 1, 2, 3, 4, 5, 6, 7);         \
    vf8 t3 = __builtin_shufflevector(a3, a7, 0, 1, 2, 3, 4, 5, 6, 7);         \
    vf8 u0 = __builtin_shufflevector(t0, t1, 0, 8, 1, 9, 4, 12, 5, 13);       \
    vf8 u1 = __builtin_shufflevector(t0, t1, 2, 10, 3, 11, 6, 14, 7, 15);     \
    vf8 u2 = __builtin_shufflevector(t2, t3, 0, 8, 1, 9, 4, 12, 5, 13);       \
    vf8 u3 = __builtin_shufflevector(t2, t3, 2, 10, 3, 11, 6, 14, 7, 15);     \
    (void)u0; (void)u1; (void)u2; (void)u3;
CV_INLINE vf8 v_load4x8_x(const float *base, vi8 offset) {
    CV_LOAD4X8_BODY
    return __builtin_shufflevector(u0, u2, 0, 1, 8, 9, 4, 5, 12, 13);
}
CV_INLINE vf8 v_load4x8_y(const float *base, vi8 offset) {
    CV_LOAD4X8_BODY
    return __builtin_shufflevector(u0, u2, 2, 3, 10, 11, 6, 7, 14, 15);
}
CV_INLINE vf8 v_load4x8_z(const float *base, vi8 offset) {
    CV_LOAD4X8_BODY
    return __builtin_shufflevector(u1, u3, 0, 1, 8, 9, 4, 5, 12, 13);
}
CV_INLINE vf8 v_load4x8_w(const float *base, vi8 offset) {
    CV_LOAD4X8_BODY
    return __builtin_shufflevector(u1, u3, 2, 3, 10, 11, 6, 7, 14, 15);
}

/// `base[index[i]]` with eight scalar loads (for comparing against the hardware gather).
CV_INLINE vi8 v_load8i(const int32_t *base, vi8 index) {
    vi8 r;
    for (int i = 0; i < 8; i++) r[i] = base[index[i]];
    return r;
}
/// `base[index[i]]` with eight scalar loads.
CV_INLINE vf8 v_load8f(const float *base, vi8 index) {
    vf8 r;
    for (int i = 0; i < 8; i++) r[i] = base[index[i]];
    return r;
}

// MARK: - 8 lanes, rasterizer helpers
/// Bit mask of the lanes whose sign bit is set (bit i = lane i): one `vmovmskps` on AVX.
CV_INLINE uint32_t v_signmask8(vi8 m) {
#if defined(__AVX__)
    return (uint32_t)__builtin_ia32_movmskps256((__attribute__((vector_size(32))) float)m);
#else
    uint32_t r = 0;
    for (int i = 0; i < 8; i++) r |= (m[i] < 0 ? 1u : 0u) << i;
    return r;
#endif
}
/// Wrapping lane-wise integer add (no undefined behaviour on overflow).
CV_INLINE vi8 v_add8i(vi8 a, vi8 b) { return (vi8)((vu8)a + (vu8)b); }
/// Lane-wise and-not: `~a & b`.
CV_INLINE vi8 v_andnot8i(vi8 a, vi8 b) { return ~a & b; }
/// Every lane set to `x`.
CV_INLINE vi8 v_splat8i(int32_t x) { return (vi8)(x); }
/// Lanes where `a < b` as -1, else 0, and the result and-ed with `~m`'s sign lanes: the
/// rasterizer's "inside (m >= 0) and in front" mask in one call.
CV_INLINE vi8 v_inside_lt8(vi8 m, vf8 a, vf8 b) { return ~(m >> 31) & (a < b); }
/// Arithmetic shift right of every lane (fills with the sign bit).
CV_INLINE vi8 v_sra8i(vi8 a, int n) { return a >> n; }

// MARK: - 4 lanes
CV_INLINE vf4 v_sqrt4(vf4 x) { return __builtin_elementwise_sqrt(x); }
CV_INLINE vf4 v_floor4(vf4 x) { return __builtin_elementwise_floor(x); }
CV_INLINE vf4 v_min4(vf4 a, vf4 b) { return __builtin_elementwise_min(a, b); }
CV_INLINE vf4 v_max4(vf4 a, vf4 b) { return __builtin_elementwise_max(a, b); }
CV_INLINE vf4 v_clamp4(vf4 x, vf4 lo, vf4 hi) { return __builtin_elementwise_min(__builtin_elementwise_max(x, lo), hi); }
CV_INLINE vi4 v_f2i4(vf4 x) { return __builtin_convertvector(x, vi4); }
CV_INLINE vf4 v_i2f4(vi4 x) { return __builtin_convertvector(x, vf4); }

#endif
