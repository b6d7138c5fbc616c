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

// MARK: - 8 lanes, masks and compares (results are -1 / 0 per lane)
/// Lanes where `a < b` (false for NaN).
CV_INLINE vi8 v_lt8(vf8 a, vf8 b) { return a < b; }
/// Lanes where `a <= b` (false for NaN).
CV_INLINE vi8 v_le8(vf8 a, vf8 b) { return a <= b; }
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
/// Lane-wise bitwise or / and / and-not.
CV_INLINE vi8 v_or8i(vi8 a, vi8 b) { return a | b; }
CV_INLINE vi8 v_and8i(vi8 a, vi8 b) { return a & b; }
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
