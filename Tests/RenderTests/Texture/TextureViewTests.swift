import Foundation
import Testing

@testable import Render

@Suite struct TextureViewTests {
    /// 4x4 data texture: R = 10 x (x + 1), G = 10 x (y + 1), B = 0, A = 255.
    static func grid(_ sampler: Sampler, color: Bool = false) -> PreparedTexture {
        var img = RGBA8Image(width: 4, height: 4)
        for y in 0..<4 { for x in 0..<4 { img[x, y] = SIMD4(UInt8(10 * (x + 1)), UInt8(10 * (y + 1)), 0, 255) } }
        return PreparedTexture(image: img, sampler: sampler, isColor: color)
    }

    static func codes(_ v: SIMD4<Float>) -> SIMD2<Float> { SIMD2(v.x * 255, v.y * 255) }

    static func near(_ a: SIMD2<Float>, _ b: SIMD2<Float>, _ tol: Float = 1e-3) -> Bool {
        abs(a.x - b.x) <= tol && abs(a.y - b.y) <= tol
    }

    static let nearest = Sampler(magFilter: .nearest, minFilter: .nearest)

    @Test(arguments: [
        // (wrap, u, expected column)
        (Sampler.Wrap.repeat_, Float(1.1), 0), (.repeat_, -0.1, 3), (.repeat_, 2.99, 3),
        (.mirroredRepeat, 1.1, 3), (.mirroredRepeat, -0.1, 0), (.mirroredRepeat, 2.1, 0), (.mirroredRepeat, 1.6, 1),
        (.clampToEdge, 1.1, 3), (.clampToEdge, -5, 0), (.clampToEdge, 0.3, 1),
    ])
    func nearestWrapsPerAxis(wrap: Sampler.Wrap, u: Float, column: Int) {
        var s = Self.nearest
        s.wrapS = wrap
        s.wrapT = .clampToEdge
        let v = Self.grid(s).sample(SIMD2(u, 0.6), dx: .zero, dy: .zero)
        #expect(Self.codes(v) == SIMD2(Float(10 * (column + 1)), 30))
    }

    @Test func bilinearBlendsNeighboursWithTexelCentresAtHalf() {
        let t = Self.grid(Sampler(magFilter: .linear, minFilter: .linear, wrapS: .repeat_, wrapT: .clampToEdge))
        // u = 0.25 lies halfway between the centres of columns 0 and 1.
        #expect(Self.near(Self.codes(t.sample(SIMD2(0.25, 0.125), dx: .zero, dy: .zero)), SIMD2(15, 10)))
        // At a texel centre the texel comes back exactly.
        #expect(Self.near(Self.codes(t.sample(SIMD2(0.625, 0.375), dx: .zero, dy: .zero)), SIMD2(30, 20)))
        // u = 0 under REPEAT blends the last and first columns; v = 0 under CLAMP is row 0.
        #expect(Self.near(Self.codes(t.sample(SIMD2(0, 0), dx: .zero, dy: .zero)), SIMD2(25, 10)))
    }

    @Test func bilinearClampAndMirrorAtEdges() {
        let clamp = Self.grid(Sampler(magFilter: .linear, minFilter: .linear, wrapS: .clampToEdge, wrapT: .clampToEdge))
        #expect(Self.near(Self.codes(clamp.sample(SIMD2(0, 1), dx: .zero, dy: .zero)), SIMD2(10, 40)))
        let mirror = Self.grid(
            Sampler(magFilter: .linear, minFilter: .linear, wrapS: .mirroredRepeat, wrapT: .mirroredRepeat))
        // Just past u = 1 mirrors back onto the last column; 1.25 is halfway between columns 2 and 3.
        #expect(Self.near(Self.codes(mirror.sample(SIMD2(1.0, 0.125), dx: .zero, dy: .zero)), SIMD2(40, 10)))
        #expect(Self.near(Self.codes(mirror.sample(SIMD2(1.25, 0.125), dx: .zero, dy: .zero)), SIMD2(35, 10)))
    }

    @Test func trilinearPicksLevelsFromDerivatives() {
        let t = Self.grid(Sampler())  // linear / linear-mipmap-linear
        let uv = SIMD2<Float>(0.5, 0.5)
        let l1 = t.sampleLevel(1, uv, linear: true)
        let l2 = t.sampleLevel(2, uv, linear: true)
        // 2 texels per pixel: level 1 exactly.
        let a = t.sample(uv, dx: SIMD2(0.5, 0), dy: SIMD2(0, 0.25))
        #expect(Self.near(Self.codes(a), Self.codes(l1)))
        // 2^1.5 texels: halfway between levels 1 and 2.
        let b = t.sample(uv, dx: SIMD2(Float(pow(2, 1.5)) / 4, 0), dy: .zero)
        #expect(Self.near(Self.codes(b), (Self.codes(l1) + Self.codes(l2)) / 2))
        // Far past the last level: the 1x1 level.
        let c = t.sample(uv, dx: SIMD2(100, 0), dy: .zero)
        #expect(Self.near(Self.codes(c), Self.codes(t.sampleLevel(2, uv, linear: true))))
    }

    @Test func mipmapNearestRoundsTheLevel() {
        let t = Self.grid(Sampler(magFilter: .nearest, minFilter: .nearestMipmapNearest))
        let uv = SIMD2<Float>(0.1, 0.1)
        let l1 = t.sampleLevel(1, uv, linear: false)
        let l2 = t.sampleLevel(2, uv, linear: false)
        #expect(t.sample(uv, dx: SIMD2(Float(pow(2, 1.4)) / 4, 0), dy: .zero) == l1)
        #expect(t.sample(uv, dx: SIMD2(Float(pow(2, 1.6)) / 4, 0), dy: .zero) == l2)
    }

    @Test func magnificationUsesTheMagFilter() {
        let t = Self.grid(Sampler(magFilter: .nearest, minFilter: .linearMipmapLinear))
        // 0.5 texel per pixel: magnified, nearest: exact texel although off-centre.
        let v = t.sample(SIMD2(0.3, 0.8), dx: SIMD2(0.125, 0), dy: .zero)
        #expect(Self.codes(v) == SIMD2(20, 40))
    }

    @Test func colourTexturesDecodeSRGBButTheReferenceOverrideDoesNot() {
        let t = Self.grid(Self.nearest, color: true)
        let v = t.sample(SIMD2(0.6, 0.1), dx: .zero, dy: .zero)
        #expect(v.x == SRGB.decode8(30) && v.y == SRGB.decode8(10) && v.w == 1)
        let raw = t.sampleReference(SIMD2(0.6, 0.1), filter: .nearest)
        #expect(Self.codes(raw) == SIMD2(30, 10))
        // The override ignores CLAMP: it wraps like REPEAT, and blends linearly without mips.
        let clamped = Self.grid(Sampler(wrapS: .clampToEdge, wrapT: .clampToEdge), color: true)
        #expect(Self.near(Self.codes(clamped.sampleReference(SIMD2(1.0, 0.125), filter: .linear)), SIMD2(25, 10)))
    }

    @Test func nonFiniteCoordinatesDoNotTrap() {
        let t = Self.grid(Sampler())
        let v = t.sample(SIMD2(.nan, .infinity), dx: SIMD2(.nan, 0), dy: SIMD2(.infinity, 1))
        #expect(v.w == 1)
        let huge = t.sample(SIMD2(1e30, -1e30), dx: SIMD2(1e30, 0), dy: .zero)
        #expect(huge.w == 1)
    }

    @Test func fastLog2IsExactAtPowersOfTwoAndClose() {
        for e in -10...20 { #expect(TextureView.fastLog2(Float(pow(2.0, Double(e)))) == Float(e)) }
        var x: Float = 1
        var previous = -Float.infinity
        while x < 1024 {
            let y = TextureView.fastLog2(x)
            #expect(abs(y - log2(x)) < 0.01)
            #expect(y >= previous)
            previous = y
            x *= 1.01
        }
    }
}
