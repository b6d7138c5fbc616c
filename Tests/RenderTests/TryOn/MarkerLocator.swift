@testable import Render

/// Finds the marker dots of `TryOnTestItems` in a composite: the centroid of the pixels
/// whose colour is within `tolerance` (each channel) of a marker colour, in continuous
/// coordinates (pixel centres at `i + 0.5`).
enum MarkerLocator {
    struct Found {
        var centre: SIMD2<Double>
        var pixels: Int
    }

    static func locate(
        _ points: [BodyPoint], category: ItemCategory, in image: RGBA8Image, tolerance: Int = 16
    ) -> [BodyPoint: Found] {
        var sums: [BodyPoint: (SIMD2<Double>, Int)] = [:]
        let colours = points.map {
            ($0, SIMD4<Int>(truncatingIfNeeded: TryOnTestItems.markerColour($0, category: category)))
        }
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = SIMD4<Int>(truncatingIfNeeded: image[x, y])
                // Cheap reject: every marker has one of red/green at 0 and the other at 255.
                guard abs(p.x - p.y) >= 255 - 2 * tolerance else { continue }
                for (point, c) in colours {
                    let d = p &- c
                    if abs(d.x) <= tolerance && abs(d.y) <= tolerance && abs(d.z) <= tolerance {
                        let s = sums[point] ?? (.zero, 0)
                        sums[point] = (s.0 + SIMD2(Double(x) + 0.5, Double(y) + 0.5), s.1 + 1)
                    }
                }
            }
        }
        return sums.mapValues { Found(centre: $0.0 / Double($0.1), pixels: $0.1) }
    }
}
