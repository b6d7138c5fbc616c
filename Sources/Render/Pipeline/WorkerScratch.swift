/// Memory one worker thread reuses for every tile it renders, and its time counters.
final class WorkerScratch: @unchecked Sendable {
    /// Visibility planes for up to ``sampleCapacity`` samples.
    private(set) var tile: VisibilityTile
    /// Premultiplied linear RGBA per pixel of the tile (row stride 64).
    let colors: UnsafeMutablePointer<SIMD4<Float>>
    /// Sample masks per pixel for the blended pass (row stride 64).
    let masks: UnsafeMutablePointer<UInt32>
    /// The rasterizer's per-triangle sample table (8 entries).
    let sampleEdges: UnsafeMutablePointer<SIMD4<Int32>>
    /// Samples the visibility planes hold.
    private(set) var sampleCapacity: Int
    /// The tile's shading points, grouped by material for the batched shader.
    private(set) var queue: ShadeQueue
    /// Nanoseconds spent per stage in the current frame.
    var rasterNanos: UInt64 = 0
    var shadeNanos: UInt64 = 0
    var presentNanos: UInt64 = 0
    /// Shading evaluations in the current frame.
    var shaded = 0

    init(samples: Int) {
        sampleCapacity = samples
        tile = VisibilityTile(samples: samples)
        colors = .allocate(capacity: VisibilityTile.planeSize)
        masks = UnsafeMutableRawPointer.allocate(byteCount: VisibilityTile.planeSize * 4, alignment: 64)
            .bindMemory(to: UInt32.self, capacity: VisibilityTile.planeSize)
        masks.initialize(repeating: 0, count: VisibilityTile.planeSize)
        sampleEdges = .allocate(capacity: 8)
        sampleEdges.initialize(repeating: .zero, count: 8)
        queue = ShadeQueue(samples: samples, materials: 1)
    }

    deinit {
        tile.deallocate()
        colors.deallocate()
        UnsafeMutableRawPointer(masks).deallocate()
        sampleEdges.deallocate()
        queue.deallocate()
    }

    /// Grows the visibility planes and the shading queue to `samples` samples per pixel and
    /// `materials` materials if needed, and zeroes the counters.
    func prepare(samples: Int, materials: Int) {
        if samples > sampleCapacity {
            tile.deallocate()
            tile = VisibilityTile(samples: samples)
            sampleCapacity = samples
        }
        if samples * VisibilityTile.planeSize > queue.capacity || materials > queue.materialCapacity {
            queue.deallocate()
            queue = ShadeQueue(samples: sampleCapacity, materials: max(materials, queue.materialCapacity))
        }
        rasterNanos = 0
        shadeNanos = 0
        presentNanos = 0
        shaded = 0
    }
}
