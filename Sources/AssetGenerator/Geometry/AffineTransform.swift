import Render

/// A 3x3 linear map followed by a translation: how generator parts are placed.
public struct AffineTransform: Sendable, Equatable {
    /// Image of +X (first column of the linear part).
    public var x: SIMD3<Float>
    /// Image of +Y.
    public var y: SIMD3<Float>
    /// Image of +Z.
    public var z: SIMD3<Float>
    /// Translation applied after the linear part.
    public var translation: SIMD3<Float>

    /// Creates a transform from the images of the unit axes and a translation.
    public init(
        x: SIMD3<Float> = SIMD3(1, 0, 0), y: SIMD3<Float> = SIMD3(0, 1, 0), z: SIMD3<Float> = SIMD3(0, 0, 1),
        translation: SIMD3<Float> = .zero
    ) {
        self.x = x
        self.y = y
        self.z = z
        self.translation = translation
    }

    /// The identity.
    public static let identity = AffineTransform()

    /// A translation.
    public static func translate(_ t: SIMD3<Float>) -> AffineTransform { AffineTransform(translation: t) }

    /// A per-axis scale.
    public static func scale(_ s: SIMD3<Float>) -> AffineTransform {
        AffineTransform(x: SIMD3(s.x, 0, 0), y: SIMD3(0, s.y, 0), z: SIMD3(0, 0, s.z))
    }

    /// A rotation about +X by `angle` radians (counter-clockwise looking down the axis).
    public static func rotateX(_ angle: Float) -> AffineTransform {
        let c = DMath.cos(angle)
        let s = DMath.sin(angle)
        return AffineTransform(x: SIMD3(1, 0, 0), y: SIMD3(0, c, s), z: SIMD3(0, -s, c))
    }

    /// A rotation about +Y by `angle` radians.
    public static func rotateY(_ angle: Float) -> AffineTransform {
        let c = DMath.cos(angle)
        let s = DMath.sin(angle)
        return AffineTransform(x: SIMD3(c, 0, -s), y: SIMD3(0, 1, 0), z: SIMD3(s, 0, c))
    }

    /// A rotation about +Z by `angle` radians.
    public static func rotateZ(_ angle: Float) -> AffineTransform {
        let c = DMath.cos(angle)
        let s = DMath.sin(angle)
        return AffineTransform(x: SIMD3(c, s, 0), y: SIMD3(-s, c, 0), z: SIMD3(0, 0, 1))
    }

    /// `self` applied after `first` (i.e. `self ∘ first`).
    public func concatenating(_ first: AffineTransform) -> AffineTransform {
        AffineTransform(
            x: apply(vector: first.x), y: apply(vector: first.y), z: apply(vector: first.z),
            translation: apply(point: first.translation))
    }

    /// Maps a direction (no translation).
    @inline(__always)
    public func apply(vector v: SIMD3<Float>) -> SIMD3<Float> {
        x * v.x + y * v.y + z * v.z
    }

    /// Maps a point.
    @inline(__always)
    public func apply(point p: SIMD3<Float>) -> SIMD3<Float> { apply(vector: p) + translation }

    /// Maps a normal with the inverse transpose (cofactor matrix) and renormalises it.
    public func apply(normal n: SIMD3<Float>) -> SIMD3<Float> {
        let (a, b, c) = (x, y, z)
        // Rows of the cofactor matrix are the cross products of the columns.
        let cof0 = cross(b, c)
        let cof1 = cross(c, a)
        let cof2 = cross(a, b)
        let m = cof0 * n.x + cof1 * n.y + cof2 * n.z
        let sign: Float = flipsHandedness ? -1 : 1
        return normalize(m * sign)
    }

    /// Whether the linear part has a negative determinant (a mirror).
    public var flipsHandedness: Bool {
        let (a, b, c) = (x, y, z)
        return (cross(a, b) * c).sum() < 0
    }
}
