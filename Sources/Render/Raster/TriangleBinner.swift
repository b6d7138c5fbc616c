/// Triangle setup and binning, in parallel and deterministic.
///
/// The triangles of the draw ranges (in draw order) are cut into chunks of consecutive
/// triangles. Pass 1 (one task per chunk) sets each triangle up (clipping it if it crosses the
/// clipping volume) into the chunk's own record buffer and counts, per tile, the records that
/// touch it. A prefix sum over (tile, chunk) gives every chunk its slots in each tile's bin.
/// Pass 2 (one task per chunk) writes the record references. Each tile's bin therefore lists
/// records in draw order, whatever the thread count or the order chunks ran in.
///
/// A bin entry is `chunk << 24 | index in chunk`.
final class TriangleBinner: @unchecked Sendable {
    /// Most chunks a frame is cut into (the 8 high bits of a bin entry).
    static let maxChunks = 256
    /// Fewest triangles in a chunk.
    static let minChunkSize = 1024

    /// Record buffers, one per chunk.
    private(set) var chunks: [RecordBuffer] = []
    /// Base pointers of the chunks' records, refreshed after pass 1.
    private(set) var chunkBases: UnsafeMutablePointer<UnsafeMutablePointer<RasterTriangle>>
    /// Per chunk, per tile: record count (pass 1), then next free slot (pass 2).
    private var counts: UnsafeMutableBufferPointer<Int32> = .init(start: nil, count: 0)
    /// Start of each tile's bin in ``bins``, `tileCount + 1` entries.
    private(set) var tileStarts: [Int] = []
    /// All bins, tile after tile.
    private(set) var bins: UnsafeMutableBufferPointer<UInt32> = .init(start: nil, count: 0)
    /// Chunks used by the last ``bin(_:)`` call.
    private(set) var chunkCount = 0

    init() {
        chunkBases = .allocate(capacity: Self.maxChunks)
    }

    deinit {
        chunkBases.deallocate()
        counts.deallocate()
        bins.deallocate()
    }

    /// Total records of the last binning (for statistics).
    var recordCount: Int { chunks.prefix(chunkCount).reduce(0) { $0 + $1.count } }

    /// The record a bin entry refers to.
    @inline(__always)
    func record(_ entry: UInt32) -> RasterTriangle {
        chunkBases[Int(entry >> 24)][Int(entry & 0xFF_FFFF)]
    }

    /// Sets up and bins the triangles of `ranges` into the grid's tiles.
    func bin(_ job: BinningJob, pool: WorkerPool) {
        let total = job.ranges.reduce(0) { $0 + Int($1.count) }
        let tileCount = job.grid.tileCount
        let chunkSize = max(Self.minChunkSize, (total + Self.maxChunks - 1) / Self.maxChunks)
        chunkCount = total == 0 ? 0 : (total + chunkSize - 1) / chunkSize
        while chunks.count < chunkCount { chunks.append(RecordBuffer(capacity: chunkSize)) }
        let needed = max(chunkCount * tileCount, 1)
        if counts.count < needed || counts.baseAddress == nil {
            counts.deallocate()
            counts = .allocate(capacity: needed)
        }
        counts.update(repeating: 0)
        var rangeStarts = [Int](repeating: 0, count: job.ranges.count + 1)
        for (i, r) in job.ranges.enumerated() { rangeStarts[i + 1] = rangeStarts[i] + Int(r.count) }

        // Pass 1: setup and counting, one task per chunk.
        let shared = BinningShared(
            job: job, chunks: chunks, counts: counts, rangeStarts: rangeStarts, chunkSize: chunkSize,
            total: total)
        pool.parallelFor(chunkCount) { c, _ in shared.setupChunk(c) }
        for c in 0..<chunkCount { chunkBases[c] = chunks[c].base }

        // Prefix sums: tile-major, chunk-minor.
        tileStarts = [Int](repeating: 0, count: tileCount + 1)
        var running = 0
        for t in 0..<tileCount {
            tileStarts[t] = running
            for c in 0..<chunkCount {
                let n = Int(counts[c * tileCount + t])
                counts[c * tileCount + t] = Int32(running)
                running += n
            }
        }
        tileStarts[tileCount] = running
        if bins.count < running || bins.baseAddress == nil {
            bins.deallocate()
            bins = .allocate(capacity: max(running, 1024))
        }

        // Pass 2: write the references.
        let fill = BinFill(job: job, chunks: chunks, cursors: counts, bins: bins.baseAddress!)
        pool.parallelFor(chunkCount) { c, _ in fill.fillChunk(c) }
    }

    /// Frees record memory left over from a much larger scene.
    func trim() {
        for chunk in chunks { chunk.shrink(toFit: 0) }
    }
}

/// The inputs of one binning: vertices, indices, draw ranges, the tile grid and the setup.
struct BinningJob: @unchecked Sendable {
    let vertices: UnsafePointer<ScreenVertex>
    let indices: UnsafePointer<UInt32>
    let ranges: [DrawRange]
    let grid: TileGrid
    let setup: TriangleSetup
    let mapping: ScreenMapping
}

/// The pass-1 task: setup of one chunk.
private struct BinningShared: @unchecked Sendable {
    let job: BinningJob
    let chunks: [RecordBuffer]
    let counts: UnsafeMutableBufferPointer<Int32>
    let rangeStarts: [Int]
    let chunkSize: Int
    let total: Int

    func setupChunk(_ c: Int) {
        let buffer = chunks[c]
        buffer.removeAll()
        buffer.reserve(chunkSize)
        let start = c * chunkSize
        let end = min(start + chunkSize, total)
        // The range holding `start` (last range whose start is <= start).
        var lo = 0
        var hi = job.ranges.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rangeStarts[mid] <= start { lo = mid } else { hi = mid - 1 }
        }
        var r = lo
        var v = start
        var clipper = Clipper()
        let tileCount = job.grid.tileCount
        let counts = self.counts.baseAddress! + c * tileCount
        while v < end {
            let range = job.ranges[r]
            let rangeEnd = min(end, rangeStarts[r + 1])
            var t = range.first + UInt32(v - rangeStarts[r])
            while v < rangeEnd {
                let before = buffer.count
                setupTriangle(t, range: range, into: buffer, clipper: &clipper)
                for i in before..<buffer.count {
                    job.grid.forEachTile(buffer.base[i], setup: job.setup) { counts[$0] += 1 }
                }
                t += 1
                v += 1
            }
            r += 1
        }
    }

    @inline(__always)
    func setupTriangle(_ t: UInt32, range: DrawRange, into buffer: RecordBuffer, clipper: inout Clipper) {
        let base = Int(t) * 3
        let a = job.vertices[Int(job.indices[base])]
        let b = job.vertices[Int(job.indices[base + 1])]
        let c = job.vertices[Int(job.indices[base + 2])]
        if a.outcode | b.outcode | c.outcode == 0 {
            if let record = job.setup.setup(
                (a.x, a.y, a.z), (b.x, b.y, b.z), (c.x, c.y, c.z), triangle: t, doubleSided: range.doubleSided,
                flags: range.flags)
            {
                buffer.append(record)
            }
            return
        }
        // Outside one plane with all three vertices: nothing to draw.
        if a.outcode & b.outcode & c.outcode != 0 { return }
        clipper.clip(a.clip, b.clip, c.clip, guardX: job.mapping.guardX, guardY: job.mapping.guardY)
        guard clipper.count >= 3 else { return }
        let p0 = job.mapping.snap(clipper.vertex(0))
        var prev = job.mapping.snap(clipper.vertex(1))
        for i in 2..<clipper.count {
            let next = job.mapping.snap(clipper.vertex(i))
            if let record = job.setup.setup(
                p0, prev, next, triangle: t, doubleSided: range.doubleSided, flags: range.flags)
            {
                buffer.append(record)
            }
            prev = next
        }
    }
}

/// The pass-2 task: bin references of one chunk.
private struct BinFill: @unchecked Sendable {
    let job: BinningJob
    let chunks: [RecordBuffer]
    let cursors: UnsafeMutableBufferPointer<Int32>
    let bins: UnsafeMutablePointer<UInt32>

    func fillChunk(_ c: Int) {
        let buffer = chunks[c]
        let cursors = self.cursors.baseAddress! + c * job.grid.tileCount
        let bins = self.bins
        for i in 0..<buffer.count {
            let entry = UInt32(c) << 24 | UInt32(i)
            job.grid.forEachTile(buffer.base[i], setup: job.setup) { tile in
                bins[Int(cursors[tile])] = entry
                cursors[tile] += 1
            }
        }
    }
}
