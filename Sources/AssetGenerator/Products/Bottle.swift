/// A 750 ml insulated water bottle: sage powder-coated steel with a white print, a brushed
/// steel base, and a knurled black cap with a carry loop. Print faces +Z.
///
/// 73 mm across, 283 mm tall to the top of the loop, resting on y = 0.
enum Bottle {
    static let radius: Float = 0.0365

    static func document() throws -> GLTFDocument {
        var doc = GLTFDocument(generator: SampleAssets.generator)
        let textures = BottleTextures()
        let color = doc.addTexture(
            try TextureEncoder.pngImage("bottle_basecolor", textures.baseColor()))
        let normal = doc.addTexture(
            try TextureEncoder.pngImage("bottle_powdercoat_normal", textures.normal()))
        let brushed = doc.addTexture(
            try TextureEncoder.pngImage("bottle_brushed_normal", textures.brushed())
        )

        var coat = GLTFMaterial(name: "powder_coat")
        coat.baseColorTexture = GLTFTextureRef(color)
        coat.roughnessFactor = 0.55
        coat.normalTexture = GLTFTextureRef(normal, scale: SIMD2(4, 4))
        coat.normalScale = 0.5
        let coatIndex = doc.addMaterial(coat)

        var steel = GLTFMaterial(name: "brushed_steel")
        steel.baseColorFactor = Color.linear(Color.hex(0xCDCFD1))
        steel.metallicFactor = 1
        steel.roughnessFactor = 0.3
        steel.normalTexture = GLTFTextureRef(brushed)
        let steelIndex = doc.addMaterial(steel)

        var cap = GLTFMaterial(name: "black_plastic")
        cap.baseColorFactor = Color.linear(Color.hex(0x232427))
        cap.roughnessFactor = 0.62
        let capIndex = doc.addMaterial(cap)

        let lathe = Lathe(sides: 96)
        let (base, body) = profile()
        var bodyMesh = lathe.mesh(Lathe.Segment(points: body, v: (1, 0)))
        bodyMesh.computeTangents()
        var baseMesh = lathe.mesh(Lathe.Segment(points: base, v: (0, 1)))
        baseMesh.computeTangents()
        var capMesh = capBody()
        capMesh.append(loop())

        let mesh = doc.addMesh(
            GLTFMesh(
                name: "bottle",
                primitives: [
                    GLTFPrimitive(bodyMesh, material: coatIndex), GLTFPrimitive(baseMesh, material: steelIndex),
                ]))
        let capMeshIndex = doc.addMesh(GLTFMesh(name: "cap", primitives: [GLTFPrimitive(capMesh, material: capIndex)]))
        let capNode = doc.addNode(GLTFNode(name: "cap", mesh: capMeshIndex))
        doc.sceneNodes = [doc.addNode(GLTFNode(name: "bottle", mesh: mesh, children: [capNode]))]
        return doc
    }

    /// The steel base (underside and a band) and the coated body up to the neck.
    static func profile() -> (base: [SIMD2<Float>], body: [SIMD2<Float>]) {
        var base = ProfilePath(start: SIMD2(0, 0.0035))
        base.line(to: SIMD2(0.029, 0.0035), segments: 5)
        base.cubic(to: SIMD2(0.0325, 0), SIMD2(0.031, 0.0035), SIMD2(0.031, 0), segments: 4)
        base.arc(center: SIMD2(0.0325, 0.004), toDegrees: 0, segments: 6)
        base.line(to: SIMD2(radius, 0.013), segments: 3)
        // The coat starts a hair proud of the steel, as a coated edge does.
        var body = ProfilePath(start: SIMD2(radius, 0.013))
        body.line(to: SIMD2(radius + 0.0003, 0.0135), segments: 1)
        body.line(to: SIMD2(radius + 0.0003, 0.192), segments: 4)
        body.cubic(to: SIMD2(0.0246, 0.2265), SIMD2(radius + 0.0003, 0.214), SIMD2(0.0246, 0.214), segments: 24)
        body.line(to: SIMD2(0.0246, 0.2295), segments: 2)
        return (base.points, body.points)
    }

    /// The cap: a lathe profile with vertical grip ridges, made as a grid so the ridges are
    /// real geometry.
    static func capBody() -> MeshData {
        var p = ProfilePath(start: SIMD2(0.0246, 0.2288))
        p.line(to: SIMD2(0.0258, 0.2288), segments: 1)
        p.arc(center: SIMD2(0.0258, 0.2298), toDegrees: 0, segments: 3)
        // Rows where the grip band fades in and out, few in between (the ridges run straight).
        for y: Float in [0.2312, 0.2322, 0.2335, 0.2425, 0.2515, 0.2528, 0.2538, 0.2575] {
            p.line(to: SIMD2(0.0268, y))
        }
        p.arc(center: SIMD2(0.0223, 0.2575), toDegrees: 90, segments: 8)
        p.line(to: SIMD2(0, 0.262), segments: 6)
        let profile = p.points
        let ridges = 42
        let sides = ridges * 4
        return MeshData.grid(
            columns: sides, rows: profile.count - 1,
            position: { i, j in
                let a = Double(i) / Double(sides) * 2 * DMath.pi
                let y = profile[j].y
                // Rounded ridges (|sin|) over the grip band, fading out at its ends.
                let band = Color.smoothstep(0.2315, 0.2335, y) * (1 - Color.smoothstep(0.2515, 0.2535, y))
                let ridge = Float(abs(DMath.sin(a * Double(ridges) / 2)))
                let r = profile[j].x + 0.0006 * band * ridge
                return SIMD3(r * Float(DMath.sin(a)), y, r * Float(DMath.cos(a)))
            },
            uv: { i, j in SIMD2(Float(i) / Float(sides), Float(j) / Float(profile.count - 1)) })
    }

    /// The carry loop over the cap.
    static func loop() -> MeshData {
        var path = ProfilePath(start: SIMD2(-0.0125, 0.2585))
        path.line(to: SIMD2(-0.0125, 0.266), segments: 2)
        path.arc(center: SIMD2(0, 0.266), toDegrees: 0, segments: 24)
        path.line(to: SIMD2(0.0125, 0.2585), segments: 2)
        let section: [SIMD2<Float>] = (0..<16).map { k in
            let a = 2 * DMath.pi * Double(k) / 16
            let c = DMath.cos(a)
            let s = DMath.sin(a)
            // Rounded rectangle: 4 mm thick radially, 7 mm wide.
            let cx = Float(c < 0 ? -DMath.pow(-c, 0.5) : DMath.pow(c, 0.5))
            let sy = Float(s < 0 ? -DMath.pow(-s, 0.5) : DMath.pow(s, 0.5))
            return SIMD2(cx * 0.002, sy * 0.0035)
        }
        return Sweep(
            path: path.points.map { SIMD3($0.x, $0.y, 0) }, section: section, frame: .fixedBinormal(SIMD3(0, 0, 1)),
            capEnds: true
        ).mesh()
    }
}
