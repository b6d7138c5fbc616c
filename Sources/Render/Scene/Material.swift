/// A glTF metallic-roughness material, with the extensions Vitrine renders.
public struct Material: Sendable, Equatable {
    /// How alpha is used (`alphaMode`).
    public enum AlphaMode: String, Sendable {
        case opaque = "OPAQUE", mask = "MASK", blend = "BLEND"
    }

    /// The material's name, if any.
    public var name: String?
    /// Linear RGBA multiplier of the base colour.
    public var baseColorFactor: SIMD4<Float> = SIMD4(1, 1, 1, 1)
    /// sRGB base colour texture.
    public var baseColorTexture: TextureBinding?
    /// Metalness multiplier.
    public var metallicFactor: Float = 1
    /// Perceptual roughness multiplier.
    public var roughnessFactor: Float = 1
    /// Linear texture: roughness in G, metalness in B.
    public var metallicRoughnessTexture: TextureBinding?
    /// Tangent-space normal map.
    public var normalTexture: TextureBinding?
    /// Scale of the normal map's X and Y.
    public var normalScale: Float = 1
    /// Ambient occlusion in R.
    public var occlusionTexture: TextureBinding?
    /// How much occlusion applies (0 = none).
    public var occlusionStrength: Float = 1
    /// sRGB emissive texture.
    public var emissiveTexture: TextureBinding?
    /// Linear emissive colour.
    public var emissiveFactor: SIMD3<Float> = .zero
    /// `KHR_materials_emissive_strength` multiplier.
    public var emissiveStrength: Float = 1
    /// Alpha mode.
    public var alphaMode: AlphaMode = .opaque
    /// Cut-off for `MASK`.
    public var alphaCutoff: Float = 0.5
    /// Whether back faces are drawn (and lit with a flipped normal).
    public var doubleSided: Bool = false
    /// `KHR_materials_unlit`: colour = base colour, no lighting.
    public var unlit: Bool = false
    /// `KHR_materials_sheen`, if present.
    public var sheen: Sheen?
    /// `KHR_materials_clearcoat`, if present.
    public var clearcoat: Clearcoat?
    /// `KHR_materials_transmission` factor (rendered as opaque with a warning).
    public var transmissionFactor: Float = 0

    /// The glTF default material (white, metallic 1, roughness 1).
    public init() {}
}

/// `KHR_materials_sheen` parameters.
public struct Sheen: Sendable, Equatable {
    /// Linear sheen colour.
    public var colorFactor: SIMD3<Float> = .zero
    /// sRGB sheen colour texture.
    public var colorTexture: TextureBinding?
    /// Sheen roughness.
    public var roughnessFactor: Float = 0
    /// Sheen roughness texture (alpha channel).
    public var roughnessTexture: TextureBinding?

    /// Creates sheen parameters with glTF defaults.
    public init() {}
}

/// `KHR_materials_clearcoat` parameters.
public struct Clearcoat: Sendable, Equatable {
    /// Clearcoat layer intensity.
    public var factor: Float = 0
    /// Intensity texture (R).
    public var texture: TextureBinding?
    /// Clearcoat roughness.
    public var roughnessFactor: Float = 0
    /// Roughness texture (G).
    public var roughnessTexture: TextureBinding?
    /// Clearcoat normal map.
    public var normalTexture: TextureBinding?

    /// Creates clearcoat parameters with glTF defaults.
    public init() {}
}

/// A material's reference to a texture.
public struct TextureBinding: Sendable, Equatable {
    /// Index into ``Scene/textures``.
    public var texture: Int
    /// Which `TEXCOORD_n` set to use (after `KHR_texture_transform`'s override).
    public var texCoord: Int
    /// `KHR_texture_transform`, if present.
    public var transform: TextureTransform?

    /// Creates a binding.
    public init(texture: Int, texCoord: Int = 0, transform: TextureTransform? = nil) {
        self.texture = texture
        self.texCoord = texCoord
        self.transform = transform
    }
}

/// `KHR_texture_transform`: uv' = T(offset) * R(rotation) * S(scale) * uv.
public struct TextureTransform: Sendable, Equatable {
    /// Translation of the UVs.
    public var offset: SIMD2<Float> = .zero
    /// Rotation in radians, counter-clockwise in UV space.
    public var rotation: Float = 0
    /// Scale of the UVs.
    public var scale: SIMD2<Float> = SIMD2(1, 1)

    /// Creates a transform with defaults (identity).
    public init(offset: SIMD2<Float> = .zero, rotation: Float = 0, scale: SIMD2<Float> = SIMD2(1, 1)) {
        self.offset = offset
        self.rotation = rotation
        self.scale = scale
    }
}

/// A texture: an image and how to sample it.
public struct Texture: Sendable, Equatable {
    /// Index into ``Scene/images``, or `nil` when the texture has no usable source.
    public var image: Int?
    /// Sampling settings.
    public var sampler: Sampler

    /// Creates a texture.
    public init(image: Int?, sampler: Sampler = Sampler()) {
        self.image = image
        self.sampler = sampler
    }
}

/// glTF sampler settings (WebGL enum values).
public struct Sampler: Sendable, Equatable, Hashable {
    /// Magnification filter.
    public enum MagFilter: Int, Sendable { case nearest = 9728, linear = 9729 }
    /// Minification filter, with or without mipmaps.
    public enum MinFilter: Int, Sendable {
        case nearest = 9728, linear = 9729
        case nearestMipmapNearest = 9984, linearMipmapNearest = 9985
        case nearestMipmapLinear = 9986, linearMipmapLinear = 9987
    }
    /// Wrap mode per axis.
    public enum Wrap: Int, Sendable { case clampToEdge = 33071, mirroredRepeat = 33648, repeat_ = 10497 }

    /// Magnification filter (glTF: implementation-defined when absent; Vitrine uses linear).
    public var magFilter: MagFilter = .linear
    /// Minification filter (absent: trilinear).
    public var minFilter: MinFilter = .linearMipmapLinear
    /// Wrap along U.
    public var wrapS: Wrap = .repeat_
    /// Wrap along V.
    public var wrapT: Wrap = .repeat_

    /// Creates a sampler with glTF defaults.
    public init(
        magFilter: MagFilter = .linear, minFilter: MinFilter = .linearMipmapLinear, wrapS: Wrap = .repeat_,
        wrapT: Wrap = .repeat_
    ) {
        self.magFilter = magFilter
        self.minFilter = minFilter
        self.wrapS = wrapS
        self.wrapT = wrapT
    }
}

extension Material {
    /// Every texture the material binds (base colour, metallic-roughness, normal, occlusion,
    /// emissive, sheen and clearcoat), in that order.
    public var textureBindings: [TextureBinding] {
        let all: [TextureBinding?] = [
            baseColorTexture, metallicRoughnessTexture, normalTexture, occlusionTexture, emissiveTexture,
            sheen?.colorTexture, sheen?.roughnessTexture, clearcoat?.texture, clearcoat?.roughnessTexture,
            clearcoat?.normalTexture,
        ]
        return all.compactMap { $0 }
    }
}
