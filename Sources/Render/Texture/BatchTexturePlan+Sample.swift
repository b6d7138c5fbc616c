/// Sampling a material's textures for the 8 lanes of a batch.
extension BatchTexturePlan {
    /// Samples the first `limit` entries at 8 shading points: `results[i]` is entry `i`'s RGBA
    /// per lane (the channels the material does not read are 0). Each group's addresses are
    /// computed once; then the texels of up to four textures are gathered before any is blended,
    /// so their memory latencies overlap.
    /// - Parameters:
    ///   - b: the shading points.
    ///   - override: the reference filter override.
    ///   - limit: how many entries to sample (1: the base colour alone, when it has a texture).
    ///   - results: room for `min(limit, count)` results.
    @inline(never)
    func sample8(
        _ b: ShadingBatch, override: TextureFilterOverride?, limit: Int,
        into results: UnsafeMutablePointer<Color4x8>
    ) {
        let n = min(limit, count)
        guard n > 0 else { return }
        // The addresses of the first two groups are kept (the usual material has one group);
        // entries of later groups compute theirs when sampled.
        var kept = (TexelAddress8(), TexelAddress8())
        var raw = (RawTexels8.zero, RawTexels8.zero, RawTexels8.zero, RawTexels8.zero)
        withUnsafeMutableBytes(of: &kept) { keptBytes in
            withUnsafeMutableBytes(of: &raw) { rawBytes in
                let addresses = keptBytes.baseAddress!.assumingMemoryBound(to: TexelAddress8.self)
                let texels = rawBytes.baseAddress!.assumingMemoryBound(to: RawTexels8.self)
                for g in 0..<min(groupCount, 2) where leaders[g] < n {
                    let e = entries + leaders[g]
                    if e.pointee.view.batchable { addresses[g] = address8(e, b, override: override) }
                }
                var start = 0
                while start < n {
                    let end = min(start + 4, n)
                    for i in start..<end {
                        let e = entries + i
                        guard e.pointee.view.batchable else { continue }
                        if e.pointee.group < 2 {
                            texels[i - start] = e.pointee.view.gather8(addresses[e.pointee.group])
                        } else {
                            texels[i - start] = e.pointee.view.gather8(address8(e, b, override: override))
                        }
                    }
                    for i in start..<end {
                        let e = entries + i
                        guard e.pointee.view.batchable else {
                            results[i] = e.pointee.slot.sampleLanes(b, view: e.pointee.view, override: override)
                            continue
                        }
                        let a = e.pointee.group < 2 ? addresses[e.pointee.group] : address8(e, b, override: override)
                        results[i] = e.pointee.view.blend8(
                            texels[i - start], a, channels: e.pointee.channels, reference: override != nil)
                    }
                    start = end
                }
            }
        }
    }

    /// The addresses of entry `e`'s lookups.
    @inline(__always)
    func address8(
        _ e: UnsafeMutablePointer<Entry>, _ b: borrowing ShadingBatch, override: TextureFilterOverride?
    ) -> TexelAddress8 {
        let q = e.pointee.slot.lookup8(b)
        if let override { return e.pointee.view.referenceAddress8(q.uv, filter: override) }
        return e.pointee.view.address8(q)
    }
}
