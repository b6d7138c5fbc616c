import Testing

@testable import Render

@Suite struct ThinPlateSplineTests {
    static let source: [SIMD2<Double>] = [
        SIMD2(400, 30), SIMD2(620, 70), SIMD2(180, 70), SIMD2(705, 425), SIMD2(95, 425), SIMD2(580, 800),
        SIMD2(220, 800), SIMD2(400, 870),
    ]
    static let target: [SIMD2<Double>] = [
        SIMD2(437.5, 656.8), SIMD2(642.7, 723.9), SIMD2(232.2, 672.5), SIMD2(682.0, 1052.4),
        SIMD2(134.2, 1168.9), SIMD2(512.8, 1406.0), SIMD2(256.3, 1494.6), SIMD2(384.5, 1525.7),
    ]

    @Test func interpolatesTheControlPoints() throws {
        let f = try #require(ThinPlateSpline(source: Self.source, target: Self.target))
        for (s, t) in zip(Self.source, Self.target) {
            let d = f(s) - t
            #expect((d * d).sum().squareRoot() < 1e-6)
        }
    }

    @Test func reproducesAnAffineMapEverywhere() throws {
        let affine = { (p: SIMD2<Double>) in SIMD2(1.3 * p.x - 0.2 * p.y + 15, 0.1 * p.x + 0.9 * p.y - 40) }
        let f = try #require(ThinPlateSpline(source: Self.source, target: Self.source.map(affine)))
        for p in [SIMD2(0.0, 0.0), SIMD2(400, 450), SIMD2(-2000, 5000), SIMD2(800, 900)] {
            let d = f(p) - affine(p)
            #expect((d * d).sum().squareRoot() < 1e-6)
        }
    }

    @Test func regularisationSmoothsButStaysClose() throws {
        var noisy = Self.target
        noisy[3] += SIMD2(40, -30)
        let exact = try #require(ThinPlateSpline(source: Self.source, target: noisy))
        let smooth = try #require(ThinPlateSpline(source: Self.source, target: noisy, lambda: 0.05))
        let exactMiss = exact(Self.source[3]) - noisy[3]
        let smoothMiss = smooth(Self.source[3]) - noisy[3]
        #expect((exactMiss * exactMiss).sum() < 1e-9)
        let miss = (smoothMiss * smoothMiss).sum().squareRoot()
        #expect(miss > 0.5 && miss < 50)
    }

    @Test func farFromTheAnchorsItIsAffine() throws {
        let f = try #require(ThinPlateSpline(source: Self.source, target: Self.target))
        for p in [SIMD2(-3000.0, 400.0), SIMD2(400, 6000)] {
            let d = f(p) - f.affine(p)
            #expect((d * d).sum() == 0)
        }
        // Near the anchors the bending part is in use.
        let near = f(SIMD2(400, 450)) - f.affine(SIMD2(400, 450))
        #expect((near * near).sum() > 1)
    }

    @Test func collinearOrTooFewPointsAreRejected() {
        let line = [SIMD2(0.0, 0.0), SIMD2(10, 10), SIMD2(20, 20), SIMD2(30, 30)]
        #expect(ThinPlateSpline(source: line, target: line) == nil)
        #expect(ThinPlateSpline(source: Array(line.prefix(2)), target: Array(line.prefix(2))) == nil)
        let same = [SIMD2(5.0, 5.0), SIMD2(5, 5), SIMD2(5, 5)]
        #expect(ThinPlateSpline(source: same, target: same) == nil)
    }

    @Test func similarityFitIsExactForTwoPoints() throws {
        let s = try #require(Similarity(from: [SIMD2(0, 0), SIMD2(10, 0)], to: [SIMD2(5, 5), SIMD2(5, 25)]))
        #expect(abs(s.scale - 2) < 1e-12)
        let p = s.apply(SIMD2(10, 0))
        #expect(abs(p.x - 5) < 1e-12 && abs(p.y - 25) < 1e-12)
    }
}
