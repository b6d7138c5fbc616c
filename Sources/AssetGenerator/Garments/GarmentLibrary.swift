import Render

/// The try-on items the project generates (`assets/garments/`).
enum GarmentLibrary {
    /// Every item: a function drawing its image, and its spec, in a fixed order.
    static let items: [(image: @Sendable () -> RGBA8Image, spec: GarmentSpec)] = [
        ({ TShirt.image(.stripes) }, TShirt.spec(.stripes)),
        ({ TShirt.image(.logo) }, TShirt.spec(.logo)),
        ({ Shirt.image() }, Shirt.spec),
        ({ Dress.image() }, Dress.spec),
        ({ FlatGlasses.image() }, FlatGlasses.spec),
        ({ Beanie.image() }, Beanie.spec),
    ]

    /// The item the marker variant is made from.
    static let markerSource = 0

    /// One generation job per item; the first one also writes the marker variant.
    static func jobs() -> [@Sendable () throws -> [SampleAssets.File]] {
        items.indices.map { k in
            {
                let (draw, spec) = items[k]
                let image = draw()
                var files = try self.files(image, spec)
                if k == markerSource {
                    let (markerImage, markerSpec) = GarmentMarkers.variant(of: image, spec: spec)
                    files += try self.files(markerImage, markerSpec)
                }
                return files
            }
        }
    }

    /// The PNG and the JSON of an item.
    static func files(_ image: RGBA8Image, _ spec: GarmentSpec) throws -> [SampleAssets.File] {
        [
            SampleAssets.File(path: "garments/\(spec.id).png", bytes: try TextureEncoder.png(image, name: spec.id)),
            SampleAssets.File(path: "garments/\(spec.id).json", bytes: spec.json()),
        ]
    }
}
