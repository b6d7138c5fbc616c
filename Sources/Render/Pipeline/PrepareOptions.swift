/// Limits and choices for ``PreparedScene``.
public struct PrepareOptions: Sendable, Equatable {
    /// Most triangles (summed over every scene of the file and every mesh instance).
    public var maxTriangles = 16_000_000
    /// Most vertices after instancing.
    public var maxVertices = 16_000_000
    /// Generate tangents for normal-mapped primitives that have none.
    public var generateTangents = true
    /// Size limits for texture images (a larger image is left out with a warning).
    public var textureLimits = DecodeLimits(maxPixels: 16 << 20, maxWidth: 8192, maxHeight: 8192)

    /// Default limits.
    public init() {}
}
