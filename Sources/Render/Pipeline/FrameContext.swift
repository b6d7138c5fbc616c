/// Everything the tile kernels of one frame read: the prepared geometry, this frame's
/// transformed vertices, the per-batch material choice, the shader and the output options.
/// Plain values and pointers, valid while ``FrameRenderer/render()`` runs.
struct FrameContext: @unchecked Sendable {
    let geometry: GeometryView
    /// This frame's vertices (clip and window positions).
    let vertices: UnsafePointer<ScreenVertex>
    /// Per batch: index into ``materials`` for this frame's variant.
    let batchMaterial: UnsafePointer<Int32>
    /// Per batch: attributes present.
    let batchAttributes: UnsafePointer<AttributeSet>
    /// Prepared materials (scene materials, then the default material), unretained: the
    /// prepared scene keeps them alive.
    let materials: UnsafePointer<Unmanaged<MaterialBox>>
    /// Raster state per material.
    let rasterStates: UnsafePointer<MaterialRasterState>
    let pattern: SamplePattern
    /// Sample offsets in pixels, lane `s` = sample `s`.
    let sampleX: SIMD8<Float>
    let sampleY: SIMD8<Float>
    /// `(2 / W, 2 / H)`.
    let pixelToNDC: SIMD2<Float>
    /// Lit or unlit.
    let shading: ShadingMode
    /// The reference sampler override, if any.
    let filterOverride: TextureFilterOverride?
    /// BRDF, image-based light and key light.
    let shader: SurfaceShader
    /// The eye (perspective cameras) and the direction toward the camera (orthographic ones).
    let eye: SIMD3<Float>
    let towardCamera: SIMD3<Float>
    let perspective: Bool

    /// The interpolant of a scene triangle.
    @inline(__always)
    func interpolant(_ triangle: UInt32) -> TriangleInterpolant {
        TriangleInterpolant(
            triangle: Int(triangle), indices: geometry.indices, vertices: vertices, pixelToNDC: pixelToNDC)
    }

    /// The material of a scene triangle in this frame.
    @inline(__always)
    func materialIndex(_ triangle: UInt32) -> Int {
        Int(batchMaterial[Int(geometry.triangleBatch[Int(triangle)])])
    }

    /// Linear colour (straight) and alpha of a scene triangle at window position (`x`, `y`):
    /// the material's BRDF under the lights, or its base colour in unlit mode.
    @inline(__always)
    func shade(_ t: TriangleInterpolant, triangle: UInt32, x: Float, y: Float) -> SIMD4<Float> {
        let s = surface(t, triangle: triangle, x: x, y: y)
        // Materials are read in place (borrowed), never copied: a copy retains their textures.
        return materials[materialIndex(triangle)]._withUnsafeGuaranteedRef { box in
            if shading == .unlit { return baseColor(s, material: box.value) }
            let inputs = MaterialEvaluator.evaluate(s, material: box.value, override: filterOverride)
            let wo = perspective ? normalize(eye - s.position) : towardCamera
            let rgb = shader.shade(inputs, wo: wo)
            return SIMD4(rgb.x, rgb.y, rgb.z, inputs.baseColor.w)
        }
    }

    /// Base colour and alpha: factor x texture x vertex colour.
    @inline(__always)
    func baseColor(_ s: SurfaceAttributes, material m: PreparedMaterial) -> SIMD4<Float> {
        var base = m.material.baseColorFactor * s.color
        if let texel = m.baseColor.sample(s, override: filterOverride) { base *= texel }
        return base
    }

    /// Interpolated attributes of a scene triangle at window position (`x`, `y`).
    @inline(__always)
    func surface(_ t: TriangleInterpolant, triangle: UInt32, x: Float, y: Float) -> SurfaceAttributes {
        let batch = Int(geometry.triangleBatch[Int(triangle)])
        let attributes = batchAttributes[batch]
        let (bary, dx, dy) = t.barycentrics(x: x, y: y)
        let g = geometry
        var s = SurfaceAttributes()
        s.position = g.positions[t.i0] * bary.x + g.positions[t.i1] * bary.y + g.positions[t.i2] * bary.z
        var normal: SIMD3<Float>
        if attributes.contains(.normals) {
            normal = normalize(g.normals[t.i0] * bary.x + g.normals[t.i1] * bary.y + g.normals[t.i2] * bary.z)
        } else {
            let p0 = g.positions[t.i0]
            normal = normalize(cross(g.positions[t.i1] - p0, g.positions[t.i2] - p0))
        }
        s.frontFacing = t.frontFacing
        if !t.frontFacing { normal = -normal }
        s.normal = normal
        if attributes.contains(.tangents), let tangents = g.tangents {
            let t0 = tangents[t.i0]
            let v = t0 * bary.x + tangents[t.i1] * bary.y + tangents[t.i2] * bary.z
            let xyz = normalize(SIMD3(v.x, v.y, v.z))
            s.tangent = SIMD4(xyz.x, xyz.y, xyz.z, t0.w)
        }
        if attributes.contains(.uv0) {
            let (u0, u1, u2) = (g.uv0[t.i0], g.uv0[t.i1], g.uv0[t.i2])
            s.uv0 = u0 * bary.x + u1 * bary.y + u2 * bary.z
            s.duv0dx = u0 * dx.x + u1 * dx.y + u2 * dx.z
            s.duv0dy = u0 * dy.x + u1 * dy.y + u2 * dy.z
        }
        if attributes.contains(.uv1), let uv1 = g.uv1 {
            let (u0, u1, u2) = (uv1[t.i0], uv1[t.i1], uv1[t.i2])
            s.uv1 = u0 * bary.x + u1 * bary.y + u2 * bary.z
            s.duv1dx = u0 * dx.x + u1 * dx.y + u2 * dx.z
            s.duv1dy = u0 * dy.x + u1 * dy.y + u2 * dy.z
        }
        if attributes.contains(.colors), let colors = g.colors {
            s.color = colors[t.i0] * bary.x + colors[t.i1] * bary.y + colors[t.i2] * bary.z
        }
        return s
    }
}

/// The alpha test of `MASK` materials, evaluated per sample inside the rasterizer: base colour
/// alpha (factor x texture x vertex colour) against the material's cut-off.
struct MaskAlphaTest: SampleAlphaTest {
    let context: FrameContext

    @inline(__always)
    func passes(triangle: UInt32, x: Float, y: Float) -> Bool {
        let m = context.materialIndex(triangle)
        let t = context.interpolant(triangle)
        let s = context.surface(t, triangle: triangle, x: x, y: y)
        let alpha = context.materials[m]._withUnsafeGuaranteedRef { context.baseColor(s, material: $0.value).w }
        return alpha >= context.rasterStates[m].alphaCutoff
    }
}
