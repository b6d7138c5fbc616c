import Render
import Testing

@testable import AssetGenerator

@Suite struct TextureTests {
    @Test func coverageOfARectangleIsExact() {
        var path = Path2D()
        path.addPolygon([SIMD2(1.25, 1), SIMD2(3.75, 1), SIMD2(3.75, 3), SIMD2(1.25, 3)])
        let mask = CoverageMask(path, imageWidth: 8, imageHeight: 8)
        #expect(mask.coverage(x: 1, y: 1) == 0.75)
        #expect(mask.coverage(x: 2, y: 2) == 1)
        #expect(mask.coverage(x: 3, y: 1) == 0.75)
        #expect(mask.coverage(x: 4, y: 2) == 0 && mask.coverage(x: 2, y: 3) == 0)
    }

    @Test func circleAreaAndHoles() {
        var path = Path2D()
        path.addCircle(center: SIMD2(50, 50), radius: 30)
        path.addCircle(center: SIMD2(50, 50), radius: 10, hole: true)
        let mask = CoverageMask(path, imageWidth: 100, imageHeight: 100)
        let area = mask.values.reduce(0, +)
        let expected = Float(DMath.pi) * (900 - 100)
        #expect(abs(area - expected) < expected * 0.005)
        #expect(mask.coverage(x: 50, y: 50) == 0)
    }

    @Test func noiseIsDeterministicAndTiles() {
        let n = Noise(seed: 7)
        for k in 0..<50 {
            // Binary fractions, so that adding whole periods is exact.
            let x = Float(k) * 0.375
            let y = Float(k) * 0.203125
            #expect(n.gradient(x, y, period: 8) == n.gradient(x + 8, y - 16, period: 8))
            #expect(abs(n.fbm(x, y, octaves: 4)) <= 1.5)
        }
        #expect(Noise(seed: 7).random(3, 4) == n.random(3, 4) && Noise(seed: 8).random(3, 4) != n.random(3, 4))
    }

    @Test func normalMapConvention() {
        // Heights rising to the right: the surface faces left (-X); rising down the picture:
        // it faces up the picture (+Y, green above 128).
        let w = 8
        let ramp = (0..<(w * w)).map { Float($0 % w) }
        let right = NormalMap.fromHeights(ramp, width: w, height: w, strength: 1, wrapX: false, wrapY: false)
        #expect(right[4, 4].x < 128 && right[4, 4].y == 128)
        let down = (0..<(w * w)).map { Float($0 / w) }
        let up = NormalMap.fromHeights(down, width: w, height: w, strength: 1, wrapX: false, wrapY: false)
        #expect(up[4, 4].y > 128 && up[4, 4].x == 128)
        let flat = NormalMap.fromHeights(
            Array(repeating: 0, count: w * w), width: w, height: w, strength: 1, wrapX: true, wrapY: true)
        #expect(flat[0, 0] == SIMD4(128, 128, 255, 255))
    }

    @Test func everyGlyphHasInk() {
        for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&.-" {
            let path = StrokeFont.path(String(ch), origin: SIMD2(4, 24), capHeight: 20)
            let mask = CoverageMask(path, imageWidth: 40, imageHeight: 32)
            #expect(mask.values.reduce(0, +) > 3, "\(ch)")
        }
        #expect(StrokeFont.width("II", capHeight: 10, weight: 0.1, tracking: 0.1) == 2)
    }

    @Test func canvasPaintsOverAndRounds() {
        var canvas = Canvas(width: 4, height: 4)
        var path = Path2D()
        path.addPolygon([SIMD2(0, 0), SIMD2(2, 0), SIMD2(2, 4), SIMD2(0, 4)])
        canvas.fill(path, color: SIMD4(1, 0, 0, 1))
        canvas.fill(path, color: SIMD4(0, 0, 1, 0.5))
        let image = canvas.image()
        #expect(image[0, 0] == SIMD4(128, 0, 128, 255))
        #expect(image[3, 3] == SIMD4(0, 0, 0, 0))
    }
}
