import Render
import Testing

@testable import AssetGenerator

@Suite struct MeshDataTests {
    /// A unit quad in the XY plane facing +Z, image upright (v down the picture = -Y).
    static func quad(mirrored: Bool = false) -> MeshData {
        MeshData.grid(
            columns: 1, rows: 1,
            position: { i, j in SIMD3(Float(i), Float(j), 0) },
            normal: { _, _ in SIMD3(0, 0, 1) },
            uv: { i, j in SIMD2(mirrored ? 1 - Float(i) : Float(i), 1 - Float(j)) })
    }

    @Test func tangentsFollowGLTFConvention() {
        var mesh = Self.quad()
        mesh.computeTangents()
        // xyz along +u, and cross(n, t) * w up the picture (+Y here): w = +1.
        for t in mesh.tangents { #expect(t == SIMD4(1, 0, 0, 1)) }
        var mirrored = Self.quad(mirrored: true)
        mirrored.computeTangents()
        for t in mirrored.tangents { #expect(t == SIMD4(-1, 0, 0, -1)) }
    }

    @Test func gridWindingFacesCrossOfItsParameters() {
        let mesh = Self.quad()
        let a = mesh.positions[Int(mesh.indices[0])]
        let b = mesh.positions[Int(mesh.indices[1])]
        let c = mesh.positions[Int(mesh.indices[2])]
        #expect(cross(b - a, c - a).z > 0)
    }

    @Test func mirrorTransformKeepsTrianglesFacingOut() {
        let mesh = Self.quad().transformed(.scale(SIMD3(-1, 1, 1)))
        let a = mesh.positions[Int(mesh.indices[0])]
        let b = mesh.positions[Int(mesh.indices[1])]
        let c = mesh.positions[Int(mesh.indices[2])]
        #expect(cross(b - a, c - a).z > 0)
        #expect(mesh.normals.allSatisfy { $0 == SIMD3(0, 0, 1) })
    }

    @Test func recomputedNormalsWeldSeams() {
        // Two quads meeting at a right angle along x = 1 share averaged normals there.
        var mesh = Self.quad()
        mesh.append(
            Self.quad().transformed(
                AffineTransform.translate(SIMD3(1, 0, 0)).concatenating(.rotateY(Float(DMath.pi / 2)))))
        mesh.recomputeNormals()
        let seam = mesh.positions.indices.filter { mesh.positions[$0].x == 1 && mesh.positions[$0].z == 0 }
        #expect(seam.count == 4)
        // Both copies of each seam vertex get the same normal, between the two faces'.
        for i in seam {
            let twin = seam.first { $0 != i && mesh.positions[$0] == mesh.positions[i] }
            #expect(twin.map { mesh.normals[$0] == mesh.normals[i] } == true)
            #expect(mesh.normals[i].x > 0.3 && mesh.normals[i].z > 0.3 && abs(length(mesh.normals[i]) - 1) < 1e-6)
        }
    }

    @Test func appendOffsetsIndicesAndBoundsCoverAll() {
        var mesh = Self.quad()
        mesh.append(Self.quad().transformed(.translate(SIMD3(0, 0, 2))))
        #expect(mesh.triangleCount == 4 && mesh.indices.max() == 7)
        #expect(mesh.bounds?.max == SIMD3(1, 1, 2))
    }
}
