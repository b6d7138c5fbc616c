import Render

/// Tortoiseshell acetate sunglasses (size 52-20-145) with gradient green-grey lenses, for
/// 3D try-on.
///
/// Convention (also written to `sunglasses.json`): metres; origin at the bridge, midway
/// between the lens centres on the frame's front; +X towards the wearer's left, +Y up, +Z
/// forward (out of the face, where the wearer looks); the temples run back along -Z.
enum Sunglasses {
    /// Lens centres are 36 mm either side of the bridge (52 mm lenses, 20 mm bridge).
    static let lensCentreX: Float = 0.036
    static let lensHalfWidth: Float = 0.026
    static let lensHalfHeight: Float = 0.0205
    static let hinge = SIMD3<Float>(0.0675, 0.011, -0.009)
    static let ear = SIMD3<Float>(0.0715, -0.004, -0.104)
    static let templeEnd = SIMD3<Float>(0.0675, -0.034, -0.142)

    /// Named points in metres, for placing the model on a face.
    static let anchors: [(String, SIMD3<Float>)] = [
        ("bridge", SIMD3(0, 0, 0)),
        ("left_eye", SIMD3(0.031, 0, -0.012)), ("right_eye", SIMD3(-0.031, 0, -0.012)),
        ("left_lens_centre", SIMD3(lensCentreX, 0, 0.001)), ("right_lens_centre", SIMD3(-lensCentreX, 0, 0.001)),
        ("left_hinge", hinge), ("right_hinge", hinge * SIMD3(-1, 1, 1)),
        ("left_ear", ear), ("right_ear", ear * SIMD3(-1, 1, 1)),
        ("left_temple_end", templeEnd), ("right_temple_end", templeEnd * SIMD3(-1, 1, 1)),
    ]

    /// The lens outline of the left lens (x > 0) around its centre: a softened trapezoid,
    /// wider at the top, its outer top corner swept up a little.
    static func outline(_ count: Int, grow: Float = 0) -> [SIMD2<Float>] {
        (0..<count).map { k in
            let a = 2 * DMath.pi * Double(k) / Double(count)
            let c = DMath.cos(a)
            let s = DMath.sin(a)
            let x = Float(c < 0 ? -DMath.pow(-c, 0.55) : DMath.pow(c, 0.55)) * (lensHalfWidth + grow)
            let y = Float(s < 0 ? -DMath.pow(-s, 0.75) : DMath.pow(s, 0.7)) * (lensHalfHeight + grow)
            let widen = 1 + 0.1 * y / lensHalfHeight
            let sweep = y > 0 ? 0.0025 * max(0, x / lensHalfWidth) : 0
            return SIMD2(x * widen, y + sweep)
        }
    }

    /// The lens surface's forward bulge at an offset from its centre (base curve).
    static func bulge(_ p: SIMD2<Float>) -> Float { 0.003 - 2.2 * (p * p).sum() }

    static func document() throws -> GLTFDocument {
        var doc = GLTFDocument(generator: SampleAssets.generator)
        let textures = SunglassesTextures()
        let shell = doc.addTexture(try TextureEncoder.pngImage("tortoiseshell_basecolor", textures.tortoiseshell()))
        let tint = doc.addTexture(
            try TextureEncoder.pngImage("lens_gradient", textures.lensGradient()),
            sampler: GLTFSampler(clampToEdge: true))
        var acetate = GLTFMaterial(name: "tortoiseshell_acetate")
        acetate.baseColorTexture = GLTFTextureRef(shell)
        acetate.roughnessFactor = 0.18
        let acetateIndex = doc.addMaterial(acetate)
        var lens = GLTFMaterial(name: "gradient_lens")
        lens.baseColorTexture = GLTFTextureRef(tint)
        lens.roughnessFactor = 0.04
        lens.alphaMode = .blend
        lens.doubleSided = true
        let lensIndex = doc.addMaterial(lens)

        var frame = front()
        frame.append(temple(side: 1))
        frame.append(temple(side: -1))
        var glass = lensMesh(side: 1)
        glass.append(lensMesh(side: -1))
        let frameMesh = doc.addMesh(GLTFMesh(name: "frame", primitives: [GLTFPrimitive(frame, material: acetateIndex)]))
        let lensMeshIndex = doc.addMesh(
            GLTFMesh(name: "lenses", primitives: [GLTFPrimitive(glass, material: lensIndex)]))
        let lenses = doc.addNode(GLTFNode(name: "lenses", mesh: lensMeshIndex))
        doc.sceneNodes = [doc.addNode(GLTFNode(name: "sunglasses", mesh: frameMesh, children: [lenses]))]
        return doc
    }

    /// Rims (a thick brow on top), the bridge and the hinge blocks.
    static func front() -> MeshData {
        var mesh = MeshData()
        let count = 72
        let section: [SIMD2<Float>] = (0..<16).map { k in
            let a = 2 * DMath.pi * Double(k) / 16
            let c = DMath.cos(a)
            let s = DMath.sin(a)
            return SIMD2(
                Float(c < 0 ? -DMath.pow(-c, 0.5) : DMath.pow(c, 0.5)),
                Float(s < 0 ? -DMath.pow(-s, 0.5) : DMath.pow(s, 0.5)))
        }
        for side: Float in [1, -1] {
            let lens = outline(count)
            // Rim width: 9 mm along the brow, 4 mm under the lens; its centre line sits
            // half a width outside the lens edge.
            let widths: [Float] = lens.map { 0.0042 + 0.0048 * Color.smoothstep(0.1, 0.75, $0.y / lensHalfHeight) }
            let normals: [SIMD2<Float>] = lens.indices.map { k in
                let d = lens[(k + 1) % count] - lens[(k + count - 1) % count]
                return normalize2(SIMD2(d.y, -d.x))
            }
            let path: [SIMD3<Float>] = lens.indices.map { k in
                let p = lens[k] + normals[k] * (widths[k] / 2 - 0.0008)
                let z = bulge(lens[k]) - 0.001
                return SIMD3(side * (lensCentreX + p.x), p.y, z)
            }
            let scales = widths.map { SIMD2($0 / 2, 0.003) }
            let rim = Sweep(
                path: side > 0 ? path : path.reversed(), closed: true, section: section,
                scales: side > 0 ? scales : scales.reversed(), frame: .fixedBinormal(SIMD3(0, 0, 1)), vPerMetre: 45
            ).mesh()
            mesh.append(rim)
            // Hinge block on the rim's outer top corner.
            let block = RoundedBox(size: SIMD3(0.008, 0.011, 0.012), radius: 0.0025, segments: 4, uvPerMetre: 45).mesh()
            mesh.append(block.transformed(.translate(SIMD3(side * (hinge.x - 0.002), hinge.y, hinge.z + 0.004))))
        }
        // The bridge: a low keyhole arch between the rims' inner edges.
        var bridge = ProfilePath(start: SIMD2(0.0125, 0.0085))
        bridge.cubic(to: SIMD2(-0.0125, 0.0085), SIMD2(0.006, 0.0125), SIMD2(-0.006, 0.0125), segments: 16)
        let bridgeSection: [SIMD2<Float>] = (0..<12).map { k in
            let a = 2 * DMath.pi * Double(k) / 12
            return SIMD2(Float(DMath.cos(a)) * 0.0032, Float(DMath.sin(a)) * 0.003)
        }
        mesh.append(
            Sweep(
                path: bridge.points.map { SIMD3($0.x, $0.y, 0.0015) }, section: bridgeSection,
                frame: .fixedBinormal(SIMD3(0, 0, 1)), vPerMetre: 45, capEnds: true
            ).mesh())
        return mesh
    }

    /// One temple (arm): from the hinge back past the ear, then bending down behind it.
    static func temple(side: Float) -> MeshData {
        var path: [SIMD3<Float>] = []
        let start = hinge + SIMD3(-0.001, 0, -0.002)
        for k in 0...24 {
            let s = Float(k) / 24
            path.append(start + (ear - start) * s + SIMD3(0.003 * s * (1 - s), 0, 0))
        }
        for k in 1...12 {
            let s = Float(k) / 12
            let bend = ear + (templeEnd - ear) * s
            path.append(bend + SIMD3(0, 0.006 * s * (1 - s), -0.004 * s * (1 - s)))
        }
        path = path.map { SIMD3(side * $0.x, $0.y, $0.z) }
        let section: [SIMD2<Float>] = (0..<12).map { k in
            let a = 2 * DMath.pi * Double(k) / 12
            let c = DMath.cos(a)
            let s = DMath.sin(a)
            return SIMD2(
                Float(c < 0 ? -DMath.pow(-c, 0.6) : DMath.pow(c, 0.6)) * 0.0016,
                Float(s < 0 ? -DMath.pow(-s, 0.6) : DMath.pow(s, 0.6)) * 0.0042)
        }
        // Tapering from 8.4 mm tall at the hinge to 4.5 mm at the tip.
        let scales = path.indices.map { k in SIMD2<Float>(1, 1 - 0.45 * Float(k) / Float(path.count - 1)) }
        return Sweep(
            path: path, section: section, scales: scales, frame: .transported(initialNormal: SIMD3(1, 0, 0)),
            vPerMetre: 45, capEnds: true
        ).mesh()
    }

    /// A lens: rings from the centre to the outline, bulging forward; UVs span its box.
    static func lensMesh(side: Float) -> MeshData {
        // Few, large triangles: the lens is a gentle curve, and blended surfaces show every
        // interior edge in a renderer that composites triangle by triangle.
        let count = 48
        let rings = 3
        let edge = outline(count, grow: 0.0012)
        return MeshData.grid(
            columns: count, rows: rings, flipped: side < 0,
            position: { i, j in
                let p = edge[i % count] * (Float(j) / Float(rings))
                return SIMD3(side * (lensCentreX + p.x), p.y, bulge(p))
            },
            uv: { i, j in
                let p = edge[i % count] * (Float(j) / Float(rings))
                return SIMD2(0.5 + p.x / 0.06 * side, 0.5 - p.y / 0.05)
            })
    }

    /// The anchors file beside the model.
    static func anchorsJSON() -> [UInt8] {
        let doc: JSONValue = .object([
            ("id", .string("sunglasses")), ("name", .string("Tortoiseshell sunglasses 52-20-145")),
            ("category", .string("glasses")), ("model", .string("sunglasses.glb")), ("units", .string("metres")),
            (
                "axes",
                .object([
                    ("x", .string("towards the wearer's left")), ("y", .string("up")),
                    ("z", .string("forward, out of the face; the temples run along -z")),
                ])
            ),
            ("origin", .string("bridge of the nose, midway between the lens centres on the frame's front")),
            ("anchors", .object(anchors.map { ($0.0, .floats([$0.1.x, $0.1.y, $0.1.z])) })),
        ])
        return Array(doc.serialized(pretty: true).utf8)
    }
}

/// A 2D vector scaled to unit length (zero stays zero).
func normalize2(_ v: SIMD2<Float>) -> SIMD2<Float> {
    let l = simdLength(v)
    return l > 0 ? v / l : v
}
