/// One of the sneaker's colourways (a `KHR_materials_variants` variant).
struct ShoeColorway: Sendable {
    var name: String
    /// Main leather of the upper.
    var leather: UInt32
    /// Toe cap, heel counter and eyestay overlays.
    var overlay: UInt32
    /// The side mark, heel tab and tongue label.
    var accent: UInt32
    /// The padded collar's band.
    var collar: UInt32
    /// Stitching thread.
    var stitch: UInt32
    /// The tongue.
    var tongue: UInt32
    /// Lining and footbed.
    var lining: UInt32
    /// Midsole (sidewall).
    var sole: UInt32
    /// Outsole rubber.
    var outsole: UInt32
    /// Laces.
    var lace: UInt32
    /// Roughness of the leather.
    var roughness: Float

    static let all: [ShoeColorway] = [
        ShoeColorway(
            name: "Court White", leather: 0xF1EFE9, overlay: 0xECE9E2, accent: 0x1E5B43, collar: 0x1E5B43,
            stitch: 0xD9D5CC, tongue: 0xF1EFE9, lining: 0xE6E2D8, sole: 0xF4F2EC, outsole: 0xB3793F, lace: 0xF3F1EC,
            roughness: 0.42),
        ShoeColorway(
            name: "Navy Suede", leather: 0x2B3651, overlay: 0x222B42, accent: 0xEFEDE6, collar: 0x8C919B,
            stitch: 0x3E4A68, tongue: 0x2B3651, lining: 0xB8BCC4, sole: 0xEDE6D5, outsole: 0xAA7440, lace: 0xF0EEE8,
            roughness: 0.78),
        ShoeColorway(
            name: "Triple Black", leather: 0x202124, overlay: 0x18191B, accent: 0x3C3E43, collar: 0x2B2C30,
            stitch: 0x2E2F33, tongue: 0x202124, lining: 0x1D1E21, sole: 0x242527, outsole: 0x1B1B1C, lace: 0x1F2022,
            roughness: 0.4),
    ]
}
