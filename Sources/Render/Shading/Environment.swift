import Dispatch
import Foundation

/// A prepared image-based light: diffuse irradiance as spherical harmonics and a GGX
/// pre-filtered specular cube-map chain, computed once from an equirectangular HDR image and
/// shared (read-only) by every frame and thread.
///
/// Orientation (glTF world, +Y up, `d` a unit direction toward the environment):
/// `u = 0.5 + atan2(d.z, d.x) / 2pi`, `v = acos(d.y) / pi`, so u = 0 is -X, 0.25 is -Z,
/// 0.5 is +X and 0.75 is +Z; row 0 is the zenith (Blender's and the Cycles references').
///
/// ```swift
/// let env = Environment.studio()                       // built-in softbox studio, cached
/// let hdr = Environment(equirect: try HDRCodec.decode(bytes, limits: .init()))
/// let turned = env.transformed(rotationDegrees: 90, intensity: 1.5)  // shares the tables
/// ```
public final class Environment: Sendable {
    /// Pre-filtered specular levels (roughness 0, 1/6, ..., 1).
    public static let specularLevels = 7
    /// Largest face size of the cube maps.
    public static let maxFaceSize = 256

    /// The diffuse irradiance (`E / pi`) before rotation and intensity.
    public let irradianceSH: SphericalHarmonics
    /// Yaw of the environment around +Y, in degrees (positive turns the environment's +X toward -Z).
    public let rotationDegrees: Float
    /// Multiplier of every value.
    public let intensity: Float
    /// Seconds spent preparing the tables (0 for a transformed copy).
    public let preparationSeconds: Double
    /// The hot-loop view.
    public let view: EnvironmentView

    private let storage: CubeMapStorage

    /// Prepares an environment from an equirectangular image (width = 2 x height is typical;
    /// any size >= 1x1 works). Non-finite or negative values are treated as 0 and values above
    /// 65504 are clamped, so bad input cannot poison the tables.
    /// - Parameters:
    ///   - equirect: linear RGB radiance, row 0 at the zenith.
    ///   - rotationDegrees: yaw around +Y.
    ///   - intensity: multiplier.
    public convenience init(equirect: RGBFloatImage, rotationDegrees: Float = 0, intensity: Float = 1) {
        let start = DispatchTime.now().uptimeNanoseconds
        let faceSize = Self.faceSize(forEquirectWidth: equirect.width)
        let storage = CubeMapStorage(faceSizes: (0..<Self.specularLevels).map { max(1, faceSize >> $0) })
        let source = EquirectSampler(equirect)
        storage.fill(level: 0) { face, d in source.supersampled(d, face: face, faceSize: faceSize) }
        EnvironmentPrefilter.prefilter(storage)
        let sh = SphericalHarmonics.project(storage.chain)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        self.init(storage: storage, sh: sh, rotationDegrees: rotationDegrees, intensity: intensity, seconds: seconds)
    }

    private init(
        storage: CubeMapStorage, sh: SphericalHarmonics, rotationDegrees: Float, intensity: Float, seconds: Double
    ) {
        self.storage = storage
        self.irradianceSH = sh
        self.rotationDegrees = rotationDegrees.isFinite ? rotationDegrees : 0
        self.intensity = intensity.isFinite ? max(intensity, 0) : 1
        self.preparationSeconds = seconds
        self.view = EnvironmentView(
            chain: storage.chain, sh: sh, rotationDegrees: self.rotationDegrees, intensity: self.intensity)
    }

    /// The same environment turned and scaled, sharing the prepared tables (no recomputation).
    public func transformed(rotationDegrees: Float, intensity: Float) -> Environment {
        Environment(
            storage: storage, sh: irradianceSH, rotationDegrees: rotationDegrees, intensity: intensity, seconds: 0)
    }

    /// Face size of level 0 for an equirect image: a quarter of its width, rounded up to a power
    /// of two, within 8...256 (a 1024-wide panorama gives 256, its own angular resolution).
    static func faceSize(forEquirectWidth width: Int) -> Int {
        var s = 8
        while s < maxFaceSize && s * 4 < width { s *= 2 }
        return s
    }

    /// Bytes of the cube maps.
    public var byteCount: Int { storage.texelCount * MemoryLayout<SIMD4<Float>>.stride }

    // MARK: - Lookups (convenience; hot loops use `view`)

    /// `E(n) / pi`: light reflected by a white Lambertian surface with normal `normal`.
    public func irradiance(normal: SIMD3<Float>) -> SIMD3<Float> { view.irradiance(normal: normal) }

    /// Pre-filtered radiance around `direction` for GGX perceptual `roughness`.
    public func specular(direction: SIMD3<Float>, roughness: Float) -> SIMD3<Float> {
        view.specular(direction: direction, roughness: roughness)
    }

    /// The environment seen in `direction` (for `Background.environment`).
    public func background(direction: SIMD3<Float>) -> SIMD3<Float> { view.background(direction: direction) }
}

/// The hot-loop face of an ``Environment``: raw pointers and plain values. Valid while its
/// environment lives (a ``SurfaceShader`` keeps it alive).
public struct EnvironmentView: @unchecked Sendable {
    @usableFromInline let chain: CubeMapChain
    @usableFromInline let sh0: SIMD3<Float>, sh1: SIMD3<Float>, sh2: SIMD3<Float>
    @usableFromInline let sh3: SIMD3<Float>, sh4: SIMD3<Float>, sh5: SIMD3<Float>
    @usableFromInline let sh6: SIMD3<Float>, sh7: SIMD3<Float>, sh8: SIMD3<Float>
    @usableFromInline let cosYaw: Float
    @usableFromInline let sinYaw: Float
    @usableFromInline let intensity: Float
    @usableFromInline let maxLod: Float

    init(chain: CubeMapChain, sh: SphericalHarmonics, rotationDegrees: Float, intensity: Float) {
        self.chain = chain
        let c = sh.coefficients.map { $0 * intensity }
        (sh0, sh1, sh2, sh3, sh4, sh5, sh6, sh7, sh8) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])
        let r = Double(rotationDegrees) * Double.pi / 180
        cosYaw = Float(cos(r))
        sinYaw = Float(sin(r))
        self.intensity = intensity
        maxLod = Float(chain.levelCount - 1)
    }

    /// World direction to the environment's own frame (undoing the yaw).
    @inlinable @inline(__always)
    func local(_ d: SIMD3<Float>) -> SIMD3<Float> {
        SIMD3(cosYaw * d.x - sinYaw * d.z, d.y, sinYaw * d.x + cosYaw * d.z)
    }

    /// `E(n) / pi` (clamped at 0).
    @inlinable @inline(__always)
    public func irradiance(normal: SIMD3<Float>) -> SIMD3<Float> {
        let y = SphericalHarmonics.basis(local(normal))
        var e = sh0 * y.0 + sh1 * y.1 + sh2 * y.2
        e += sh3 * y.3 + sh4 * y.4 + sh5 * y.5
        e += sh6 * y.6 + sh7 * y.7 + sh8 * y.8
        return e.replacing(with: 0, where: e .< 0)
    }

    /// Pre-filtered radiance: trilinear between the levels around `roughness * 6`.
    @inlinable @inline(__always)
    public func specular(direction: SIMD3<Float>, roughness: Float) -> SIMD3<Float> {
        chain.sample(local(direction), lod: roughness * maxLod) * intensity
    }

    /// The environment itself (level 0, bilinear).
    @inlinable @inline(__always)
    public func background(direction: SIMD3<Float>) -> SIMD3<Float> {
        chain.sample(local(direction), lod: 0) * intensity
    }
}
