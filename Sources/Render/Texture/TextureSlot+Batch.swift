/// The batched path of a texture slot: UV set, `KHR_texture_transform` and sampling for 8 lanes.
extension TextureSlot {
    /// The coordinates and derivatives of 8 shading points in this slot's UV set, transformed.
    @inline(__always)
    func lookup8(_ batch: borrowing ShadingBatch) -> TextureLookup8 {
        let first = texCoord == 0
        return TextureLookup8(
            uv: transform8(first ? batch.uv0 : batch.uv1),
            dx: transformDerivative8(first ? batch.duv0dx : batch.duv1dx),
            dy: transformDerivative8(first ? batch.duv0dy : batch.duv1dy))
    }

    /// Whether `other` computes the same texel addresses for any batch.
    @inline(__always)
    func sharesAddress(with other: TextureSlot) -> Bool {
        guard let view, let otherView = other.view, texCoord == other.texCoord, transformed == other.transformed,
            view.sharesAddressing(with: otherView)
        else { return false }
        return !transformed || (column0 == other.column0 && column1 == other.column1 && offset == other.offset)
    }

    /// Lane by lane with the scalar sampler (textures too large for the batched index arithmetic).
    @inline(never)
    func sampleLanes(_ batch: borrowing ShadingBatch, view: TextureView, override: TextureFilterOverride?) -> Color4x8 {
        let q = lookup8(batch)
        var out = Color4x8(.zero, .zero, .zero, .zero)
        for i in 0..<8 {
            out[lane: i] =
                override.map { view.sampleReference(q.uv[lane: i], filter: $0) }
                ?? view.sample(q.uv[lane: i], dx: q.dx[lane: i], dy: q.dy[lane: i])
        }
        return out
    }

    /// ``transform(_:)`` per lane: `column0 u + column1 v + offset`, in that order.
    @inline(__always)
    func transform8(_ uv: Vector2x8) -> Vector2x8 {
        guard transformed else { return uv }
        return Vector2x8(
            uv.x * column0.x + uv.y * column1.x + offset.x, uv.x * column0.y + uv.y * column1.y + offset.y)
    }

    /// ``transformDerivative(_:)`` per lane.
    @inline(__always)
    func transformDerivative8(_ d: Vector2x8) -> Vector2x8 {
        guard transformed else { return d }
        return Vector2x8(d.x * column0.x + d.y * column1.x, d.x * column0.y + d.y * column1.y)
    }
}
