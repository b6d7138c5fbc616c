import CVector

// Concrete `SIMD8<Float>` arithmetic as single vector instructions (see CVector.h: the standard
// library's generic per-lane loops are not always re-vectorised in large functions). Same IEEE
// operations lane by lane, so results are unchanged; only the code generation differs.
extension SIMD8 where Scalar == Float {
    @usableFromInline @_transparent static func + (a: Self, b: Self) -> Self { v_add8(a, b) }
    @usableFromInline @_transparent static func - (a: Self, b: Self) -> Self { v_sub8(a, b) }
    @usableFromInline @_transparent static func * (a: Self, b: Self) -> Self { v_mul8(a, b) }
    @usableFromInline @_transparent static func / (a: Self, b: Self) -> Self { v_div8(a, b) }
    @usableFromInline @_transparent static prefix func - (a: Self) -> Self { v_neg8(a) }
    @usableFromInline @_transparent static func + (a: Self, b: Float) -> Self { v_add8(a, Self(repeating: b)) }
    @usableFromInline @_transparent static func - (a: Self, b: Float) -> Self { v_sub8(a, Self(repeating: b)) }
    @usableFromInline @_transparent static func * (a: Self, b: Float) -> Self { v_mul8(a, Self(repeating: b)) }
    @usableFromInline @_transparent static func / (a: Self, b: Float) -> Self { v_div8(a, Self(repeating: b)) }
    @usableFromInline @_transparent static func + (a: Float, b: Self) -> Self { v_add8(Self(repeating: a), b) }
    @usableFromInline @_transparent static func - (a: Float, b: Self) -> Self { v_sub8(Self(repeating: a), b) }
    @usableFromInline @_transparent static func * (a: Float, b: Self) -> Self { v_mul8(Self(repeating: a), b) }
    @usableFromInline @_transparent static func / (a: Float, b: Self) -> Self { v_div8(Self(repeating: a), b) }
    @usableFromInline @_transparent static func += (a: inout Self, b: Self) { a = v_add8(a, b) }
    @usableFromInline @_transparent static func -= (a: inout Self, b: Self) { a = v_sub8(a, b) }
    @usableFromInline @_transparent static func *= (a: inout Self, b: Self) { a = v_mul8(a, b) }
}

// Concrete `SIMD8<Int32>` bitwise operations, for the same reason.
extension SIMD8 where Scalar == Int32 {
    @usableFromInline @_transparent static func & (a: Self, b: Self) -> Self { v_and8i(a, b) }
    @usableFromInline @_transparent static func | (a: Self, b: Self) -> Self { v_or8i(a, b) }
    @usableFromInline @_transparent static func & (a: Self, b: Int32) -> Self { v_and8i(a, Self(repeating: b)) }
    @usableFromInline @_transparent static func | (a: Self, b: Int32) -> Self { v_or8i(a, Self(repeating: b)) }
    @usableFromInline @_transparent static prefix func ~ (a: Self) -> Self { v_not8i(a) }
}
