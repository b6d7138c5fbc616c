import Foundation
import Testing

@testable import Render

@Suite struct SphericalHarmonicsTests {
    static func image(_ w: Int, _ h: Int, _ f: (SIMD3<Float>) -> SIMD3<Float>) -> RGBFloatImage {
        var px = [SIMD3<Float>](repeating: .zero, count: w * h)
        for y in 0..<h {
            let theta = (Float(y) + 0.5) / Float(h) * Float.pi
            for x in 0..<w {
                let phi = ((Float(x) + 0.5) / Float(w) - 0.5) * 2 * Float.pi
                px[y * w + x] = f(SIMD3(sin(theta) * cos(phi), cos(theta), sin(theta) * sin(phi)))
            }
        }
        return RGBFloatImage(width: w, height: h, pixels: px)
    }

    /// E(n)/pi by brute-force integration over the equirect pixels.
    static func numericIrradiance(_ img: RGBFloatImage, _ n: SIMD3<Float>) -> Float {
        var sum = 0.0
        for y in 0..<img.height {
            let theta = (Double(y) + 0.5) / Double(img.height) * Double.pi
            let dOmega = (2 * Double.pi / Double(img.width)) * (Double.pi / Double(img.height)) * sin(theta)
            for x in 0..<img.width {
                let phi = ((Double(x) + 0.5) / Double(img.width) - 0.5) * 2 * Double.pi
                let d = SIMD3<Double>(sin(theta) * cos(phi), cos(theta), sin(theta) * sin(phi))
                let c = max((d * SIMD3<Double>(n)).sum(), 0)
                sum += Double(img.pixels[y * img.width + x].x) * c * dOmega
            }
        }
        return Float(sum / Double.pi)
    }

    /// The 9 convolved coefficients (`A_l L_lm / pi`) by direct projection of the panorama.
    static func numericSH(_ img: RGBFloatImage) -> [SIMD3<Float>] {
        var sums = [SIMD3<Double>](repeating: .zero, count: 9)
        for y in 0..<img.height {
            let theta = (Double(y) + 0.5) / Double(img.height) * Double.pi
            let dOmega = (2 * Double.pi / Double(img.width)) * (Double.pi / Double(img.height)) * sin(theta)
            for x in 0..<img.width {
                let phi = ((Double(x) + 0.5) / Double(img.width) - 0.5) * 2 * Double.pi
                let d = SIMD3<Float>(Float(sin(theta) * cos(phi)), Float(cos(theta)), Float(sin(theta) * sin(phi)))
                let b = SphericalHarmonics.basis(d)
                let ys = [b.0, b.1, b.2, b.3, b.4, b.5, b.6, b.7, b.8]
                let c = SIMD3<Double>(img.pixels[y * img.width + x]) * dOmega
                for k in 0..<9 { sums[k] += c * Double(ys[k]) }
            }
        }
        let bands = [0, 1, 1, 1, 2, 2, 2, 2, 2]
        return (0..<9).map { SIMD3<Float>(sums[$0]) * SphericalHarmonics.bandFactors[bands[$0]] }
    }

    @Test func uniformEnvironmentGivesOne() {
        let env = Environment(equirect: Self.image(64, 32) { _ in SIMD3(repeating: 1) })
        for n in SurfaceShaderTests.directions(50) {
            #expect(abs(env.irradiance(normal: n).x - 1) < 0.005)
        }
    }

    @Test func linearGradientIsExact() {
        // L = 1 + 0.5 y lies in bands 0 and 1: E/pi = 1 + y/3 exactly (A1/pi = 2/3).
        let img = Self.image(256, 128) { d in SIMD3(repeating: 1 + 0.5 * d.y) }
        let env = Environment(equirect: img)
        for n in SurfaceShaderTests.directions(50) {
            let e = env.irradiance(normal: n).x
            #expect(abs(e - (1 + n.y / 3)) < 0.01, "n \(n): \(e)")
            #expect(abs(e - Self.numericIrradiance(img, n)) < 0.01)
        }
    }

    @Test func singleBrightDirectionMatchesTheOrderTwoFit() {
        // A small bright cap around d: the exact irradiance is (I Omega / pi) max(cos, 0);
        // order-2 SH give (I Omega / pi) (pi/4... ) = I Omega [1/4 + cos/2 + 5/32 (3 cos^2 - 1)]
        // (Ramamoorthi & Hanrahan 2001), within 0.1 of the peak of the exact value.
        let d = normalize(SIMD3<Float>(0.3, 0.8, -0.5))
        let capCos: Float = 0.995
        let img = Self.image(512, 256) { v in dot(v, d) > capCos ? SIMD3(repeating: 100) : .zero }
        let env = Environment(equirect: img)
        let peak = Self.numericIrradiance(img, d)
        #expect(peak > 0.5)
        for n in SurfaceShaderTests.directions(60) {
            let c = dot(n, d)
            let fit = max(peak * (0.25 + c / 2 + 5.0 / 32.0 * (3 * c * c - 1)), 0)
            let got = env.irradiance(normal: n).x
            #expect(abs(got - fit) < 0.03 * peak, "n \(n): \(got) vs fit \(fit)")
            #expect(abs(got - Self.numericIrradiance(img, n)) < 0.11 * peak)
        }
    }

    @Test func rotationTurnsTheIrradiance() {
        // Bright toward +X; turned 90 degrees, +X moves to -Z.
        let img = Self.image(128, 64) { v in v.x > 0.9 ? SIMD3(repeating: 50) : .zero }
        let env = Environment(equirect: img)
        let turned = env.transformed(rotationDegrees: 90, intensity: 2)
        let a = env.irradiance(normal: SIMD3(1, 0, 0)).x
        let b = turned.irradiance(normal: SIMD3(0, 0, -1)).x
        #expect(abs(b - 2 * a) < 1e-3 * a)
        #expect(turned.irradiance(normal: SIMD3(1, 0, 0)).x < 0.3 * a)
    }
}
