/// An imported 3D asset: the renderer's scene model, filled by the glTF and OBJ importers.
///
/// Everything here is validated: indices are in range, arrays have the lengths they claim,
/// the node graph has no cycles. Images stay encoded (PNG/JPEG bytes) until a scene is
/// prepared for rendering, so importing and inspecting a model is cheap.
public struct Scene: Sendable {
    /// File name the scene was read from, for messages.
    public var source: String
    /// All nodes; roots are listed per scene in ``scenes``.
    public var nodes: [Node]
    /// The scenes of the file (glTF may have several); OBJ files have one.
    public var scenes: [SceneRoots]
    /// Index into ``scenes`` of the scene drawn by default.
    public var defaultScene: Int
    /// Meshes, referenced by nodes.
    public var meshes: [Mesh]
    /// Materials, referenced by primitives.
    public var materials: [Material]
    /// Textures (image + sampler), referenced by material texture bindings.
    public var textures: [Texture]
    /// Images, still encoded.
    public var images: [SceneImage]
    /// Cameras, referenced by nodes.
    public var cameras: [Camera]
    /// Names of the material variants (`KHR_materials_variants`), in file order.
    public var variants: [String]
    /// `extensionsUsed` of the file.
    public var extensionsUsed: [String]
    /// `extensionsRequired` of the file.
    public var extensionsRequired: [String]
    /// Things that were read but are not (fully) supported, or were repaired.
    public var warnings: [SceneWarning]

    /// An empty scene with one empty root list.
    public init(source: String) {
        self.source = source
        self.nodes = []
        self.scenes = [SceneRoots(name: nil, nodes: [])]
        self.defaultScene = 0
        self.meshes = []
        self.materials = []
        self.textures = []
        self.images = []
        self.cameras = []
        self.variants = []
        self.extensionsUsed = []
        self.extensionsRequired = []
        self.warnings = []
    }
}

/// The root nodes of one scene of a file.
public struct SceneRoots: Sendable, Equatable {
    /// The scene's name, if the file gives one.
    public var name: String?
    /// Indices into ``Scene/nodes``.
    public var nodes: [Int]

    /// Creates a scene root list.
    public init(name: String?, nodes: [Int]) {
        self.name = name
        self.nodes = nodes
    }
}

/// A node of the scene graph.
public struct Node: Sendable, Equatable {
    /// The node's name, if any.
    public var name: String?
    /// Local transform (TRS composed, or the node's matrix).
    public var localMatrix: Matrix4
    /// Child node indices.
    public var children: [Int]
    /// Mesh drawn at this node.
    public var mesh: Int?
    /// Camera attached to this node.
    public var camera: Int?

    /// Creates a node.
    public init(
        name: String? = nil, localMatrix: Matrix4 = .identity, children: [Int] = [], mesh: Int? = nil,
        camera: Int? = nil
    ) {
        self.name = name
        self.localMatrix = localMatrix
        self.children = children
        self.mesh = mesh
        self.camera = camera
    }
}

/// A non-fatal finding of an importer: something skipped, approximated or repaired.
public struct SceneWarning: Sendable, Equatable, CustomStringConvertible {
    /// Where in the file (a JSON path such as `materials[2].extensions.KHR_materials_volume`,
    /// or `line 12` for OBJ).
    public var path: String
    /// What happened, in words a user can act on.
    public var message: String

    /// Creates a warning.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// An image of a scene, still encoded.
public struct SceneImage: Sendable {
    /// The image's name or URI, for messages.
    public var name: String
    /// `image/png` or `image/jpeg` (sniffed from the bytes when the file does not say).
    public var mimeType: String
    /// The encoded bytes (empty when the image is in a format Vitrine does not decode; no
    /// texture then refers to it).
    public var data: [UInt8]
    /// Pixel width from the header, when it was read.
    public var width: Int?
    /// Pixel height from the header, when it was read.
    public var height: Int?

    /// Creates an image reference.
    public init(name: String, mimeType: String, data: [UInt8], width: Int? = nil, height: Int? = nil) {
        self.name = name
        self.mimeType = mimeType
        self.data = data
        self.width = width
        self.height = height
    }
}

/// A camera from the file.
public enum Camera: Sendable, Equatable {
    /// A perspective camera; `aspectRatio` and `zfar` may be absent (infinite far plane).
    case perspective(name: String?, yfov: Float, aspectRatio: Float?, znear: Float, zfar: Float?)
    /// An orthographic camera.
    case orthographic(name: String?, xmag: Float, ymag: Float, znear: Float, zfar: Float)
}
