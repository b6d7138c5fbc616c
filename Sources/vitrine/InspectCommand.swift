import ArgumentParser
import Foundation
import Render

/// `vitrine inspect FILE [--json]`: imports a model and prints what was read.
///
/// ```
/// $ vitrine inspect shoe.glb
/// $ vitrine inspect --json shoe.glb | jq .triangles
/// ```
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Import a glTF/GLB/OBJ file and print its nodes, meshes, materials, bounds and warnings.",
        discussion: "Exits with status 1 and the error on standard error when the file cannot be imported.")

    @Argument(help: "The .gltf, .glb or .obj file.")
    var file: String

    @Flag(help: "Print JSON (top-level triangles, bounds, variants, materials, warnings, ...).")
    var json = false

    func run() throws {
        let scene: Scene
        do {
            scene = try SceneLoader.load(contentsOf: URL(fileURLWithPath: file))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let summary = SceneSummary(scene)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(summary)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(Self.text(summary), terminator: "")
        }
    }

    /// The human-readable report.
    static func text(_ s: SceneSummary) -> String {
        var out = "\(s.file)\n"
        out += "  triangles: \(s.triangles) drawn (\(s.uniqueTriangles) unique), \(s.vertices) vertices\n"
        if let b = s.bounds {
            out += "  bounds: \(vector(b.min)) -> \(vector(b.max))\n"
        } else {
            out += "  bounds: (nothing drawn)\n"
        }
        out += "  nodes: \(s.nodes), scenes: \(s.scenes.count) (default \(s.defaultScene))\n"
        out += "  meshes: \(s.meshes.count)\n"
        for (i, m) in s.meshes.enumerated() {
            out += "    [\(i)] \(m.name ?? "(unnamed)"): \(m.primitives.count) primitive(s)\n"
            for (k, p) in m.primitives.enumerated() {
                var attributes = ["\(p.vertices) vertices", "\(p.triangles) triangles", p.mode]
                if p.hasNormals { attributes.append("normals") }
                if p.hasTangents { attributes.append("tangents") }
                if p.uvSets > 0 { attributes.append("\(p.uvSets) UV set(s)") }
                if p.hasColors { attributes.append("colours") }
                attributes.append("material \(p.material.map(String.init) ?? "default")")
                if !p.variantMappings.isEmpty { attributes.append("\(p.variantMappings.count) variant mapping(s)") }
                out += "      (\(k)) \(attributes.joined(separator: ", "))\n"
            }
        }
        out += "  materials: \(s.materials.count)\n"
        for (i, m) in s.materials.enumerated() {
            var parts = [m.alphaMode + (m.alphaCutoff.map { " \($0)" } ?? "")]
            if m.doubleSided { parts.append("double-sided") }
            parts.append("base \(vector(m.baseColorFactor))")
            parts.append("metallic \(m.metallicFactor) roughness \(m.roughnessFactor)")
            if !m.textures.isEmpty {
                parts.append(
                    "textures "
                        + m.textures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            }
            parts += m.features
            out += "    [\(i)] \(m.name ?? "(unnamed)"): \(parts.joined(separator: ", "))\n"
        }
        out += "  textures: \(s.textures.count), images: \(s.images.count)\n"
        for (i, image) in s.images.enumerated() {
            let size = image.width.map { w in "\(w)x\(image.height ?? 0), " } ?? ""
            out += "    [\(i)] \(image.name): \(image.mimeType), \(size)\(image.bytes) bytes\n"
        }
        out += "  cameras: \(s.cameras.count)\n"
        for (i, c) in s.cameras.enumerated() {
            out += "    [\(i)] \(c.name ?? "(unnamed)"): \(c.type)\n"
        }
        if !s.variants.isEmpty { out += "  variants: \(s.variants.joined(separator: ", "))\n" }
        if !s.extensionsUsed.isEmpty { out += "  extensions used: \(s.extensionsUsed.joined(separator: ", "))\n" }
        if !s.extensionsRequired.isEmpty {
            out += "  extensions required: \(s.extensionsRequired.joined(separator: ", "))\n"
        }
        out += "  warnings: \(s.warnings.count)\n"
        for w in s.warnings { out += "    - \(w)\n" }
        return out
    }

    private static func vector(_ v: [Float]) -> String {
        "[" + v.map { String(format: "%.4g", Double($0)) }.joined(separator: ", ") + "]"
    }
}
