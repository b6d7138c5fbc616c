import Foundation
import Render

/// An independent reader of the generator's `.glb` files for the tests: it checks the
/// container (header, chunk lengths and alignment) and reads the JSON with Foundation, then
/// reads accessors the way glTF defines them. Only what the tests need.
struct GLBInspector {
    enum Failure: Error, CustomStringConvertible {
        case invalid(String)
        var description: String {
            switch self {
            case .invalid(let s): return s
            }
        }
    }

    let json: [String: Any]
    let bin: [UInt8]
    let totalLength: Int

    init(_ bytes: [UInt8]) throws {
        func u32(_ o: Int) -> Int {
            Int(bytes[o]) | Int(bytes[o + 1]) << 8 | Int(bytes[o + 2]) << 16 | Int(bytes[o + 3]) << 24
        }
        guard bytes.count >= 20, u32(0) == 0x4654_6C67 else { throw Failure.invalid("bad magic") }
        guard u32(4) == 2 else { throw Failure.invalid("version \(u32(4))") }
        totalLength = u32(8)
        guard totalLength == bytes.count else { throw Failure.invalid("length \(totalLength) != \(bytes.count)") }
        let jsonLength = u32(12)
        guard u32(16) == 0x4E4F_534A, jsonLength % 4 == 0, 20 + jsonLength <= bytes.count else {
            throw Failure.invalid("bad JSON chunk")
        }
        let jsonData = Data(bytes[20..<(20 + jsonLength)])
        guard let object = try JSONSerialization.jsonObject(with: jsonData) as? [String: Any] else {
            throw Failure.invalid("JSON is not an object")
        }
        json = object
        let binStart = 20 + jsonLength
        if binStart < bytes.count {
            let binLength = u32(binStart)
            guard u32(binStart + 4) == 0x004E_4942, binLength % 4 == 0, binStart + 8 + binLength == bytes.count else {
                throw Failure.invalid("bad BIN chunk")
            }
            bin = Array(bytes[(binStart + 8)..<(binStart + 8 + binLength)])
        } else {
            bin = []
        }
    }

    func array(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }

    /// The bytes of a buffer view.
    func view(_ index: Int) throws -> (bytes: ArraySlice<UInt8>, stride: Int?) {
        let v = array("bufferViews")[index]
        let offset = v["byteOffset"] as? Int ?? 0
        let length = v["byteLength"] as? Int ?? 0
        guard offset % 4 == 0, offset + length <= bin.count else {
            throw Failure.invalid("bufferView \(index) out of the buffer")
        }
        return (bin[offset..<(offset + length)], v["byteStride"] as? Int)
    }

    /// Float components of an accessor (VEC2/3/4 of FLOAT), checked against its view.
    func floats(_ index: Int) throws -> [[Float]] {
        let a = array("accessors")[index]
        guard a["componentType"] as? Int == 5126 else { throw Failure.invalid("accessor \(index) is not FLOAT") }
        let n = ["VEC2": 2, "VEC3": 3, "VEC4": 4, "SCALAR": 1][a["type"] as? String ?? ""] ?? 0
        let count = a["count"] as? Int ?? 0
        let (bytes, stride) = try view(a["bufferView"] as? Int ?? -1)
        let offset = a["byteOffset"] as? Int ?? 0
        let step = stride ?? n * 4
        guard offset % 4 == 0, step >= n * 4, count == 0 || offset + step * (count - 1) + n * 4 <= bytes.count else {
            throw Failure.invalid("accessor \(index) reads past its bufferView")
        }
        let base = bytes.startIndex
        return (0..<count).map { i in
            (0..<n).map { c in
                let o = base + offset + i * step + c * 4
                let bits =
                    UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3])
                    << 24
                return Float(bitPattern: bits)
            }
        }
    }

    /// Index accessor values (UNSIGNED_SHORT or UNSIGNED_INT).
    func indices(_ index: Int) throws -> [Int] {
        let a = array("accessors")[index]
        let count = a["count"] as? Int ?? 0
        let (bytes, _) = try view(a["bufferView"] as? Int ?? -1)
        let size = a["componentType"] as? Int == 5123 ? 2 : 4
        guard count * size <= bytes.count else { throw Failure.invalid("index accessor \(index) too long") }
        let base = bytes.startIndex
        return (0..<count).map { i in
            var v = 0
            for b in 0..<size { v |= Int(bytes[base + i * size + b]) << (8 * b) }
            return v
        }
    }

    /// Encoded bytes of image `index`.
    func image(_ index: Int) throws -> [UInt8] {
        let image = array("images")[index]
        return Array(try view(image["bufferView"] as? Int ?? -1).bytes)
    }

    /// Triangles drawn by every primitive, and the world bounds (nodes use translations only
    /// in the generated files; rotations are checked to be absent).
    func trianglesAndBounds() throws -> (triangles: Int, min: SIMD3<Float>, max: SIMD3<Float>) {
        var triangles = 0
        var lo = SIMD3<Float>(repeating: .infinity)
        var hi = SIMD3<Float>(repeating: -.infinity)
        let nodes = array("nodes")
        func visit(_ n: Int, _ offset: SIMD3<Float>) throws {
            let node = nodes[n]
            guard node["rotation"] == nil, node["scale"] == nil, node["matrix"] == nil else {
                throw Failure.invalid("node \(n) has a transform the test does not apply")
            }
            let t = (node["translation"] as? [Double]).map { SIMD3(Float($0[0]), Float($0[1]), Float($0[2])) } ?? .zero
            let here = offset + t
            if let m = node["mesh"] as? Int {
                for p in (array("meshes")[m]["primitives"] as? [[String: Any]] ?? []) {
                    let attributes = p["attributes"] as? [String: Int] ?? [:]
                    let positions = try floats(attributes["POSITION"] ?? -1)
                    for q in positions {
                        let v = SIMD3(q[0], q[1], q[2]) + here
                        lo = pointwiseMin(lo, v)
                        hi = pointwiseMax(hi, v)
                    }
                    triangles += try indices(p["indices"] as? Int ?? -1).count / 3
                }
            }
            for c in node["children"] as? [Int] ?? [] { try visit(c, here) }
        }
        let scene = (array("scenes").first?["nodes"] as? [Int]) ?? []
        for root in scene { try visit(root, .zero) }
        return (triangles, lo, hi)
    }
}
