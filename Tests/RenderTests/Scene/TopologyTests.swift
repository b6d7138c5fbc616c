import Foundation
import Testing

@testable import Render

@Suite struct TopologyTests {
    /// Signed area of triangle `t` of a list, in the XY plane (positive = counter-clockwise).
    private func area(_ p: [SIMD3<Float>], _ list: [UInt32], _ t: Int) -> Float {
        let a = p[Int(list[3 * t])], b = p[Int(list[3 * t + 1])], c = p[Int(list[3 * t + 2])]
        return cross(b - a, c - a).z
    }

    /// A strip climbing up in Y (v[i] = (i % 2, i / 2)): every triangle must come out
    /// counter-clockwise like the first, which needs the odd ones' last two vertices swapped.
    @Test func stripsKeepTheWindingOfTheFirstTriangle() {
        let p: [SIMD3<Float>] = (0..<8).map { i in SIMD3(Float(i % 2), Float(i / 2), 0) }
        let list = Topology.triangleList((0..<8).map { UInt32($0) }, mode: .triangleStrip)
        #expect(list.count == 6 * 3)
        for t in 0..<6 {
            #expect(area(p, list, t) > 0, "triangle \(t) is clockwise")
        }
        #expect(Array(list[0..<6]) == [0, 1, 2, 1, 3, 2])
    }

    @Test func fansTurnAroundTheFirstVertex() {
        let p: [SIMD3<Float>] =
            [SIMD3(0, 0, 0)]
            + (0..<6).map { k in
                let angle = Float(k) * .pi / 5
                return SIMD3(cos(angle), sin(angle), 0)
            }
        let list = Topology.triangleList([0, 1, 2, 3, 4, 5, 6], mode: .triangleFan)
        #expect(list == [1, 2, 0, 2, 3, 0, 3, 4, 0, 4, 5, 0, 5, 6, 0])
        for t in 0..<5 { #expect(area(p, list, t) > 0) }
    }

    @Test func listsDropAnIncompleteLastTriangleAndLinesGiveNothing() {
        #expect(Topology.triangleList([0, 1, 2, 3, 4], mode: .triangles) == [0, 1, 2])
        #expect(Topology.triangleList([0, 1], mode: .triangleStrip).isEmpty)
        #expect(Topology.triangleList([0, 1, 2, 3], mode: .lines).isEmpty)
        #expect(Topology.triangleCount(mode: .triangleFan, count: 10) == 8)
    }

    /// Through the importer: a non-indexed strip and an indexed fan become triangle lists
    /// with the right counts and windings; points are dropped with a warning.
    @Test func importerConvertsStripsFansAndDropsPoints() throws {
        var b = GLTFBuilder()
        let quad = b.addPositions([SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(0, 1, 0), SIMD3(1, 1, 0)])
        let fanIndices = b.addIndices([0, 1, 3, 2])
        let mesh = b.append(
            "meshes",
            [
                "primitives": [
                    ["attributes": ["POSITION": quad], "mode": 5],
                    ["attributes": ["POSITION": quad], "indices": fanIndices, "mode": 6],
                    ["attributes": ["POSITION": quad], "mode": 0],
                ]
            ])
        b.json["nodes"] = [["mesh": mesh]]
        b.json["scenes"] = [["nodes": [0]]]
        let scene = try b.importGLB()
        let primitives = scene.meshes[0].primitives
        #expect(primitives.map(\.triangleCount) == [2, 2, 0])
        #expect(primitives.map(\.sourceMode) == [.triangleStrip, .triangleFan, .points])
        for p in primitives[0...1] {
            for t in 0..<2 { #expect(area(p.positions, p.indices, t) > 0) }
        }
        #expect(scene.warnings.contains { $0.path == "meshes[0].primitives[2].mode" })
        #expect(scene.triangleCount() == 4)
    }
}
