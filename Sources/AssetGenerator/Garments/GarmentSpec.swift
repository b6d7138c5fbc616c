/// A try-on item's description: the JSON written beside its PNG.
///
/// Anchors are in image pixels with the origin at the image's top-left corner (pixel
/// `(i, j)` covers `[i, i+1) x [j, j+1)`). Names follow COCO-17 keypoints, with the wearer's
/// sides: on a front view `left_shoulder` is on the image's right. `neck` (midway between the
/// shoulders) and `head_top` are the two names that are not COCO keypoints.
public struct GarmentSpec: Sendable, Equatable {
    /// What kind of item, which decides where it goes on the body.
    public enum Category: String, Sendable, CaseIterable {
        /// T-shirts, shirts, jackets: neck, shoulders, elbows (and wrists), hips.
        case top
        /// Dresses: neck, shoulders, hips, knees.
        case dress
        /// 2D glasses: eyes and ears.
        case glasses
        /// Hats: head top and the eye line.
        case hat

        /// Drawing order when several items are worn (lower first).
        public var defaultLayer: Int {
            switch self {
            case .dress: return 10
            case .top: return 20
            case .glasses: return 30
            case .hat: return 40
            }
        }
    }

    /// File stem and id (`tshirt-stripes`).
    public var id: String
    /// Display name.
    public var name: String
    /// Category.
    public var category: Category
    /// Image width in pixels.
    public var width: Int
    /// Image height in pixels.
    public var height: Int
    /// Named anchor points, in a fixed order.
    public var anchors: [(name: String, point: SIMD2<Int>)]
    /// Anchors that by design lie outside the item's opaque pixels (a hat's eye line).
    public var offItem: [String] = []
    /// Marker colours, for a marker variant (anchor name to RGB).
    public var markers: [(name: String, rgb: SIMD3<UInt8>)] = []

    /// Compares specs member by member (anchors in order).
    public static func == (a: GarmentSpec, b: GarmentSpec) -> Bool {
        a.id == b.id && a.name == b.name && a.category == b.category && a.width == b.width && a.height == b.height
            && a.anchors.map(\.name) == b.anchors.map(\.name) && a.anchors.map(\.point) == b.anchors.map(\.point)
            && a.offItem == b.offItem && a.markers.map(\.name) == b.markers.map(\.name)
            && a.markers.map(\.rgb) == b.markers.map(\.rgb)
    }

    /// The anchor called `name`.
    public func anchor(_ name: String) -> SIMD2<Int>? { anchors.first { $0.name == name }?.point }

    /// The JSON file's bytes (pretty, stable key order).
    public func json() -> [UInt8] {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)), ("name", .string(name)), ("category", .string(category.rawValue)),
            ("image", .string("\(id).png")), ("size", .ints([width, height])), ("layer", .int(category.defaultLayer)),
            ("anchors", .object(anchors.map { ($0.name, .ints([$0.point.x, $0.point.y])) })),
        ]
        if !offItem.isEmpty { members.append(("offItem", .array(offItem.map { .string($0) }))) }
        if !markers.isEmpty {
            members.append(
                ("markers", .object(markers.map { ($0.name, .ints([Int($0.rgb.x), Int($0.rgb.y), Int($0.rgb.z)])) })))
            members.append(("markerRadius", .int(GarmentMarkers.radius)))
        }
        return Array(JSONValue.object(members).serialized(pretty: true).utf8)
    }
}
