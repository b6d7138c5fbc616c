@testable import Render

/// Finds the marker dots of `TryOnTestItems` in a composite: the centroid of the pixels
/// the item changed (compared with the photo, so that photo content of a similar colour is
/// never counted) whose colour is within `tolerance` (each channel) of a marker colour, in
/// continuous coordinates (pixel centres at `i + 0.5`).
enum MarkerLocator {
    struct Found {
        var centre: SIMD2<Double>
        var pixels: Int
    }

    static func locate(
        _ points: [BodyPoint], category: ItemCategory, in image: RGBA8Image, photo: RGBA8Image,
        tolerance: Int = 12
    ) -> [BodyPoint: Found] {
        var sums: [BodyPoint: (SIMD2<Double>, Int)] = [:]
        let colours = points.map {
            ($0, SIMD4<Int>(truncatingIfNeeded: TryOnTestItems.markerColour($0, category: category)))
        }
        for y in 0..<image.height {
            for x in 0..<image.width {
                guard image[x, y] != photo[x, y] else { continue }
                let p = SIMD4<Int>(truncatingIfNeeded: image[x, y])
                // Cheap reject: every marker has a channel at 0 and another at 255.
                guard p.x <= tolerance || p.y <= tolerance else { continue }
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
