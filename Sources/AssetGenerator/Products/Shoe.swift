/// A low-top leather sneaker (a right shoe, toe towards +Z, lateral side at -X) in three
/// colourways selectable with `KHR_materials_variants`: "Court White", "Navy Suede",
/// "Triple Black".
///
/// 29 cm long, about 11 cm wide and 11 cm tall, resting on y = 0.
enum Shoe {
    static func document() throws -> GLTFDocument {
        var doc = GLTFDocument(generator: SampleAssets.generator)
        let textures = ShoeTextures()
        let colorways = ShoeColorway.all
        doc.variants = colorways.map(\.name)
        var uppers: [Int] = []
        for c in colorways {
            let slug = c.name.lowercased().replacingOccurrences(of: " ", with: "_")
            uppers.append(
                doc.addTexture(
                    try TextureEncoder.pngImage("sneaker_upper_\(slug)", textures.baseColor(c))))
        }
        let upperNormal = doc.addTexture(
            try TextureEncoder.pngImage("sneaker_upper_normal", textures.normal()))
        let orm = doc.addTexture(
            try TextureEncoder.pngImage("sneaker_upper_occlusion_roughness_metal", textures.occlusionRoughnessMetal()))
        let sidewall = doc.addTexture(
            try TextureEncoder.pngImage("sneaker_sidewall", textures.sidewall()))
        let tread = doc.addTexture(
            try TextureEncoder.pngImage("sneaker_tread_normal", textures.tread()))

        // One material per part and colourway.
        var parts: [[Int]] = Array(repeating: [], count: 5)
        for (k, c) in colorways.enumerated() {
            let slug = c.name.lowercased().replacingOccurrences(of: " ", with: "_")
            var upper = GLTFMaterial(name: "upper_\(slug)")
            upper.baseColorTexture = GLTFTextureRef(uppers[k])
            upper.normalTexture = GLTFTextureRef(upperNormal)
            upper.normalScale = 0.7
            upper.roughnessFactor = c.roughness
            upper.metallicFactor = 1
            upper.metallicRoughnessTexture = GLTFTextureRef(orm)
            upper.occlusionTexture = GLTFTextureRef(orm)
            parts[0].append(doc.addMaterial(upper))

            var lining = GLTFMaterial(name: "lining_\(slug)")
            lining.baseColorFactor = Color.linear(Color.hex(c.lining))
            lining.roughnessFactor = 0.9
            parts[1].append(doc.addMaterial(lining))

            var sole = GLTFMaterial(name: "midsole_\(slug)")
            sole.baseColorTexture = GLTFTextureRef(sidewall)
            sole.baseColorFactor = Color.linear(Color.hex(c.sole))
            sole.roughnessFactor = 0.55
            parts[2].append(doc.addMaterial(sole))

            var outsole = GLTFMaterial(name: "outsole_\(slug)")
            outsole.baseColorFactor = Color.linear(Color.hex(c.outsole))
            outsole.roughnessFactor = 0.75
            outsole.normalTexture = GLTFTextureRef(tread)
            parts[3].append(doc.addMaterial(outsole))

            var lace = GLTFMaterial(name: "laces_\(slug)")
            lace.baseColorFactor = Color.linear(Color.hex(c.lace))
            lace.roughnessFactor = 0.85
            let sheen = Color.linear(Color.hex(c.lace))
            lace.sheenColorFactor = SIMD3(sheen.x, sheen.y, sheen.z) * 0.5
            lace.sheenRoughnessFactor = 0.6
            parts[4].append(doc.addMaterial(lace))
        }

        let shell = ShoeUpper.shell()
        let tongue = ShoeUpper.tongue()
        var upper = shell.upper
        upper.append(tongue.top)
        upper.computeTangents()
        var lining = shell.lining
        lining.append(ShoeUpper.footbed())
        lining.append(tongue.under)
        var wall = ShoeSole.sidewall()
        wall.computeTangents()
        var bottom = ShoeSole.outsole()
        bottom.computeTangents()
        let meshes = [upper, lining, wall, bottom, ShoeLaces.mesh()]
        let primitives = meshes.enumerated().map { index, data in
            GLTFPrimitive(
                data, material: parts[index][0],
                variantMappings: parts[index].enumerated().map { (material: $0.element, variants: [$0.offset]) })
        }
        let mesh = doc.addMesh(GLTFMesh(name: "sneaker", primitives: primitives))
        doc.sceneNodes = [doc.addNode(GLTFNode(name: "sneaker", mesh: mesh))]
        return doc
    }
}
