import Foundation

/// A 3D accessory (e.g. sunglasses) drawn by the 3D renderer onto a photo: a glTF model in
/// metres with named 3D anchors, prepared once and shared by every request.
///
/// The model's frame is the one `assets/accessories/*.json` describes: x towards the wearer's
/// left, y up, z forward out of the face, origin at the bridge. `left_eye` and `right_eye`
/// (required) are the pupils behind the lenses; they are what lands on the photo's eyes.
///
/// Temples run back along the sides of the head, which the photo shows but the model does not
/// have, so the parts the head would hide are cut off once at load time: `front` keeps only
/// what lies in front of the hinges; `leftSide` / `rightSide` also keep one temple as far as the
/// ear, for a head turned so that this side faces the camera.
public final class Accessory3D: Sendable {
    /// Catalogue id.
    public let id: String
    /// The category (glasses).
    public let category: ItemCategory
    /// Drawing order among the worn items.
    public let layer: Int
    /// Anchors in model metres, by body point.
    public let anchors: [BodyPoint: SIMD3<Double>]
    /// The model as drawn for a frontal head (temples cut behind the hinges).
    let front: PreparedScene
    /// The model with its left (right) temple kept up to the ear.
    let leftSide: PreparedScene
    let rightSide: PreparedScene
    /// Model bounds, metres.
    let bounds: BoundingBox

    /// Model z behind which temples are hidden by the head on a frontal photo.
    static let templeCut: Float = -0.02
    /// Yaw (radians) beyond which the temple on the side facing the camera is drawn.
    static let sideYaw = 12.0 * Double.pi / 180

    /// Prepares an accessory from a loaded scene.
    /// - Throws: `TryOnError.invalidItem` when the eyes' anchors are missing, not finite or on
    ///   the same spot, or the model has no geometry.
    init(id: String, category: ItemCategory, scene: Scene, anchors: [BodyPoint: SIMD3<Double>], layer: Int? = nil)
        throws
    {
        try TryOnItem.validate(id: id)
        guard let left = anchors[.leftEye], let right = anchors[.rightEye] else {
            throw TryOnError.invalidItem(id: id, reason: "a 3D accessory needs left_eye and right_eye anchors")
        }
        for (point, p) in anchors where !(p.x.isFinite && p.y.isFinite && p.z.isFinite) {
            throw TryOnError.invalidItem(id: id, reason: "anchor \(point.rawValue) is not finite")
        }
        let gap = left - right
        guard (gap * gap).sum().squareRoot() > 1e-4 else {
            throw TryOnError.invalidItem(id: id, reason: "left_eye and right_eye are on the same spot")
        }
        guard let bounds = scene.bounds() else {
            throw TryOnError.invalidItem(id: id, reason: "the model has no triangles")
        }
        let earZ = Float(min(anchors[.leftEar]?.z ?? -0.1, anchors[.rightEar]?.z ?? -0.1))
        do {
            front = try PreparedScene(scene: Self.cut(scene) { c in c.z >= Self.templeCut })
            leftSide = try PreparedScene(
                scene: Self.cut(scene) { c in c.z >= Self.templeCut || (c.x > 0 && c.z >= earZ) })
            rightSide = try PreparedScene(
                scene: Self.cut(scene) { c in c.z >= Self.templeCut || (c.x < 0 && c.z >= earZ) })
        } catch {
            throw TryOnError.invalidItem(id: id, reason: "cannot prepare the model: \(error)")
        }
        self.id = id
        self.category = category
        self.layer = layer ?? category.defaultLayer
        self.anchors = anchors
        self.bounds = bounds
    }

    /// The prepared model for a head turned by `yaw` (see `HeadPose.yaw`): a positive yaw turns
    /// the wearer's right side towards the camera.
    func scene(yaw: Double) -> PreparedScene {
        if yaw > Self.sideYaw { return rightSide }
        if yaw < -Self.sideYaw { return leftSide }
        return front
    }

    /// A copy of `scene` keeping only the triangles whose world-space centroid passes `keep`.
    static func cut(_ scene: Scene, keep: (SIMD3<Float>) -> Bool) -> Scene {
        var out = scene
        for item in scene.drawList() {
            var mesh = out.meshes[item.mesh]
            for p in mesh.primitives.indices {
                let primitive = mesh.primitives[p]
                var indices: [UInt32] = []
                indices.reserveCapacity(primitive.indices.count)
                var t = 0
                while t + 2 < primitive.indices.count {
                    let i = (Int(primitive.indices[t]), Int(primitive.indices[t + 1]), Int(primitive.indices[t + 2]))
                    if i.0 < primitive.positions.count, i.1 < primitive.positions.count, i.2 < primitive.positions.count
                    {
                        let c = (primitive.positions[i.0] + primitive.positions[i.1] + primitive.positions[i.2]) / 3
                        if keep(item.worldMatrix.transformAffinePoint(c)) {
                            indices.append(contentsOf: primitive.indices[t..<t + 3])
                        }
                    }
                    t += 3
                }
                mesh.primitives[p].indices = indices
            }
            out.meshes[item.mesh] = mesh
        }
        return out
    }

    // MARK: - Loading

    /// Loads `<id>.json` (`"category"`, `"model"`: a `.glb`/`.gltf` file name in the same folder,
    /// `"anchors"`: name -> `[x, y, z]` in metres, optional `"layer"`) and its model.
    /// - Throws: `TryOnError.invalidItem` naming the problem.
    static func load(id: String, json: [UInt8], directory: URL) throws -> Accessory3D {
        func bad(_ reason: String) -> TryOnError { .invalidItem(id: id, reason: reason) }
        let root: TryOnJSON
        switch TryOnJSON.parse(json) {
        case .success(let value): root = value
        case .failure(let failure): throw bad("\(id).json: \(failure.reason)")
        }
        guard let categoryName = root["category"]?.string, let category = ItemCategory(name: categoryName),
            category == .glasses
        else {
            throw bad("a 3D accessory's \"category\" must be \"glasses\"")
        }
        guard let model = root["model"]?.string, !model.contains("/"), !model.hasPrefix("."),
            model.hasSuffix(".glb") || model.hasSuffix(".gltf")
        else {
            throw bad("\"model\" must be a .glb or .gltf file name in the same folder")
        }
        guard let entries = root["anchors"]?.object else { throw bad("\(id).json has no \"anchors\" object") }
        var anchors: [BodyPoint: SIMD3<Double>] = [:]
        for (name, value) in entries {
            // Extra anchors (bridge, hinges, lens centres, temple ends) describe the model only.
            guard let point = BodyPoint(rawValue: name) else { continue }
            guard let list = value.array, list.count == 3, let x = list[0].number, let y = list[1].number,
                let z = list[2].number
            else {
                throw bad("anchor \(name) must be [x, y, z] in metres")
            }
            anchors[point] = SIMD3(x, y, z)
        }
        var layer: Int?
        if let value = root["layer"] {
            guard let n = value.number, n.isFinite, n == n.rounded(), abs(n) <= 1_000_000 else {
                throw bad("\"layer\" must be an integer")
            }
            layer = Int(n)
        }
        let scene: Scene
        do {
            scene = try SceneLoader.load(contentsOf: directory.appendingPathComponent(model))
        } catch {
            throw bad("cannot load \(model): \(error)")
        }
        return try Accessory3D(id: id, category: category, scene: scene, anchors: anchors, layer: layer)
    }
}
