import Render

/// Marker variants of items, for measuring anchor accuracy in try-on tests: the item in flat
/// grey with a solid dot of a distinct colour centred exactly on each anchor.
///
/// A dot is every pixel whose centre lies within ``radius`` pixels of the anchor, painted in
/// its exact colour at full opacity with no anti-aliasing, so the centroid of a dot's pixels
/// is the anchor itself (anchors are integers: pixel corners, around which the dot is
/// symmetric).
public enum GarmentMarkers {
    /// Dot radius in pixels.
    public static let radius = 5

    /// The grey of the item's body.
    public static let body = SIMD4<UInt8>(128, 128, 128, 255)

    /// Colour of each anchor's dot (exact RGB values).
    public static let colors: [(name: String, rgb: SIMD3<UInt8>)] = [
        ("neck", SIMD3(255, 0, 255)), ("left_shoulder", SIMD3(255, 0, 0)), ("right_shoulder", SIMD3(0, 255, 0)),
        ("left_elbow", SIMD3(0, 0, 255)), ("right_elbow", SIMD3(255, 255, 0)), ("left_wrist", SIMD3(128, 0, 255)),
        ("right_wrist", SIMD3(0, 128, 255)), ("left_hip", SIMD3(0, 255, 255)), ("right_hip", SIMD3(255, 128, 0)),
        ("left_knee", SIMD3(128, 255, 0)), ("right_knee", SIMD3(255, 0, 128)), ("left_eye", SIMD3(0, 255, 128)),
        ("right_eye", SIMD3(128, 64, 0)), ("left_ear", SIMD3(0, 64, 128)), ("right_ear", SIMD3(64, 0, 128)),
        ("head_top", SIMD3(255, 255, 255)),
    ]

    /// The marker variant of an item: its alpha (the silhouette) kept, colour flat grey, dots
    /// on every anchor that has a colour. Returns the image and its spec (id + `-markers`).
    public static func variant(of image: RGBA8Image, spec: GarmentSpec) -> (RGBA8Image, GarmentSpec) {
        var out = image
        for i in 0..<(image.width * image.height) {
            out.pixels[i * 4] = body.x
            out.pixels[i * 4 + 1] = body.y
            out.pixels[i * 4 + 2] = body.z
        }
        var used: [(name: String, rgb: SIMD3<UInt8>)] = []
        for (name, point) in spec.anchors where !spec.offItem.contains(name) {
            guard let rgb = colors.first(where: { $0.name == name })?.rgb else { continue }
            used.append((name, rgb))
            for y in (point.y - radius - 1)...(point.y + radius + 1) {
                for x in (point.x - radius - 1)...(point.x + radius + 1) {
                    guard x >= 0 && y >= 0 && x < image.width && y < image.height else { continue }
                    let dx = Float(x) + 0.5 - Float(point.x)
                    let dy = Float(y) + 0.5 - Float(point.y)
                    if dx * dx + dy * dy <= Float(radius * radius) {
                        out[x, y] = SIMD4(rgb.x, rgb.y, rgb.z, 255)
                    }
                }
            }
        }
        var markerSpec = spec
        markerSpec.id = spec.id + "-markers"
        markerSpec.name = spec.name + " (anchor markers)"
        markerSpec.markers = used
        return (out, markerSpec)
    }
}
