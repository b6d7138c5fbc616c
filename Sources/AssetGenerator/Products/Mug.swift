import Render

/// A 330 ml stoneware mug: dipped speckled cream glaze over toasted clay, a deep-blue glazed
/// inside and rim, a printed logo on the front (+Z) and the handle on the right (+X).
///
/// 82 mm across (115 mm with the handle), 94 mm tall, resting on its foot ring at y = 0.
enum Mug {
    /// Outer radius of the wall.
    static let radius: Float = 0.041
    /// Height of the rim's top.
    static let height: Float = 0.0943

    static func document() throws -> GLTFDocument {
        var doc = GLTFDocument(generator: SampleAssets.generator)
        let textures = MugTextures()
        let bodyColor = doc.addTexture(
            try TextureEncoder.pngImage("mug_body_basecolor", textures.baseColor()))
        let bodyMR = doc.addTexture(
            try TextureEncoder.pngImage("mug_body_roughness", textures.roughness()))
        let bodyNormal = doc.addTexture(
            try TextureEncoder.pngImage("mug_body_normal", textures.normal()))

        var glaze = GLTFMaterial(name: "speckled_glaze")
        glaze.baseColorTexture = GLTFTextureRef(bodyColor)
        glaze.metallicRoughnessTexture = GLTFTextureRef(bodyMR)
        glaze.normalTexture = GLTFTextureRef(bodyNormal)
        glaze.normalScale = 0.6
        let glazeIndex = doc.addMaterial(glaze)

        var inner = GLTFMaterial(name: "blue_glaze_inside")
        inner.baseColorFactor = Color.linear(MugTextures.blueGlaze)
        inner.roughnessFactor = 0.08
        let innerIndex = doc.addMaterial(inner)

        var clay = GLTFMaterial(name: "raw_clay_foot")
        clay.baseColorFactor = Color.linear(MugTextures.clay)
        clay.roughnessFactor = 0.85
        let clayIndex = doc.addMaterial(clay)

        let lathe = Lathe(sides: 112)
        let profile = profile()
        var body = lathe.mesh(Lathe.Segment(points: profile.outside, v: (1, 0)))
        var handle = handleMesh()
        body.computeTangents()
        handle.computeTangents()
        var glazed = body
        glazed.append(handle)
        let primitives = [
            GLTFPrimitive(glazed, material: glazeIndex),
            GLTFPrimitive(lathe.mesh(Lathe.Segment(points: profile.inside)), material: innerIndex),
            GLTFPrimitive(lathe.mesh(Lathe.Segment(points: profile.foot)), material: clayIndex),
        ]
        let mesh = doc.addMesh(GLTFMesh(name: "mug", primitives: primitives))
        doc.sceneNodes = [doc.addNode(GLTFNode(name: "mug", mesh: mesh))]
        return doc
    }

    /// The profile in three runs: the unglazed underside (centre outwards), the outside
    /// wall (foot to rim, the textured part) and the rim plus inside (rim down to the centre).
    static func profile() -> (foot: [SIMD2<Float>], outside: [SIMD2<Float>], inside: [SIMD2<Float>]) {
        var foot = ProfilePath(start: SIMD2(0, 0.0035))
        foot.line(to: SIMD2(0.029, 0.0035), segments: 6)
        foot.cubic(to: SIMD2(0.0325, 0), SIMD2(0.031, 0.0035), SIMD2(0.031, 0), segments: 4)
        foot.line(to: SIMD2(0.0365, 0), segments: 2)

        var outside = ProfilePath(start: SIMD2(0.0365, 0))
        outside.arc(center: SIMD2(0.0365, 0.0045), toDegrees: 0, segments: 8)
        // A slight belly: widest a third of the way up, like a thrown mug.
        outside.cubic(
            to: SIMD2(radius, 0.0925), SIMD2(radius + 0.0006, 0.035), SIMD2(radius + 0.0003, 0.07), segments: 28)

        var inside = ProfilePath(start: SIMD2(radius, 0.0925))
        inside.arc(center: SIMD2(0.03925, 0.0925), toDegrees: 180, segments: 10)
        inside.line(to: SIMD2(0.0375, 0.016), segments: 6)
        inside.arc(center: SIMD2(0.0315, 0.016), toDegrees: -90, segments: 8)
        inside.line(to: SIMD2(0, 0.01), segments: 8)
        return (foot.points, outside.points, inside.points)
    }

    /// The handle: a rounded oval section swept along a D-shaped curve on the +X side,
    /// its ends buried in the wall. Textured from a plain stretch of the body's glaze.
    static func handleMesh() -> MeshData {
        var path = ProfilePath(start: SIMD2(0.0392, 0.077))
        path.cubic(to: SIMD2(0.0392, 0.027), SIMD2(0.083, 0.085), SIMD2(0.074, 0.016), segments: 48)
        let section: [SIMD2<Float>] = (0..<24).map { k in
            // A superellipse (exponent 3): flatter sides than an ellipse, like a pulled handle.
            let a = 2 * DMath.pi * Double(k) / 24
            let c = DMath.cos(a)
            let s = DMath.sin(a)
            let cx = Float(c < 0 ? -DMath.pow(-c, 2.0 / 3) : DMath.pow(c, 2.0 / 3))
            let sy = Float(s < 0 ? -DMath.pow(-s, 2.0 / 3) : DMath.pow(s, 2.0 / 3))
            return SIMD2(cx * 0.0046, sy * 0.0072)
        }
        // Thicker where it meets the wall, slimmer in the grip.
        let count = path.points.count
        let scales: [SIMD2<Float>] = (0..<count).map { k in
            let t = Float(k) / Float(count - 1)
            let ends = max(0, 1 - min(t, 1 - t) * 6)
            return SIMD2(1 + 0.35 * ends * ends, 1 + 0.15 * ends * ends)
        }
        let sweep = Sweep(
            path: path.points.map { SIMD3($0.x, $0.y, 0) }, section: section, scales: scales,
            frame: .fixedBinormal(SIMD3(0, 0, 1)), vPerMetre: 1)
        var mesh = sweep.mesh()
        let length = path.length
        // Along the handle -> u in [0.02, 0.37] (the back of the mug), around -> v in [0.15, 0.55].
        mesh.uvs = mesh.uvs.map { SIMD2(0.02 + 0.35 * $0.y / length, 0.15 + 0.4 * $0.x) }
        return mesh
    }
}
