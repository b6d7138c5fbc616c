// Helpers of the batched-path tests: a deterministic random generator, random shading points
// and bit-exact comparisons of the batched results against the scalar reference.

import Foundation

@testable import Render

/// SplitMix64: deterministic, seedable, good enough for test inputs.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func float(_ range: ClosedRange<Float>) -> Float { Float.random(in: range, using: &self) }

    /// A unit vector, uniformly on the sphere.
    mutating func direction() -> SIMD3<Float> {
        while true {
            let v = SIMD3(float(-1...1), float(-1...1), float(-1...1))
            let l2 = dot(v, v)
            if l2 > 1e-3 && l2 <= 1 { return v / l2.squareRoot() }
        }
    }

    /// A UV derivative from deep magnification to strong minification (log-uniform length).
    mutating func derivative() -> SIMD2<Float> {
        let length = Float(pow(10, Double(float(-5...0.5))))
        let angle = float(0...(2 * Float.pi))
        return SIMD2(cos(angle), sin(angle)) * length
    }

    /// Random attributes: unit-ish normals, tangents (sometimes zero or parallel to the normal),
    /// UVs over several periods, derivatives of every scale, vertex colours, both faces.
    mutating func attributes() -> SurfaceAttributes {
        var a = SurfaceAttributes()
        a.normal = direction() * float(0.5...1.5)
        switch Int.random(in: 0..<10, using: &self) {
        case 0: a.tangent = .zero
        case 1: a.tangent = SIMD4(a.normal.x, a.normal.y, a.normal.z, 1)
        default:
            let t = direction()
            a.tangent = SIMD4(t.x, t.y, t.z, Bool.random(using: &self) ? 1 : -1)
        }
        a.uv0 = SIMD2(float(-2...3), float(-2...3))
        a.uv1 = SIMD2(float(-1...2), float(-1...2))
        a.duv0dx = derivative()
        a.duv0dy = derivative()
        a.duv1dx = derivative()
        a.duv1dy = derivative()
        a.color = SIMD4(float(0...1), float(0...1), float(0...1), float(0...1))
        a.frontFacing = Bool.random(using: &self)
        return a
    }
}

/// Whether two floats have the same bits (so NaN == NaN, and -0 != +0).
func sameBits(_ a: Float, _ b: Float) -> Bool { a.bitPattern == b.bitPattern }

func sameBits(_ a: SIMD3<Float>, _ b: SIMD3<Float>) -> Bool {
    sameBits(a.x, b.x) && sameBits(a.y, b.y) && sameBits(a.z, b.z)
}

func sameBits(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> Bool {
    sameBits(a.x, b.x) && sameBits(a.y, b.y) && sameBits(a.z, b.z) && sameBits(a.w, b.w)
}

/// Every field of two material inputs has the same bits (the geometric normal aside: the batch
/// does not keep it).
func sameBits(_ a: SurfaceInputs, _ b: SurfaceInputs) -> Bool {
    sameBits(a.baseColor, b.baseColor) && sameBits(a.metallic, b.metallic) && sameBits(a.roughness, b.roughness)
        && sameBits(a.occlusion, b.occlusion) && sameBits(a.emissive, b.emissive) && sameBits(a.normal, b.normal)
        && sameBits(a.sheenColor, b.sheenColor) && sameBits(a.sheenRoughness, b.sheenRoughness)
        && sameBits(a.clearcoat, b.clearcoat) && sameBits(a.clearcoatRoughness, b.clearcoatRoughness)
        && sameBits(a.clearcoatNormal, b.clearcoatNormal) && a.unlit == b.unlit
}

/// A random RGBA8 image.
func randomImage(width: Int, height: Int, _ rng: inout SplitMix) -> RGBA8Image {
    var img = RGBA8Image(width: width, height: height)
    for i in 0..<img.pixels.count { img.pixels[i] = UInt8.random(in: 0...255, using: &rng) }
    return img
}
