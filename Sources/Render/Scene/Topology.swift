/// Converting glTF topologies to the triangle lists ``Primitive`` stores.
enum Topology {
    /// Triangles a topology with `count` vertices (or indices) makes, before conversion.
    static func triangleCount(mode: PrimitiveMode, count: Int) -> Int {
        switch mode {
        case .triangles: return count / 3
        case .triangleStrip, .triangleFan: return Swift.max(count - 2, 0)
        case .points, .lines, .lineLoop, .lineStrip: return 0
        }
    }

    /// The triangle list of a triangle list, strip or fan, following the glTF specification
    /// (3.7.2.1) so that every triangle keeps the winding of the first:
    /// - strips: triangle `i` is `(v[i], v[i + 1 + i % 2], v[i + 2 - i % 2])`, so odd triangles
    ///   swap their last two vertices;
    /// - fans: triangle `i` is `(v[i + 1], v[i + 2], v[0])`.
    ///
    /// A list whose length is not a multiple of 3 loses its last one or two indices. Degenerate
    /// triangles are kept, so counts match other tools. Points and lines give no triangles.
    static func triangleList(_ v: [UInt32], mode: PrimitiveMode) -> [UInt32] {
        let triangles = triangleCount(mode: mode, count: v.count)
        switch mode {
        case .triangles:
            return v.count == triangles * 3 ? v : Array(v[0..<(triangles * 3)])
        case .triangleStrip:
            var out = [UInt32]()
            out.reserveCapacity(triangles * 3)
            for i in 0..<triangles {
                if i % 2 == 0 {
                    out.append(v[i])
                    out.append(v[i + 1])
                    out.append(v[i + 2])
                } else {
                    out.append(v[i])
                    out.append(v[i + 2])
                    out.append(v[i + 1])
                }
            }
            return out
        case .triangleFan:
            var out = [UInt32]()
            out.reserveCapacity(triangles * 3)
            for i in 0..<triangles {
                out.append(v[i + 1])
                out.append(v[i + 2])
                out.append(v[0])
            }
            return out
        case .points, .lines, .lineLoop, .lineStrip:
            return []
        }
    }
}
