/// Reads Wavefront MTL material libraries (with the common PBR extension `Pr`, `Pm`,
/// `map_Pr`, `map_Pm`, `Ke`, `norm`).
struct MTLParser {
    /// A texture map statement: the file and the options Vitrine uses.
    struct Map: Equatable {
        /// The file name as written (checked like a glTF URI when it is resolved).
        var path: String
        /// Line of the statement, for messages.
        var line: Int
        /// `-o u v`: UV offset.
        var offset = SIMD2<Float>.zero
        /// `-s u v`: UV scale.
        var scale = SIMD2<Float>(1, 1)
        /// `-bm f`: bump (normal map) multiplier.
        var bumpMultiplier: Float = 1
        /// `-clamp on`: clamp to edge instead of repeating.
        var clamp = false
    }

    /// One `newmtl` block.
    struct Entry {
        var name: String
        var line: Int
        var kd: SIMD3<Float>?
        var ke: SIMD3<Float>?
        var ns: Float?
        var dissolve: Float?
        var roughness: Float?
        var metallic: Float?
        var mapKd: Map?
        var mapKe: Map?
        var mapNormal: Map?
        var mapPr: Map?
        var mapPm: Map?
    }

    /// Parses MTL text.
    /// - Parameters:
    ///   - bytes: the file.
    ///   - file: its name for messages.
    ///   - warn: receives non-fatal findings (`line N`, message).
    /// - Throws: ``SceneError/invalidOBJ(file:line:reason:)`` for malformed numbers or statements.
    static func parse(_ bytes: [UInt8], file: String, warn: (Int, String) -> Void) throws(SceneError) -> [Entry] {
        var entries: [Entry] = []
        var ignored: Set<String> = []
        try OBJTokens.forEachLine(bytes) { (line, t) throws(SceneError) in
            func fail(_ reason: String) -> SceneError { .invalidOBJ(file: file, line: line, reason: reason) }
            func number(_ k: Int) throws(SceneError) -> Float {
                guard k < t.count, let v = OBJTokens.float(t[k]) else {
                    throw fail("'\(OBJTokens.text(t[0]))' needs a number")
                }
                return v
            }
            func color() throws(SceneError) -> SIMD3<Float> {
                let r = try number(1)
                // `Kd r` alone means grey; `Kd spectral ...` and `Kd xyz ...` are not supported.
                guard t.count >= 4 else { return SIMD3(repeating: r) }
                return SIMD3(r, try number(2), try number(3))
            }
            let keyword = OBJTokens.text(t[0])
            if keyword == "newmtl" {
                guard t.count >= 2 else { throw fail("newmtl needs a name") }
                let name = t[1...].map(OBJTokens.text).joined(separator: " ")
                entries.append(Entry(name: name, line: line))
                return
            }
            guard !entries.isEmpty else {
                if !ignored.contains(keyword) { warn(line, "'\(keyword)' before any newmtl ignored") }
                ignored.insert(keyword)
                return
            }
            let e = entries.count - 1
            switch keyword.lowercased() {
            case "kd": entries[e].kd = try color()
            case "ke": entries[e].ke = try color()
            case "ns": entries[e].ns = try number(1)
            case "d": entries[e].dissolve = try number(t.count > 2 && OBJTokens.text(t[1]) == "-halo" ? 2 : 1)
            case "tr": entries[e].dissolve = 1 - (try number(1))
            case "pr": entries[e].roughness = try number(1)
            case "pm": entries[e].metallic = try number(1)
            case "map_kd": entries[e].mapKd = try map(t, line: line, fail: fail)
            case "map_ke": entries[e].mapKe = try map(t, line: line, fail: fail)
            case "map_bump", "bump", "norm": entries[e].mapNormal = try map(t, line: line, fail: fail)
            case "map_pr": entries[e].mapPr = try map(t, line: line, fail: fail)
            case "map_pm": entries[e].mapPm = try map(t, line: line, fail: fail)
            case "ka", "ks", "ni", "illum", "tf", "map_ka", "map_ks", "map_ns", "disp", "decal", "refl":
                break  // Phong terms with no metallic-roughness meaning.
            default:
                if !ignored.contains(keyword) { warn(line, "MTL statement '\(keyword)' ignored") }
                ignored.insert(keyword)
            }
        }
        return entries
    }

    /// A `map_*` statement: options, then the file name (which may contain spaces).
    private static func map(_ t: [ArraySlice<UInt8>], line: Int, fail: (String) -> SceneError) throws(SceneError)
        -> Map
    {
        var map = Map(path: "", line: line)
        var k = 1
        func values(_ maximum: Int) -> [Float] {
            var out: [Float] = []
            while out.count < maximum, k < t.count, let v = OBJTokens.float(t[k]) {
                out.append(v)
                k += 1
            }
            return out
        }
        // Options and how many arguments they take (the MTL specification's list).
        while k < t.count, t[k].first == UInt8(ascii: "-") {
            let option = OBJTokens.text(t[k])
            k += 1
            switch option {
            case "-o":
                let v = values(3)
                guard v.count >= 1 else { throw fail("-o needs numbers") }
                map.offset = SIMD2(v[0], v.count > 1 ? v[1] : 0)
            case "-s":
                let v = values(3)
                guard v.count >= 1 else { throw fail("-s needs numbers") }
                map.scale = SIMD2(v[0], v.count > 1 ? v[1] : 1)
            case "-bm":
                let v = values(1)
                guard v.count == 1 else { throw fail("-bm needs a number") }
                map.bumpMultiplier = v[0]
            case "-clamp":
                guard k < t.count else { throw fail("-clamp needs on or off") }
                map.clamp = OBJTokens.text(t[k]) == "on"
                k += 1
            case "-t": _ = values(3)
            case "-mm": _ = values(2)
            case "-boost", "-texres": _ = values(1)
            case "-blendu", "-blendv", "-cc", "-imfchan", "-type": k += 1
            default: throw fail("unknown texture option \(option)")
            }
        }
        guard k < t.count else { throw fail("'\(OBJTokens.text(t[0]))' needs a file name") }
        map.path = t[k...].map(OBJTokens.text).joined(separator: " ")
        return map
    }
}
