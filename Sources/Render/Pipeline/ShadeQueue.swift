/// A worker's lists of one tile's shading points (structure of arrays, reused for every tile):
/// what ``TileShader`` gathers, groups by material and shades in batches of 8.
struct ShadeQueue {
    /// Points a tile can hold: one per sample of every pixel.
    let capacity: Int
    /// Materials ``materialCounts`` can index.
    let materialCapacity: Int
    /// Per point: scene triangle, window position, material index and weight (share of samples).
    let triangles: UnsafeMutablePointer<UInt32>
    let positions: UnsafeMutablePointer<SIMD2<Float>>
    let materials: UnsafeMutablePointer<Int32>
    let weights: UnsafeMutablePointer<Float>
    /// Per point: linear RGB and alpha from the shader.
    let results: UnsafeMutablePointer<SIMD4<Float>>
    /// Point indices grouped by material (stable within a material).
    let order: UnsafeMutablePointer<Int32>
    /// End (exclusive, in ``order``) of each material's run.
    let runEnds: UnsafeMutablePointer<Int32>
    /// Per pixel of the tile (row stride 64): points gathered, -1 for one covering every sample.
    let pixelPoints: UnsafeMutablePointer<Int8>
    /// Per material: points in the current tile (all zero between tiles).
    let materialCounts: UnsafeMutablePointer<Int32>
    /// The distinct materials of the current tile.
    let seen: UnsafeMutablePointer<Int32>

    /// Allocates the lists for tiles of `samples` samples per pixel and `materials` materials.
    init(samples: Int, materials materialCount: Int) {
        capacity = VisibilityTile.planeSize * max(samples, 1)
        materialCapacity = max(materialCount, 1)
        triangles = .allocate(capacity: capacity)
        positions = .allocate(capacity: capacity)
        materials = .allocate(capacity: capacity)
        weights = .allocate(capacity: capacity)
        results = .allocate(capacity: capacity)
        order = .allocate(capacity: capacity)
        runEnds = .allocate(capacity: materialCapacity)
        pixelPoints = .allocate(capacity: VisibilityTile.planeSize)
        materialCounts = .allocate(capacity: materialCapacity)
        materialCounts.initialize(repeating: 0, count: materialCapacity)
        seen = .allocate(capacity: materialCapacity)
    }

    /// Frees every list.
    func deallocate() {
        triangles.deallocate()
        positions.deallocate()
        materials.deallocate()
        weights.deallocate()
        results.deallocate()
        order.deallocate()
        runEnds.deallocate()
        pixelPoints.deallocate()
        materialCounts.deallocate()
        seen.deallocate()
    }

    /// Stores point `i`.
    @inline(__always)
    func append(_ i: Int, triangle: UInt32, x: Float, y: Float, weight: Float, context: FrameContext) {
        triangles[i] = triangle
        positions[i] = SIMD2(x, y)
        materials[i] = Int32(truncatingIfNeeded: context.materialIndex(triangle))
        weights[i] = weight
    }

    /// Groups points `0..<count` by material into ``order`` (a stable counting sort over the
    /// materials present, in order of first appearance) and leaves ``materialCounts`` zeroed.
    /// - Returns: the number of runs; run `r` ends at ``runEnds``[r].
    func sortByMaterial(_ count: Int) -> Int {
        var distinct = 0
        for i in 0..<count {
            let m = Int(materials[i])
            if materialCounts[m] == 0 {
                seen[distinct] = Int32(m)
                distinct += 1
            }
            materialCounts[m] += 1
        }
        // Counts become run starts, then run ends once every point is placed.
        var start: Int32 = 0
        for r in 0..<distinct {
            let m = Int(seen[r])
            let c = materialCounts[m]
            materialCounts[m] = start
            start += c
        }
        for i in 0..<count {
            let m = Int(materials[i])
            order[Int(materialCounts[m])] = Int32(i)
            materialCounts[m] += 1
        }
        for r in 0..<distinct {
            let m = Int(seen[r])
            runEnds[r] = materialCounts[m]
            materialCounts[m] = 0
        }
        return distinct
    }
}
