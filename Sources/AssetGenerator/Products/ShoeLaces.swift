import Render

/// Flat cotton laces, criss-crossed through six pairs of eyelets and tied in a bow.
enum ShoeLaces {
    typealias Side = ShoeLast.Side

    /// Eyelets from the top (0) to the toe end (5): position along the shoe.
    static let eyeletT: [Float] = (0..<6).map { 0.40 + 0.041 * Float($0) }

    /// Angle of an eyelet row: about 7 mm in from the throat's edge.
    static func eyeletTheta(_ t: Float) -> Float { ShoeLast.thetaMax(t) - 0.15 }

    /// Outward normal of the closed upper at (t, theta), by finite differences.
    static func normal(_ t: Float, _ theta: Float, _ side: Side) -> SIMD3<Float> {
        let e: Float = 0.002
        let dt = ShoeLast.upper(t + e, theta, side) - ShoeLast.upper(t - e, theta, side)
        let dTheta = ShoeLast.upper(t, theta + e, side) - ShoeLast.upper(t, theta - e, side)
        var n = normalize(cross(dt, dTheta))
        let p = ShoeLast.upper(t, theta, side)
        let inside = SIMD3(ShoeLast.centre(t), ShoeLast.upperBase(t) + 0.02, p.z)
        if dot(n, p - inside) < 0 { n = -n }
        return n
    }

    /// A point `height` metres above the closed upper.
    static func above(_ t: Float, _ theta: Float, _ side: Side, _ height: Float) -> SIMD3<Float> {
        ShoeLast.upper(t, theta, side) + normal(t, theta, side) * height
    }

    /// A lace from one eyelet over the ridge to an eyelet on the other side.
    static func span(from a: (t: Float, side: Side), to b: (t: Float, side: Side), lift: Float) -> [SIMD3<Float>] {
        let steps = 12
        return (0...steps).map { k in
            let s = Float(k) / Float(steps)
            let t = a.t + (b.t - a.t) * s
            let ridge = 1 - abs(2 * s - 1)
            let theta0 = eyeletTheta(t)
            let theta = theta0 + (ShoeLast.halfPi - theta0) * ridge
            // Into the eyelets at the ends, over the tongue in between.
            let height = -0.0008 + (lift + 0.0008) * min(1, ridge * 3)
            return above(t, theta, s < 0.5 ? a.side : b.side, height)
        }
    }

    static let section: [SIMD2<Float>] = (0..<8).map { k in
        let a = 2 * DMath.pi * Double(k) / 8
        return SIMD2(Float(DMath.cos(a)) * 0.0008, Float(DMath.sin(a)) * 0.0028)
    }

    /// Every lace piece as one mesh.
    static func mesh() -> MeshData {
        var paths: [[SIMD3<Float>]] = []
        let last = eyeletT.count - 1
        // The straight bar across the bottom pair, then the crosses towards the top.
        paths.append(span(from: (eyeletT[last], .lateral), to: (eyeletT[last], .medial), lift: 0.0022))
        for k in stride(from: last, to: 0, by: -1) {
            paths.append(span(from: (eyeletT[k], .lateral), to: (eyeletT[k - 1], .medial), lift: 0.0034))
            paths.append(span(from: (eyeletT[k], .medial), to: (eyeletT[k - 1], .lateral), lift: 0.0022))
        }
        var mesh = MeshData()
        for path in paths {
            let n = normal(ShoeLast.length / 2, ShoeLast.halfPi, .lateral)
            mesh.append(
                Sweep(path: path, section: section, frame: .transported(initialNormal: n), capEnds: true).mesh())
        }
        mesh.append(bow())
        return mesh
    }

    /// The bow: two loops lying on the upper and two tails, tied over the top eyelets.
    static func bow() -> MeshData {
        var mesh = MeshData()
        let t0 = eyeletT[0] - 0.012
        for side in [Side.lateral, Side.medial] {
            // A loop: out along the side and back, as a closed curve on the surface.
            let reach: Float = side == .lateral ? 0.55 : 0.5
            let loop: [SIMD3<Float>] = (0..<28).map { k in
                let phi = 2 * DMath.pi * Double(k) / 28
                let out = Float((1 - DMath.cos(phi)) / 2)
                let t = t0 + 0.028 * Float(DMath.sin(phi)) * (0.35 + out)
                let theta = ShoeLast.halfPi - reach * out
                return above(t, theta, side, 0.005 + 0.004 * out)
            }
            let up = normal(t0, ShoeLast.halfPi, side)
            mesh.append(
                Sweep(path: loop, closed: true, section: section, frame: .transported(initialNormal: up)).mesh())
            // A tail: from the knot back and down the other way.
            let tail: [SIMD3<Float>] = (0...16).map { k in
                let s = Float(k) / 16
                let t = t0 - 0.09 * s * (side == .lateral ? 1 : 0.8)
                let theta = ShoeLast.halfPi - (side == .lateral ? 0.6 : 0.75) * s
                return above(t, theta, side == .lateral ? .medial : .lateral, 0.005 + 0.002 * s)
            }
            mesh.append(
                Sweep(path: tail, section: section, frame: .transported(initialNormal: up), capEnds: true).mesh())
        }
        // The knot.
        let k = above(t0, ShoeLast.halfPi, .lateral, 0.006)
        mesh.append(
            RoundedBox(size: SIMD3(0.011, 0.006, 0.008), radius: 0.0028, segments: 4).mesh().transformed(.translate(k)))
        return mesh
    }
}
