/// Limits and choices for ``PreparedScene``.
public struct PrepareOptions: Sendable, Equatable {
    /// Most triangles (summed over every scene of the file and every mesh instance).
    public var maxTriangles = 16_000_000
    /// Most vertices after instancing.
    public var maxVertices = 16_000_000
    /// Generate tangents for normal-mapped primitives that have none.
    public var generateTangents = true

    /// Default limits.
    public init() {}
}
