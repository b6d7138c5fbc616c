import Foundation
import Testing

@testable import Render

@Suite struct WarpMeshDrawerTests {
    /// A small deterministic generator (SplitMix64).
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

    static func randomTexture(_ rng: inout SplitMix, width: Int, height: Int) -> ItemTexture {
        var image = RGBA8Image(width: width, height: height)
        for i in 0..<image.pixels.count { image.pixels[i] = UInt8.random(in: 0...255, using: &rng) }
        return ItemTexture(image, featherTexels: 1.5)
    }

    /// A mesh of unrelated random triangles (some overlapping, some partly off the canvas,
    /// some tiny, some minified so that coarser mip levels are used).
    static func randomMesh(_ rng: inout SplitMix, triangles: Int, canvas: Int, texture: Int) -> WarpMesh {
        var mesh = WarpMesh(testOnlyPositions: [], uvs: [], triangles: [])
        for _ in 0..<triangles {
            let centre = SIMD2(
                Double.random(in: -10...Double(canvas + 10), using: &rng),
                Double.random(in: -10...Double(canvas + 10), using: &rng))
            let size = [2.0, 12, 40][Int.random(in: 0...2, using: &rng)]
            let uvScale = [0.5, 1, 3, 9][Int.random(in: 0...3, using: &rng)]
            let uvCentre = SIMD2(
                Double.random(in: 0...Double(texture), using: &rng), Double.random(in: 0...Double(texture), using: &rng)
            )
            let base = Int32(mesh.positions.count)
            for _ in 0..<3 {
                let d = SIMD2(
                    Double.random(in: -size...size, using: &rng), Double.random(in: -size...size, using: &rng))
                mesh.positions.append(centre + d)
                mesh.uvs.append(uvCentre + d * uvScale)
                mesh.shades.append(Float.random(in: 0.3...1, using: &rng))
            }
            mesh.triangles.append(SIMD3(base, base + 1, base + 2))
        }
        return mesh
    }

    @Test(arguments: [1, 2, 3])
    func simdKernelMatchesTheScalarReference(seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        let texture = Self.randomTexture(&rng, width: 67, height: 53)
        let mesh = Self.randomMesh(&rng, triangles: 300, canvas: 96, texture: 60)
        var photo = RGBA8Image(width: 96, height: 96)
        for i in 0..<photo.pixels.count { photo.pixels[i] = UInt8.random(in: 0...255, using: &rng) }
        var mask = [UInt8](repeating: 0, count: 96 * 96)
        for i in 0..<mask.count { mask[i] = UInt8.random(in: 0...255, using: &rng) }

        for useMask in [false, true] {
            for feathered in [false, true] {
                var fast = photo
                fast.pixels.withUnsafeMutableBytes { raw in
                    mask.withUnsafeBufferPointer { m in
                        let view = CanvasView(
                            pixels: raw.baseAddress!.assumingMemoryBound(to: UInt32.self), width: 96, height: 96)
                        WarpMeshDrawer.draw(
                            mesh, texture: texture, feathered: feathered, into: view,
                            mask: useMask ? m.baseAddress : nil)
                    }
                }
                var slow = photo
                ReferenceMeshDrawer.draw(
                    mesh, texture: texture, feathered: feathered, into: &slow, mask: useMask ? mask : nil)
                #expect(fast.pixels != photo.pixels)
                #expect(fast.pixels == slow.pixels, "mask \(useMask), feathered \(feathered)")
            }
        }
    }

    @Test func sharedEdgesAreCoveredExactlyOnce() {
        // A fan of triangles around one centre, with a half-transparent texture: a pixel drawn
        // twice would be darker, a pixel missed would keep the white photo.
        var image = RGBA8Image(width: 8, height: 8, fill: SIMD4(0, 0, 0, 128))
        image[0, 0] = SIMD4(0, 0, 0, 128)
        let texture = ItemTexture(image, featherTexels: 0)
        var mesh = WarpMesh(testOnlyPositions: [], uvs: [], triangles: [])
        let centre = SIMD2(40.3, 37.7)
        mesh.positions.append(centre)
        mesh.uvs.append(SIMD2(4, 4))
        mesh.shades.append(1)
        let n = 17
        for k in 0..<n {
            let a = Double(k) / Double(n) * 2 * Double.pi
            mesh.positions.append(centre + SIMD2(cos(a), sin(a)) * (25 + Double(k % 3) * 3.7))
            mesh.uvs.append(SIMD2(4, 4))
            mesh.shades.append(1)
        }
        for k in 0..<n { mesh.triangles.append(SIMD3(0, Int32(1 + k), Int32(1 + (k + 1) % n))) }
        var canvas = RGBA8Image(width: 80, height: 80, fill: SIMD4(255, 255, 255, 255))
        canvas.pixels.withUnsafeMutableBytes { raw in
            let view = CanvasView(pixels: raw.baseAddress!.assumingMemoryBound(to: UInt32.self), width: 80, height: 80)
            WarpMeshDrawer.draw(mesh, texture: texture, feathered: false, into: view, mask: nil)
        }
        // Inside the fan's inner radius every pixel is blended exactly once: 255 * 127 / 255.
        var inner = 0
        for y in 0..<80 {
            for x in 0..<80 {
                let d = SIMD2(Double(x) + 0.5, Double(y) + 0.5) - centre
                guard (d * d).sum().squareRoot() < 24 else { continue }
                inner += 1
                #expect(canvas[x, y] == SIMD4(127, 127, 127, 255), "pixel \(x), \(y)")
            }
        }
        #expect(inner > 1500)
    }

    /// Records how often each pixel is visited.
    struct CoverageKernel: MeshSpanKernel {
        var counts: [Int]
        let width: Int
        mutating func begin(_ planes: TrianglePlanes) {}
        mutating func run(row y: Int, from x0: Int, through x1: Int) {
            for x in x0...x1 { counts[y * width + x] += 1 }
        }
    }

    @Test(arguments: [4, 5, 6])
    func coverageIsTheRenderersTileRasterizerCoverage(seed: UInt64) throws {
        // Each triangle alone: the span walker and the 3D renderer's SIMD tile kernel (one
        // sample at the pixel centre, same setup record) must cover exactly the same pixels.
        var rng = SplitMix(state: seed)
        let size = 128
        let texture = Self.randomTexture(&rng, width: 16, height: 16)
        let mesh = Self.randomMesh(&rng, triangles: 200, canvas: size, texture: 16)
        let pattern = try #require(SamplePattern(count: 1))
        let setup = TriangleSetup(width: size, height: size, pattern: pattern)
        let tile = VisibilityTile(samples: 1)
        defer { tile.deallocate() }
        let coverage = UnsafeMutablePointer<UInt32>.allocate(capacity: VisibilityTile.planeSize)
        defer { coverage.deallocate() }
        let scratch = UnsafeMutablePointer<SIMD4<Int32>>.allocate(capacity: 8)
        defer { scratch.deallocate() }
        var covered = 0
        for t in mesh.triangles {
            var single = WarpMesh(testOnlyPositions: [], uvs: [], triangles: [SIMD3(0, 1, 2)])
            for i in [t.x, t.y, t.z].map(Int.init) {
                single.positions.append(mesh.positions[i])
                single.uvs.append(mesh.uvs[i])
                single.shades.append(1)
            }
            var spans = CoverageKernel(counts: [Int](repeating: 0, count: size * size), width: size)
            WarpMeshDrawer.rasterize(single, scale: 1, width: size, height: size, texture: texture, kernel: &spans)

            var tiles = [Int](repeating: 0, count: size * size)
            let v = single.positions.map(WarpMeshDrawer.snap)
            if let record = setup.setup(v[0], v[1], v[2], triangle: 0, doubleSided: true, flags: 0) {
                let kernel = TileRasterizer(tile: tile, pattern: pattern, scratch: scratch, alphaTest: NoAlphaTest())
                for tileY in stride(from: 0, to: size, by: VisibilityTile.size) {
                    for tileX in stride(from: 0, to: size, by: VisibilityTile.size) {
                        tile.clear(samples: 1)
                        coverage.update(repeating: 0, count: VisibilityTile.planeSize)
                        kernel.rasterize(record, tileX: Int32(tileX), tileY: Int32(tileY), coverage: coverage)
                        for y in 0..<VisibilityTile.size {
                            for x in 0..<VisibilityTile.size where coverage[y * VisibilityTile.size + x] & 1 != 0 {
                                tiles[(tileY + y) * size + tileX + x] += 1
                            }
                        }
                    }
                }
            }
            #expect(spans.counts == tiles, "triangle \(single.positions)")
            covered += tiles.reduce(0, +)
        }
        #expect(covered > 20_000)
    }

    @Test func edgeDivisionsFloorAndCeil() {
        #expect(WarpMeshDrawer.floorDiv(7, 2) == 3)
        #expect(WarpMeshDrawer.floorDiv(-7, 2) == -4)
        #expect(WarpMeshDrawer.floorDiv(-8, 2) == -4)
        #expect(WarpMeshDrawer.ceilDiv(7, 2) == 4)
        #expect(WarpMeshDrawer.ceilDiv(-7, 2) == -3)
    }
}
