import Testing

@testable import PreviewServer

@Suite struct AssetIDTests {
    @Test(arguments: ["chair", "a", "sheen-chair_2", "0x", String(repeating: "a", count: 64)])
    func accepts(id: String) { #expect(AssetID.isValid(id)) }

    @Test(arguments: [
        "", "..", "../etc", "a/b", "a%2Fb", "a\0b", "Chair", "-chair", "_x", "a.b", "a b", "é",
        String(repeating: "a", count: 65),
    ])
    func refuses(id: String) { #expect(!AssetID.isValid(id)) }

    @Test func idsFromFileNames() {
        #expect(AssetID.fromFileName("SheenChair.glb") == "sheenchair")
        #expect(AssetID.fromFileName("toy-car.gltf") == "toy-car")
        #expect(AssetID.fromFileName("my chair.glb") == nil)
    }
}
