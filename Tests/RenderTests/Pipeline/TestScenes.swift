import Foundation

@testable import Render

/// Small scenes built in code for renderer tests.
enum TestScenes {
    /// A scene of one node per (mesh, matrix), each mesh drawn with its material.
    static func scene(_ parts: [(Primitive, Matrix4)], materials: [Material] = [], variants: [String] = []) -> Scene {
        var scene = Scene(source: "test")
        scene.materials = materials
        scene.variants = variants
        for (i, part) in parts.enumerated() {
            scene.meshes.append(Mesh(name: "m\(i)", primitives: [part.0]))
            scene.nodes.append(Node(name: "n\(i)", localMatrix: part.1, mesh: i))
        }
        scene.scenes = [SceneRoots(name: nil, nodes: Array(scene.nodes.indices))]
        return scene
    }

    /// A unit quad in the z = 0 plane, facing +Z (counter-clockwise seen from +Z).
    static func quad(size: Float = 1, material: Int? = nil, colors: [SIMD4<Float>]? = nil) -> Primitive {
        let h = size / 2
        return Primitive(
            positions: [SIMD3(-h, -h, 0), SIMD3(h, -h, 0), SIMD3(h, h, 0), SIMD3(-h, h, 0)],
            normals: [SIMD3<Float>](repeating: SIMD3(0, 0, 1), count: 4),
            texcoords: [[SIMD2(0, 1), SIMD2(1, 1), SIMD2(1, 0), SIMD2(0, 0)]], colors: colors,
            indices: [0, 1, 2, 0, 2, 3], material: material)
    }

    /// A UV sphere with `rings` x `segments` quads (two triangles each).
    static func sphere(rings: Int = 24, segments: Int = 48, radius: Float = 1, material: Int? = nil) -> Primitive {
        var positions: [SIMD3<Float>] = []
        var normals: [SIMD3<Float>] = []
        var uvs: [SIMD2<Float>] = []
        for r in 0...rings {
            let theta = Float.pi * Float(r) / Float(rings)
            for s in 0...segments {
                let phi = 2 * Float.pi * Float(s) / Float(segments)
                let n = SIMD3(sin(theta) * cos(phi), cos(theta), -sin(theta) * sin(phi))
                positions.append(n * radius)
                normals.append(n)
                uvs.append(SIMD2(Float(s) / Float(segments), Float(r) / Float(rings)))
            }
        }
        var indices: [UInt32] = []
        let stride = UInt32(segments + 1)
        for r in 0..<UInt32(rings) {
            for s in 0..<UInt32(segments) {
                let a = r * stride + s
                let b = a + stride
                indices += [a, b, b + 1, a, b + 1, a + 1]
            }
        }
        return Primitive(positions: positions, normals: normals, texcoords: [uvs], indices: indices, material: material)
    }

    /// A camera looking down -Z at the origin from z = 3 with a 45° field of view.
    static func frontCamera(width: Int = 64, height: Int = 64) -> CameraSelection {
        .matrices(
            view: .lookAt(eye: SIMD3(0, 0, 3), target: .zero, up: SIMD3(0, 1, 0)),
            projection: .perspective(yfov: .pi / 4, aspect: Float(width) / Float(height), near: 1, far: 10))
    }

    /// An orthographic camera looking down -Z that maps x, y in [-1, 1] to the whole image.
    static func orthoCamera() -> CameraSelection {
        let projection = Matrix4(SIMD4(1, 0, 0, 0), SIMD4(0, 1, 0, 0), SIMD4(0, 0, -0.2, 0), SIMD4(0, 0, -1, 1))
        return .matrices(view: .lookAt(eye: SIMD3(0, 0, 5), target: .zero, up: SIMD3(0, 1, 0)), projection: projection)
    }

    /// Options for small unlit test frames.
    static func unlit(width: Int = 64, height: Int = 64, samples: Int = 1, camera: CameraSelection? = nil)
        -> RenderOptions
    {
        var o = RenderOptions()
        o.width = width
        o.height = height
        o.samples = samples
        o.shading = .unlit
        o.shadow = false
        o.camera = camera ?? orthoCamera()
        return o
    }

    /// Pixels with non-zero alpha.
    static func coveredPixels(_ image: RGBA8Image) -> Int {
        stride(from: 3, to: image.pixels.count, by: 4).filter { image.pixels[$0] != 0 }.count
    }
}
