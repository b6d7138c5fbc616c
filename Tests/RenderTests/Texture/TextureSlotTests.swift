import Foundation
import Testing

@testable import Render

@Suite struct TextureSlotTests {
    @Test func specExampleSelectsTheLowerLeftQuadrantRotatedClockwise() {
        // KHR_texture_transform's example: offset (0, 1), rotation pi/2, scale 0.5.
        let slot = TextureSlot(
            view: nil, texCoord: 0,
            transform: TextureTransform(offset: SIMD2(0, 1), rotation: Float.pi / 2, scale: SIMD2(0.5, 0.5)))
        for uv in [SIMD2<Float>(0, 0), SIMD2(1, 0), SIMD2(0, 1), SIMD2(1, 1), SIMD2(0.3, 0.7)] {
            let t = slot.transform(uv)
            #expect(t.x >= -1e-6 && t.x <= 0.5 + 1e-6 && t.y >= 0.5 - 1e-6 && t.y <= 1 + 1e-6, "\(uv) -> \(t)")
        }
        // u' = cos u + sin v, v' = -sin u + cos v, then scale and offset: (1, 0) -> (0, 0.5).
        let corner = slot.transform(SIMD2(1, 0))
        #expect(abs(corner.x) < 1e-6 && abs(corner.y - 0.5) < 1e-6)
    }

    @Test func derivativesGetTheLinearPartOnly() {
        let slot = TextureSlot(
            view: nil, texCoord: 0, transform: TextureTransform(offset: SIMD2(5, 5), rotation: 0, scale: SIMD2(2, 3)))
        #expect(slot.transformDerivative(SIMD2(0.1, 0.2)) == SIMD2(0.2, 0.6 as Float))
        #expect(slot.transform(SIMD2(0.1, 0.2)) == SIMD2(5.2, 5.6 as Float))
    }

    @Test func secondUVSetAndItsDerivativesAreUsed() {
        let t = TextureViewTests.grid(Sampler())
        let slot = TextureSlot(view: t.view, texCoord: 1, transform: nil)
        var a = SurfaceAttributes()
        a.uv0 = SIMD2(0.125, 0.125)
        a.uv1 = SIMD2(0.875, 0.625)
        a.duv1dx = SIMD2(0.5, 0)  // 2 texels: level 1
        let v = slot.sample(a, override: nil)!
        let expected = t.sampleLevel(1, a.uv1, linear: true)
        #expect(abs(v - expected).max() < 1e-6)
        #expect(TextureSlot.empty.sample(a, override: nil) == nil)
    }
}
