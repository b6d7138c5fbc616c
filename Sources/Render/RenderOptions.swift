/// Everything that decides how a frame looks, as plain values: the renderer's input besides
/// the prepared scene and the environment. Two equal `RenderOptions` over the same scene and
/// environment give the same bytes, so the server hashes a normalised copy into its cache key.
public struct RenderOptions: Hashable, Sendable {
    /// Output width in pixels.
    public var width: Int = 512
    /// Output height in pixels.
    public var height: Int = 512
    /// Coverage samples per pixel: 1, 2, 4 (rotated grid, the default) or 8.
    public var samples: Int = 4
    /// Where the camera is.
    public var camera: CameraSelection = .orbit(OrbitCamera())
    /// What is behind the product.
    public var background: Background = .transparent
    /// Exposure in stops (EV): the linear colour is multiplied by `2^exposure`.
    public var exposure: Float = 0
    /// Tone mapping from linear radiance to display values.
    public var toneMapping: ToneMapping = .pbrNeutral
    /// Name of a `KHR_materials_variants` variant to render, or `nil` for the default materials.
    public var variant: String?
    /// A soft contact shadow on the floor under the product.
    public var shadow: Bool = true
    /// An optional directional key light in addition to the environment.
    public var keyLight: KeyLight?
    /// Lit (PBR + image-based light) or unlit (base colour only, for reference comparisons).
    public var shading: ShadingMode = .pbr
    /// Forces every texture's filter (and REPEAT wrap, no mipmaps), as the llvmpipe reference
    /// frames were made; `nil` uses each glTF sampler.
    public var textureFilterOverride: TextureFilterOverride?
    /// Index of the glTF scene to draw, `nil` for the file's default scene.
    public var sceneIndex: Int?

    /// Options for a good product shot: 512x512, 4x anti-aliasing, studio light, PBR Neutral.
    public init() {}
}

/// How the camera is chosen.
public enum CameraSelection: Hashable, Sendable {
    /// Orbit around the product's bounds, framed automatically (like model-viewer).
    case orbit(OrbitCamera)
    /// The glTF camera with this index, at its node's world transform.
    case gltf(index: Int)
    /// Exact matrices (OpenGL conventions: column vectors, NDC z in [-1, 1], image y down from
    /// NDC y up), e.g. from a reference camera JSON.
    case matrices(view: Matrix4, projection: Matrix4)
}

/// An orbit camera: yaw and pitch around the centre of the product's bounding sphere, at the
/// distance that fits the sphere into the field of view.
public struct OrbitCamera: Hashable, Sendable {
    /// Rotation around +Y in degrees; 0 looks at the product's front (down -Z from +Z).
    public var yawDegrees: Float = 0
    /// Elevation in degrees; positive looks down on the product.
    public var pitchDegrees: Float = 15
    /// Vertical field of view in degrees.
    public var fovDegrees: Float = 45
    /// Zoom factor: 2 halves the distance.
    public var zoom: Float = 1

    /// Creates an orbit camera.
    public init(yawDegrees: Float = 0, pitchDegrees: Float = 15, fovDegrees: Float = 45, zoom: Float = 1) {
        self.yawDegrees = yawDegrees
        self.pitchDegrees = pitchDegrees
        self.fovDegrees = fovDegrees
        self.zoom = zoom
    }
}

/// What is drawn where there is no product.
public enum Background: Hashable, Sendable {
    /// Alpha 0 (the shadow, if any, is drawn as alpha).
    case transparent
    /// A solid sRGB colour with alpha, components 0...1.
    case color(SIMD4<Float>)
    /// The environment map itself.
    case environment
}

/// Tone mapping operators.
public enum ToneMapping: String, Hashable, Sendable, CaseIterable {
    /// Khronos PBR Neutral: keeps base colours true (the default).
    case pbrNeutral = "neutral"
    /// ACES filmic (Hill's fit).
    case aces
    /// Clamp only.
    case none
}

/// Lit or unlit shading.
public enum ShadingMode: String, Hashable, Sendable {
    /// glTF metallic-roughness under image-based light.
    case pbr
    /// colour = base colour factor x texture x vertex colour, no lighting, no sRGB encode.
    case unlit
}

/// A forced texture filter for reference comparisons (no mipmaps, REPEAT wrap).
public enum TextureFilterOverride: String, Hashable, Sendable {
    case nearest, linear
}

/// A directional light.
public struct KeyLight: Hashable, Sendable {
    /// Direction the light travels, in world space (normalised by the renderer).
    public var direction: SIMD3<Float>
    /// Linear RGB colour times intensity.
    public var color: SIMD3<Float>

    /// Creates a key light.
    public init(direction: SIMD3<Float>, color: SIMD3<Float>) {
        self.direction = direction
        self.color = color
    }
}
