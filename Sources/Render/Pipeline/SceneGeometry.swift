/// World-space vertex and index data of every drawn primitive of a prepared scene, as
/// structure-of-arrays buffers owned by this object and read through ``GeometryView`` by the
/// frame's kernels.
final class SceneGeometry: @unchecked Sendable {
    let positions: UnsafeMutableBufferPointer<SIMD3<Float>>
    let normals: UnsafeMutableBufferPointer<SIMD3<Float>>
    /// Empty when no primitive has or needs tangents.
    let tangents: UnsafeMutableBufferPointer<SIMD4<Float>>
    let uv0: UnsafeMutableBufferPointer<SIMD2<Float>>
    /// Empty when no primitive has a second UV set.
    let uv1: UnsafeMutableBufferPointer<SIMD2<Float>>
    /// Empty when no primitive has vertex colours.
    let colors: UnsafeMutableBufferPointer<SIMD4<Float>>
    /// Three global vertex indices per triangle, wound counter-clockwise in world space (the
    /// winding of mirrored instances is already reversed).
    let indices: UnsafeMutableBufferPointer<UInt32>
    /// The ``DrawBatch`` of each triangle.
    let triangleBatch: UnsafeMutableBufferPointer<UInt32>

    init(vertices: Int, triangles: Int, tangents hasTangents: Bool, uv1 hasUV1: Bool, colors hasColors: Bool) {
        positions = Self.zeroed(vertices)
        normals = Self.zeroed(vertices)
        tangents = Self.zeroed(hasTangents ? vertices : 0)
        uv0 = Self.zeroed(vertices)
        uv1 = Self.zeroed(hasUV1 ? vertices : 0)
        colors = Self.zeroed(hasColors ? vertices : 0)
        indices = Self.zeroed(triangles * 3)
        triangleBatch = Self.zeroed(triangles)
    }

    deinit {
        positions.deallocate()
        normals.deallocate()
        tangents.deallocate()
        uv0.deallocate()
        uv1.deallocate()
        colors.deallocate()
        indices.deallocate()
        triangleBatch.deallocate()
    }

    /// Bytes held (for memory accounting).
    var byteCount: Int {
        positions.count * 16 + normals.count * 16 + tangents.count * 16 + uv0.count * 8 + uv1.count * 8
            + colors.count * 16 + indices.count * 4 + triangleBatch.count * 4
    }

    /// Raw pointers for the kernels.
    var view: GeometryView {
        GeometryView(
            positions: positions.baseAddress!, normals: normals.baseAddress!,
            tangents: tangents.isEmpty ? nil : tangents.baseAddress, uv0: uv0.baseAddress!,
            uv1: uv1.isEmpty ? nil : uv1.baseAddress, colors: colors.isEmpty ? nil : colors.baseAddress,
            indices: indices.baseAddress!, triangleBatch: triangleBatch.baseAddress!)
    }

    private static func zeroed<T>(_ n: Int) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(n, 1))
        UnsafeMutableRawBufferPointer(buffer).initializeMemory(as: UInt8.self, repeating: 0)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<n])
    }
}

/// The kernels' view of ``SceneGeometry``: plain pointers, valid while the scene lives.
struct GeometryView: @unchecked Sendable {
    let positions: UnsafePointer<SIMD3<Float>>
    let normals: UnsafePointer<SIMD3<Float>>
    let tangents: UnsafePointer<SIMD4<Float>>?
    let uv0: UnsafePointer<SIMD2<Float>>
    let uv1: UnsafePointer<SIMD2<Float>>?
    let colors: UnsafePointer<SIMD4<Float>>?
    let indices: UnsafePointer<UInt32>
    let triangleBatch: UnsafePointer<UInt32>

    init(
        positions: UnsafeMutablePointer<SIMD3<Float>>, normals: UnsafeMutablePointer<SIMD3<Float>>,
        tangents: UnsafeMutablePointer<SIMD4<Float>>?, uv0: UnsafeMutablePointer<SIMD2<Float>>,
        uv1: UnsafeMutablePointer<SIMD2<Float>>?, colors: UnsafeMutablePointer<SIMD4<Float>>?,
        indices: UnsafeMutablePointer<UInt32>, triangleBatch: UnsafeMutablePointer<UInt32>
    ) {
        self.positions = UnsafePointer(positions)
        self.normals = UnsafePointer(normals)
        self.tangents = tangents.map { UnsafePointer($0) }
        self.uv0 = UnsafePointer(uv0)
        self.uv1 = uv1.map { UnsafePointer($0) }
        self.colors = colors.map { UnsafePointer($0) }
        self.indices = UnsafePointer(indices)
        self.triangleBatch = UnsafePointer(triangleBatch)
    }
}
