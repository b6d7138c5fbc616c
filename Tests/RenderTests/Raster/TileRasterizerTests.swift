import Testing

@testable import Render

@Suite struct TileRasterizerTests {
    /// A deterministic pseudo-random generator (SplitMix64), so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Window vertex (pixels) to a setup tuple.
    static func v(_ x: Double, _ y: Double, _ z: Float = 0.5) -> (Int32, Int32, Float) {
        (Int32((x * 256).rounded(.toNearestOrEven)), Int32((y * 256).rounded(.toNearestOrEven)), z)
    }

    static func record(
        _ a: (Int32, Int32, Float), _ b: (Int32, Int32, Float), _ c: (Int32, Int32, Float), id: UInt32,
        pattern: SamplePattern, size: Int = 256, doubleSided: Bool = true
    ) -> RasterTriangle? {
        TriangleSetup(width: size, height: size, pattern: pattern).setup(
            a, b, c, triangle: id, doubleSided: doubleSided, flags: 0)
    }

    /// Runs the SIMD kernel over a list of records in one tile and returns depth and ids.
    static func simd(_ records: [RasterTriangle], pattern: SamplePattern, tileX: Int, tileY: Int) -> ([Float], [UInt32])
    {
        let tile = VisibilityTile(samples: pattern.count)
        defer { tile.deallocate() }
        tile.clear(samples: pattern.count)
        let scratch = UnsafeMutablePointer<SIMD4<Int32>>.allocate(capacity: 8)
        defer { scratch.deallocate() }
        let k = TileRasterizer(tile: tile, pattern: pattern, scratch: scratch, alphaTest: NoAlphaTest())
        for r in records { k.rasterize(r, tileX: Int32(tileX), tileY: Int32(tileY)) }
        let n = pattern.count * VisibilityTile.planeSize
        return (
            Array(UnsafeBufferPointer(start: tile.depth, count: n)),
            Array(UnsafeBufferPointer(start: tile.ids, count: n))
        )
    }

    @Test(arguments: [1, 2, 4, 8])
    func simdKernelMatchesScalarReferenceOnRandomTriangles(samples: Int) throws {
        let pattern = try #require(SamplePattern(count: samples))
        var rng = SplitMix(state: UInt64(samples) * 7919)
        for round in 0..<40 {
            var records: [RasterTriangle] = []
            // Small, medium and huge triangles around tile (64, 128), some far outside.
            let spread: Double = [6, 40, 300, 5000][round % 4]
            for id in 0..<60 {
                let cx = Double.random(in: 40...150, using: &rng)
                let cy = Double.random(in: 100...220, using: &rng)
                func p() -> (Int32, Int32, Float) {
                    Self.v(
                        cx + Double.random(in: -spread...spread, using: &rng),
                        cy + Double.random(in: -spread...spread, using: &rng), Float.random(in: 0...1, using: &rng))
                }
                if let r = Self.record(p(), p(), p(), id: UInt32(id), pattern: pattern, size: 8192) {
                    records.append(r)
                }
            }
            let (depth, ids) = Self.simd(records, pattern: pattern, tileX: 64, tileY: 128)
            var reference = ScalarRasterizer(pattern: pattern)
            for r in records { reference.rasterize(r, tileX: 64, tileY: 128) }
            #expect(ids == reference.ids, "round \(round): ids differ")
            #expect(depth == reference.depth, "round \(round): depths differ")
        }
    }

    @Test func quadThroughPixelCentresCoversTopLeftPixelsOnly() throws {
        // An 8x8 quad whose edges pass through pixel centres (2.5 ... 10.5): the top and left
        // edges are in, the bottom and right ones out, so exactly pixels 2...9 are covered.
        let pattern = try #require(SamplePattern(count: 1))
        let a = Self.v(2.5, 2.5)
        let b = Self.v(10.5, 2.5)
        let c = Self.v(10.5, 10.5)
        let d = Self.v(2.5, 10.5)
        // Front faces are counter-clockwise as seen on screen.
        let t0 = try #require(Self.record(a, c, b, id: 0, pattern: pattern, doubleSided: false))
        let t1 = try #require(Self.record(a, d, c, id: 1, pattern: pattern, doubleSided: false))
        let (_, ids) = Self.simd([t0, t1], pattern: pattern, tileX: 0, tileY: 0)
        for y in 0..<16 {
            for x in 0..<16 {
                let covered = ids[y * 64 + x] != VisibilityTile.empty
                #expect(covered == ((2...9).contains(x) && (2...9).contains(y)), "pixel \(x), \(y)")
            }
        }
    }

    @Test(arguments: [1, 4, 8])
    func sharedEdgesAreCoveredExactlyOnce(samples: Int) throws {
        // A jittered grid of quads split into triangles: every sample inside the grid must be
        // covered by exactly one triangle (watertight, no double hits).
        let pattern = try #require(SamplePattern(count: samples))
        var rng = SplitMix(state: 42)
        let n = 9
        var points: [[(Int32, Int32, Float)]] = []
        for j in 0...n {
            var row: [(Int32, Int32, Float)] = []
            for i in 0...n {
                let jitter = (i == 0 || i == n || j == 0 || j == n) ? 0.0 : 2.6
                row.append(
                    Self.v(
                        3 + Double(i) * 6.5 + Double.random(in: -jitter...jitter, using: &rng),
                        3 + Double(j) * 6.5 + Double.random(in: -jitter...jitter, using: &rng)))
            }
            points.append(row)
        }
        var records: [RasterTriangle] = []
        for j in 0..<n {
            for i in 0..<n {
                let (a, b, c, d) = (points[j][i], points[j][i + 1], points[j + 1][i + 1], points[j + 1][i])
                for tri in [(a, b, c), (a, c, d)] {
                    if let r = Self.record(tri.0, tri.1, tri.2, id: UInt32(records.count), pattern: pattern) {
                        records.append(r)
                    }
                }
            }
        }
        var hits = [Int](repeating: 0, count: samples * VisibilityTile.planeSize)
        for r in records {
            for y in 0..<64 {
                for x in 0..<64 {
                    for s in 0..<samples
                    where ScalarRasterizer.covers(r, x: x, y: y, sx16: pattern.x16[s], sy16: pattern.y16[s])
                        && (Int(r.minX)...Int(r.maxX)).contains(x) && (Int(r.minY)...Int(r.maxY)).contains(y)
                    {
                        hits[s * VisibilityTile.planeSize + y * 64 + x] += 1
                    }
                }
            }
        }
        // Inside the outer square (3 ... 61.5) every sample is hit once; none twice anywhere.
        #expect(hits.allSatisfy { $0 <= 1 })
        for y in 4..<60 {
            for x in 4..<60 {
                for s in 0..<samples {
                    #expect(hits[s * VisibilityTile.planeSize + y * 64 + x] == 1, "pixel \(x) \(y) s\(s)")
                }
            }
        }
        // The SIMD kernel agrees: every inner sample gets an id.
        let (_, ids) = Self.simd(records, pattern: pattern, tileX: 0, tileY: 0)
        for y in 4..<60 {
            for x in 4..<60 {
                for s in 0..<samples { #expect(ids[s * VisibilityTile.planeSize + y * 64 + x] != VisibilityTile.empty) }
            }
        }
    }

    @Test func fourSamplesGiveHalfCoverageOnAVerticalEdgeThroughPixelCentres() throws {
        // The rectangle x in [2.5, 10.5): pixels 3...9 are fully covered; pixels 2 and 10 have
        // the two samples whose x offset is right (resp. left) of the centre.
        let pattern = try #require(SamplePattern(count: 4))
        let a = Self.v(2.5, 0)
        let b = Self.v(10.5, 0)
        let c = Self.v(10.5, 8)
        let d = Self.v(2.5, 8)
        let t0 = try #require(Self.record(a, b, c, id: 0, pattern: pattern))
        let t1 = try #require(Self.record(a, c, d, id: 1, pattern: pattern))
        let (_, ids) = Self.simd([t0, t1], pattern: pattern, tileX: 0, tileY: 0)
        func count(_ x: Int, _ y: Int) -> Int {
            (0..<4).filter { ids[$0 * VisibilityTile.planeSize + y * 64 + x] != VisibilityTile.empty }.count
        }
        for y in 1..<7 {
            #expect(count(1, y) == 0)
            #expect(count(2, y) == 2)
            for x in 3...9 { #expect(count(x, y) == 4) }
            #expect(count(10, y) == 2)
            #expect(count(11, y) == 0)
        }
    }

    @Test func depthTestKeepsTheNearerTriangleAndTheFirstOnTies() throws {
        let pattern = try #require(SamplePattern(count: 1))
        let far = try #require(
            Self.record(Self.v(0, 0, 0.8), Self.v(40, 0, 0.8), Self.v(0, 40, 0.8), id: 1, pattern: pattern))
        let near = try #require(
            Self.record(Self.v(0, 0, 0.2), Self.v(40, 0, 0.2), Self.v(0, 40, 0.2), id: 2, pattern: pattern))
        let tie = try #require(
            Self.record(Self.v(0, 0, 0.2), Self.v(40, 0, 0.2), Self.v(0, 40, 0.2), id: 3, pattern: pattern))
        let (_, ids) = Self.simd([far, near, tie], pattern: pattern, tileX: 0, tileY: 0)
        #expect(ids[5 * 64 + 5] == 2)
        let (_, reversed) = Self.simd([near, far], pattern: pattern, tileX: 0, tileY: 0)
        #expect(reversed[5 * 64 + 5] == 2)
    }

    @Test func coverageModeReportsSamplesInFrontWithoutWriting() throws {
        let pattern = try #require(SamplePattern(count: 4))
        let tile = VisibilityTile(samples: 4)
        defer { tile.deallocate() }
        tile.clear(samples: 4)
        let scratch = UnsafeMutablePointer<SIMD4<Int32>>.allocate(capacity: 8)
        defer { scratch.deallocate() }
        let k = TileRasterizer(tile: tile, pattern: pattern, scratch: scratch, alphaTest: NoAlphaTest())
        let wall = try #require(
            Self.record(Self.v(0, 0, 0.5), Self.v(64, 0, 0.5), Self.v(0, 64, 0.5), id: 7, pattern: pattern))
        k.rasterize(wall, tileX: 0, tileY: 0)
        let masks = UnsafeMutableRawPointer.allocate(byteCount: 4096 * 4, alignment: 64).bindMemory(
            to: UInt32.self, capacity: 4096)
        defer { masks.deallocate() }
        masks.initialize(repeating: 0, count: 4096)
        let behind = try #require(
            Self.record(Self.v(0, 0, 0.7), Self.v(64, 0, 0.7), Self.v(64, 64, 0.7), id: 8, pattern: pattern))
        let inFront = try #require(
            Self.record(Self.v(0, 0, 0.3), Self.v(64, 0, 0.3), Self.v(64, 64, 0.3), id: 9, pattern: pattern))
        k.rasterize(behind, tileX: 0, tileY: 0, coverage: masks)
        // The wall covers x + y < 64, the other two triangles x > y.
        #expect(masks[2 * 64 + 10] == 0)  // (10, 2): hidden behind the wall
        #expect(masks[30 * 64 + 60] == 0xF)  // (60, 30): beside the wall, visible
        masks.update(repeating: 0, count: 4096)
        k.rasterize(inFront, tileX: 0, tileY: 0, coverage: masks)
        #expect(masks[2 * 64 + 10] == 0xF)
        #expect(masks[30 * 64 + 60] == 0xF)
        #expect(tile.ids[30 * 64 + 60] == VisibilityTile.empty)  // nothing written
        #expect(tile.ids[2 * 64 + 10] == 7)
    }
}
