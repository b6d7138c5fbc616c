import Render
import Testing

@testable import AssetGenerator

@Suite struct ShapeTests {
    @Test func latheNormalsPointOutAndAngleZeroIsFront() {
        let mesh = Lathe(sides: 16).mesh(Lathe.Segment(points: [SIMD2(0.05, 0), SIMD2(0.05, 0.1)], v: (1, 0)))
        for (p, n) in zip(mesh.positions, mesh.normals) {
            #expect(abs(length(SIMD3(p.x, 0, p.z)) - 0.05) < 1e-6)
            #expect(dot(n, normalize(SIMD3(p.x, 0, p.z))) > 0.999)
        }
        // u = 0.5 faces +Z with the seam at the back.
        let front = mesh.positions.indices.filter { abs(mesh.uvs[$0].x - 0.5) < 1e-6 }
        #expect(front.allSatisfy { mesh.positions[$0].z > 0.0499 })
        #expect(mesh.uvs.allSatisfy { $0.y >= 0 && $0.y <= 1 })
        let a = mesh.positions[Int(mesh.indices[0])]
        let b = mesh.positions[Int(mesh.indices[1])]
        let c = mesh.positions[Int(mesh.indices[2])]
        #expect(dot(cross(b - a, c - a), mesh.normals[Int(mesh.indices[0])]) > 0)
    }

    @Test func sweepKeepsItsRadiusAndFacesOut() {
        let section: [SIMD2<Float>] = (0..<12).map {
            SIMD2(DMath.cos(Float($0) * Float(DMath.pi) / 6), DMath.sin(Float($0) * Float(DMath.pi) / 6)) * 0.01
        }
        let path: [SIMD3<Float>] = (0...10).map { SIMD3(0, Float($0) * 0.01, 0) }
        let mesh = Sweep(path: path, section: section, frame: .transported(initialNormal: SIMD3(1, 0, 0))).mesh()
        for (p, n) in zip(mesh.positions, mesh.normals) {
            let radial = SIMD3(p.x, 0, p.z)
            #expect(abs(length(radial) - 0.01) < 1e-6)
            #expect(dot(n, normalize(radial)) > 0.99)
        }
        let a = mesh.positions[Int(mesh.indices[0])]
        let b = mesh.positions[Int(mesh.indices[1])]
        let c = mesh.positions[Int(mesh.indices[2])]
        #expect(dot(cross(b - a, c - a), SIMD3(a.x, 0, a.z)) > 0)
    }

    @Test func roundedBoxHasItsSize() throws {
        let mesh = RoundedBox(size: SIMD3(0.4, 0.1, 0.2), radius: 0.02).mesh()
        let bounds = try #require(mesh.bounds)
        #expect(
            length(bounds.min - SIMD3(-0.2, -0.05, -0.1)) < 1e-6 && length(bounds.max - SIMD3(0.2, 0.05, 0.1)) < 1e-6)
        for (p, n) in zip(mesh.positions, mesh.normals) { #expect(dot(p, n) > 0) }
        let crowned = RoundedBox(size: SIMD3(0.4, 0.1, 0.2), radius: 0.02, crown: 0.01).mesh()
        #expect(abs((crowned.bounds?.max.y ?? 0) - 0.06) < 1e-5)
    }

    @Test func profilePathArcsAndCurves() {
        var path = ProfilePath(start: SIMD2(1, 0))
        path.arc(center: .zero, toDegrees: 90, segments: 8)
        #expect(abs(path.end.x) < 1e-6 && abs(path.end.y - 1) < 1e-6)
        #expect(abs(path.length - Float(DMath.pi / 2)) < 0.01)
        path.cubic(to: SIMD2(0, 2), SIMD2(0, 1.3), SIMD2(0, 1.6), segments: 5)
        #expect(path.end == SIMD2(0, 2) && path.points.count == 14)
    }
}
