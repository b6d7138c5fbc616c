/// One 64x64 tile of the visibility buffer: per sample, the depth and the id of the nearest
/// scene triangle. Scratch memory owned by one worker and reused for every tile it renders.
///
/// Layout: sample-major planes of 64 rows of 64 values, so the 8 lanes of a block are one
/// aligned 32-byte load. Tile x-origins are multiples of 8, so no two threads ever touch the
/// same lanes.
struct VisibilityTile: @unchecked Sendable {
    /// Tile side in pixels.
    static let size = 64
    /// Values per sample plane.
    static let planeSize = size * size
    /// Id of a sample no triangle covers.
    static let empty = UInt32.max
    /// Depth a sample is cleared to (the far plane, as `glClearDepth(1)`).
    static let clearDepth: Float = 1

    /// Depth per sample: `depth[s * planeSize + y * 64 + x]`.
    let depth: UnsafeMutablePointer<Float>
    /// Triangle id per sample, same layout.
    let ids: UnsafeMutablePointer<UInt32>
    /// Sample planes allocated.
    let capacity: Int

    /// Allocates planes for up to `samples` samples per pixel (64-byte aligned).
    init(samples: Int) {
        capacity = samples
        let raw = UnsafeMutableRawPointer.allocate(byteCount: samples * Self.planeSize * 4, alignment: 64)
        depth = raw.bindMemory(to: Float.self, capacity: samples * Self.planeSize)
        let rawIds = UnsafeMutableRawPointer.allocate(byteCount: samples * Self.planeSize * 4, alignment: 64)
        ids = rawIds.bindMemory(to: UInt32.self, capacity: samples * Self.planeSize)
    }

    /// Frees the planes.
    func deallocate() {
        UnsafeMutableRawPointer(depth).deallocate()
        UnsafeMutableRawPointer(ids).deallocate()
    }

    /// Resets `samples` planes to the clear depth and no triangle.
    func clear(samples: Int) {
        let n = samples * Self.planeSize
        depth.update(repeating: Self.clearDepth, count: n)
        ids.update(repeating: Self.empty, count: n)
    }
}
