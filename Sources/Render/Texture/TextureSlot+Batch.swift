/// The batched path of a texture slot: UV set, `KHR_texture_transform` and sampling for 8 lanes.
extension TextureSlot {
    /// Samples 8 shading points, as ``sample(_:override:)`` does for one (bit-identical per lane).
    /// `nil` when the slot is empty.
    @inline(__always)
    func sample8(_ batch: borrowing ShadingBatch, override: TextureFilterOverride?) -> Color4x8? {
        guard let view else { return nil }
        let first = texCoord == 0
        var q = TextureLookup8(
            uv: transform8(first ? batch.uv0 : batch.uv1),
            dx: transformDerivative8(first ? batch.duv0dx : batch.duv1dx),
            dy: transformDerivative8(first ? batch.duv0dy : batch.duv1dy))
        if let override {
            view.sampleReference8(&q, filter: override)
        } else {
            view.sample8(&q)
        }
        return q.result
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
