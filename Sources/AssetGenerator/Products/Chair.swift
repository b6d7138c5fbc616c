/// An upholstered dining chair: oak legs and rails, a crowned seat cushion and a curved
/// backrest in a woven fabric with sheen, in three colourways (`KHR_materials_variants`).
///
/// 47 cm wide, 82 cm tall, seat at 49 cm; the sitter faces +Z; resting on y = 0.
enum Chair {
    /// Colourway names and fabric colours (sRGB).
    static let fabrics: [(name: String, color: UInt32, sheen: UInt32)] = [
        ("Ochre", 0xC98E2E, 0xF3D6A0), ("Teal", 0x2E6F74, 0x9FD2D2), ("Charcoal", 0x4B4C50, 0xA9ABB0),
    ]

    static func document() throws -> GLTFDocument {
        var doc = GLTFDocument(generator: SampleAssets.generator)
        let textures = ChairTextures()
        let fabricColor = doc.addTexture(
            try TextureEncoder.pngImage("fabric_basecolor", textures.fabricColor()))
        let fabricNormal = doc.addTexture(
            try TextureEncoder.pngImage("fabric_normal", textures.fabricNormal()))
        let woodColor = doc.addTexture(
            try TextureEncoder.jpegImage("oak_basecolor", textures.woodColor())
        )
        let woodNormal = doc.addTexture(
            try TextureEncoder.pngImage("oak_normal", textures.woodNormal()))

        // One fabric material per colourway; the first is the default.
        let tile = SIMD2<Float>(20, 20)
        var fabricMaterials: [Int] = []
        for fabric in fabrics {
            var m = GLTFMaterial(name: "fabric_\(fabric.name.lowercased())")
            m.baseColorFactor = Color.linear(Color.hex(fabric.color))
            m.baseColorTexture = GLTFTextureRef(fabricColor, scale: tile)
            m.roughnessFactor = 0.85
            m.normalTexture = GLTFTextureRef(fabricNormal, scale: tile)
            m.normalScale = 0.8
            let sheen = Color.linear(Color.hex(fabric.sheen))
            m.sheenColorFactor = SIMD3(sheen.x, sheen.y, sheen.z) * 0.6
            m.sheenRoughnessFactor = 0.55
            fabricMaterials.append(doc.addMaterial(m))
        }
        doc.variants = fabrics.map(\.name)
        var oak = GLTFMaterial(name: "oiled_oak")
        oak.baseColorTexture = GLTFTextureRef(woodColor)
        oak.roughnessFactor = 0.5
        oak.normalTexture = GLTFTextureRef(woodNormal)
        oak.normalScale = 0.5
        let oakIndex = doc.addMaterial(oak)

        var upholstery = seat()
        upholstery.append(backrest())
        upholstery.computeTangents()
        var frame = legs()
        frame.append(rails())
        frame.computeTangents()

        let mappings = fabricMaterials.enumerated().map { (material: $0.element, variants: [$0.offset]) }
        let mesh = doc.addMesh(
            GLTFMesh(
                name: "chair",
                primitives: [
                    GLTFPrimitive(upholstery, material: fabricMaterials[0], variantMappings: mappings),
                    GLTFPrimitive(frame, material: oakIndex),
                ]))
        doc.sceneNodes = [doc.addNode(GLTFNode(name: "chair", mesh: mesh))]
        return doc
    }

    /// Where a back leg runs at height `y` (the back posts lean back above the seat).
    static func backPost(_ y: Float) -> Float { y < 0.42 ? -0.215 + 0.025 * y / 0.42 : -0.19 - 0.15 * (y - 0.42) }

    static func seat() -> MeshData {
        RoundedBox(size: SIMD3(0.47, 0.075, 0.45), radius: 0.032, segments: 14, crown: 0.015).mesh()
            .transformed(.translate(SIMD3(0, 0.4575, 0.005)))
    }

    /// A backrest bent around the sitter and leaning back like the posts.
    static func backrest() -> MeshData {
        var mesh = RoundedBox(size: SIMD3(0.45, 0.23, 0.05), radius: 0.022, segments: 14).mesh()
        mesh.positions = mesh.positions.map { p in
            let x = p.x / 0.225
            return SIMD3(p.x, p.y, p.z + 0.03 * x * x)
        }
        mesh.recomputeNormals()
        let lean = AffineTransform.rotateX(-0.15)
        let centre = SIMD3<Float>(0, 0.7, backPost(0.7) + 0.002)
        return mesh.transformed(AffineTransform.translate(centre).concatenating(lean))
    }

    /// Four tapered round legs; the back ones continue up as the backrest's posts. The feet
    /// are cut flat on the floor.
    static func legs() -> MeshData {
        var mesh = splayedLegs()
        mesh.positions = mesh.positions.map { SIMD3($0.x, max($0.y, 0), $0.z) }
        return mesh
    }

    static func splayedLegs() -> MeshData {
        var mesh = MeshData()
        for side: Float in [-1, 1] {
            // Front leg: a slight splay, 32 mm at the seat down to 22 mm at the floor.
            mesh.append(
                leg(12) { t in
                    (SIMD3(side * (0.208 - 0.01 * t), 0.42 * t, 0.205 - 0.012 * t), 0.011 + 0.005 * t)
                })
            // Back leg and post, from the floor to the top of the backrest.
            mesh.append(
                leg(24) { t in
                    let y = 0.8 * t
                    return (
                        SIMD3(side * 0.198, y, backPost(y)),
                        y < 0.42 ? 0.011 + 0.005 * y / 0.42 : 0.016 - 0.003 * (y - 0.42) / 0.38
                    )
                })
        }
        return mesh
    }

    /// A round turned leg along `point(t)` (t from 0 at the floor to 1), with its radius.
    static func leg(_ steps: Int, _ point: (Float) -> (SIMD3<Float>, Float)) -> MeshData {
        let section: [SIMD2<Float>] = (0..<18).map { k in
            let a = 2 * DMath.pi * Double(k) / 18
            return SIMD2(Float(DMath.cos(a)), Float(DMath.sin(a)))
        }
        let samples = (0...steps).map { point(Float($0) / Float(steps)) }
        return Sweep(
            path: samples.map(\.0), section: section, scales: samples.map { SIMD2(repeating: $0.1) },
            frame: .transported(initialNormal: SIMD3(1, 0, 0)), vPerMetre: 1.6, capEnds: true
        ).mesh()
    }

    /// The seat's apron: four rails between the legs, grain along their length.
    static func rails() -> MeshData {
        var mesh = MeshData()
        let sideRail = RoundedBox(size: SIMD3(0.022, 0.05, 0.40), radius: 0.004, segments: 4, uvPerMetre: 1.6).mesh()
        let frontRail = RoundedBox(size: SIMD3(0.40, 0.05, 0.022), radius: 0.004, segments: 4, uvPerMetre: 1.6).mesh()
        defer {
            // Grain runs along v in the texture; the rails' long sides have u along the rail.
            mesh.uvs = mesh.uvs.map { SIMD2($0.y, $0.x) }
        }
        for side: Float in [-1, 1] {
            mesh.append(sideRail.transformed(.translate(SIMD3(side * 0.2, 0.395, 0))))
            var rail = frontRail.transformed(.translate(SIMD3(0, 0.395, side > 0 ? 0.195 : -0.2)))
            // Grain runs along v in the texture: turn the rails' UVs so it follows them.
            rail.uvs = rail.uvs.map { SIMD2($0.y, $0.x) }
            mesh.append(rail)
        }
        return mesh
    }
}
