/// Reads the statements of a Wavefront OBJ file into flat vertex arrays and face lists
/// grouped by `o`/`g` and `usemtl`.
struct OBJParser {
    /// Faces of one group that use one material, as triangle corners.
    struct Bucket {
        /// `usemtl` name, or `nil` before any `usemtl`.
        var material: String?
        /// Line of the `usemtl` (or first face), for messages.
        var line: Int
        /// Three corners per triangle: (position, texcoord or -1, normal or -1), 0-based.
        var corners: [SIMD3<Int32>] = []
    }

    /// One `o` or `g` group.
    struct Group {
        var name: String
        var buckets: [Bucket] = []
    }

    var positions: [SIMD3<Float>] = []
    /// Vertex colours (`v x y z r g b`), parallel to `positions` once any vertex has one.
    var colors: [SIMD3<Float>] = []
    var texcoords: [SIMD2<Float>] = []
    var normals: [SIMD3<Float>] = []
    var groups: [Group] = []
    /// `mtllib` file names with their line.
    var materialLibraries: [(name: String, line: Int)] = []
    /// Non-fatal findings (line, message).
    var warnings: [(line: Int, message: String)] = []

    private var currentMaterial: String?
    private var currentBucket = -1
    private var triangles = 0
    private var ignored: Set<String> = []

    /// Parses OBJ text.
    /// - Throws: ``SceneError/invalidOBJ(file:line:reason:)`` for malformed statements, face
    ///   indices that are 0 or out of range, or ``SceneError/limitExceeded`` past the limits.
    static func parse(_ bytes: [UInt8], file: String, defaultGroup: String, options: ImportOptions) throws(SceneError)
        -> OBJParser
    {
        var p = OBJParser()
        p.groups = [Group(name: defaultGroup)]
        var corners: [SIMD3<Int32>] = []
        try OBJTokens.forEachLine(bytes) { (line, t) throws(SceneError) in
            func fail(_ reason: String) -> SceneError { .invalidOBJ(file: file, line: line, reason: reason) }
            func numbers(_ minimum: Int, _ what: String) throws(SceneError) -> [Float] {
                var v: [Float] = []
                for k in 1..<t.count {
                    guard let f = OBJTokens.float(t[k]) else {
                        throw fail("'\(OBJTokens.text(t[k]))' is not a finite number in a \(what) statement")
                    }
                    v.append(f)
                }
                guard v.count >= minimum else { throw fail("\(what) needs at least \(minimum) numbers") }
                return v
            }
            switch t[0].count == 1 ? OBJTokens.text(t[0]) : OBJTokens.text(t[0]).lowercased() {
            case "v":
                let v = try numbers(3, "v")
                guard p.positions.count < options.maxVertices else {
                    throw .limitExceeded(
                        file: file, jsonPath: "line \(line)", what: "vertex count", value: p.positions.count + 1,
                        limit: options.maxVertices)
                }
                p.positions.append(SIMD3(v[0], v[1], v[2]))
                if v.count >= 6 {
                    if p.colors.count < p.positions.count - 1 {
                        p.colors.append(contentsOf: repeatElement(SIMD3(1, 1, 1), count: p.positions.count - 1))
                    }
                    let rgb = v.count >= 7 ? SIMD3(v[4], v[5], v[6]) : SIMD3(v[3], v[4], v[5])
                    p.colors.append(rgb)
                } else if !p.colors.isEmpty {
                    p.colors.append(SIMD3(1, 1, 1))
                }
            case "vt":
                let v = try numbers(1, "vt")
                guard p.texcoords.count < options.maxVertices else {
                    throw .limitExceeded(
                        file: file, jsonPath: "line \(line)", what: "texture coordinate count",
                        value: p.texcoords.count + 1, limit: options.maxVertices)
                }
                // OBJ puts v = 0 at the bottom of an image, glTF at the top.
                p.texcoords.append(SIMD2(v[0], 1 - (v.count > 1 ? v[1] : 0)))
            case "vn":
                let v = try numbers(3, "vn")
                guard p.normals.count < options.maxVertices else {
                    throw .limitExceeded(
                        file: file, jsonPath: "line \(line)", what: "normal count", value: p.normals.count + 1,
                        limit: options.maxVertices)
                }
                p.normals.append(SIMD3(v[0], v[1], v[2]))
            case "f":
                guard t.count >= 4 else { throw fail("a face needs at least 3 vertices, found \(t.count - 1)") }
                corners.removeAll(keepingCapacity: true)
                for k in 1..<t.count { corners.append(try p.corner(t[k], fail: fail)) }
                p.triangles += corners.count - 2
                guard p.triangles <= options.maxTriangles else {
                    throw .limitExceeded(
                        file: file, jsonPath: "line \(line)", what: "triangle count", value: p.triangles,
                        limit: options.maxTriangles)
                }
                p.addFan(corners, line: line)
            case "o", "g":
                guard p.groups.count < options.maxNodes else {
                    throw .limitExceeded(
                        file: file, jsonPath: "line \(line)", what: "group count", value: p.groups.count + 1,
                        limit: options.maxNodes)
                }
                let name = t.count > 1 ? t[1...].map(OBJTokens.text).joined(separator: " ") : "group \(p.groups.count)"
                p.groups.append(Group(name: name))
                p.currentBucket = -1
            case "usemtl":
                guard t.count >= 2 else { throw fail("usemtl needs a material name") }
                p.currentMaterial = t[1...].map(OBJTokens.text).joined(separator: " ")
                p.currentBucket = -1
            case "mtllib":
                guard t.count >= 2 else { throw fail("mtllib needs a file name") }
                for k in 1..<t.count { p.materialLibraries.append((OBJTokens.text(t[k]), line)) }
            case "s":
                break  // Smoothing groups: normals come from vn, or are generated flat.
            case "l", "p":
                p.warnOnce("l/p", line, "points and lines dropped: Vitrine draws triangles only")
            default:
                let keyword = OBJTokens.text(t[0])
                p.warnOnce(keyword, line, "OBJ statement '\(keyword)' ignored")
            }
        }
        return p
    }

    /// One face corner `v`, `v/vt`, `v//vn` or `v/vt/vn`, indices resolved to 0-based
    /// (negative ones count back from the last vertex read).
    private func corner(_ token: ArraySlice<UInt8>, fail: (String) -> SceneError) throws(SceneError) -> SIMD3<Int32> {
        let parts = token.split(separator: UInt8(ascii: "/"), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 3, !parts[0].isEmpty else { throw fail("bad face vertex '\(OBJTokens.text(token))'") }
        func resolve(_ part: ArraySlice<UInt8>, count: Int, what: String) throws(SceneError) -> Int32 {
            if part.isEmpty { return -1 }
            guard let i = OBJTokens.int(part), i != 0 else {
                throw fail("'\(OBJTokens.text(part))' is not a valid \(what) index (OBJ indices start at 1)")
            }
            let resolved = i > 0 ? i - 1 : count + i
            guard resolved >= 0, resolved < count, resolved < Int(Int32.max) else {
                throw fail("\(what) index \(i) is out of range (\(count) defined so far)")
            }
            return Int32(resolved)
        }
        let v = try resolve(parts[0], count: positions.count, what: "vertex")
        let vt = parts.count > 1 ? try resolve(parts[1], count: texcoords.count, what: "texture coordinate") : -1
        let vn = parts.count > 2 ? try resolve(parts[2], count: normals.count, what: "normal") : -1
        return SIMD3(v, vt, vn)
    }

    /// Adds a polygon as a triangle fan around its first corner (exact for convex polygons,
    /// which is what exporters write).
    private mutating func addFan(_ corners: [SIMD3<Int32>], line: Int) {
        let g = groups.count - 1
        if currentBucket < 0 {
            if let existing = groups[g].buckets.firstIndex(where: { $0.material == currentMaterial }) {
                currentBucket = existing
            } else {
                groups[g].buckets.append(Bucket(material: currentMaterial, line: line))
                currentBucket = groups[g].buckets.count - 1
            }
        }
        for k in 1..<(corners.count - 1) {
            groups[g].buckets[currentBucket].corners.append(corners[0])
            groups[g].buckets[currentBucket].corners.append(corners[k])
            groups[g].buckets[currentBucket].corners.append(corners[k + 1])
        }
    }

    private mutating func warnOnce(_ key: String, _ line: Int, _ message: String) {
        guard !ignored.contains(key) else { return }
        ignored.insert(key)
        warnings.append((line, message))
    }
}
