import Testing

@testable import Render

@Suite struct RGBA8ImageOrientationTests {
    /// A 3x2 image whose pixels are numbered 0...5 in the red channel:
    /// ```
    /// 0 1 2
    /// 3 4 5
    /// ```
    static let numbered = RGBA8Image(width: 3, height: 2, pixels: (0..<6).flatMap { [UInt8($0), 0, 0, 255] })

    static func reds(_ image: RGBA8Image) -> [[Int]] {
        (0..<image.height).map { y in (0..<image.width).map { Int(image[$0, y].x) } }
    }

    /// Each orientation, written out by hand from the EXIF table.
    @Test(arguments: [
        (1, [[0, 1, 2], [3, 4, 5]]),
        (2, [[2, 1, 0], [5, 4, 3]]),
        (3, [[5, 4, 3], [2, 1, 0]]),
        (4, [[3, 4, 5], [0, 1, 2]]),
        (5, [[0, 3], [1, 4], [2, 5]]),
        (6, [[3, 0], [4, 1], [5, 2]]),
        (7, [[5, 2], [4, 1], [3, 0]]),
        (8, [[2, 5], [1, 4], [0, 3]]),
    ])
    func orientations(orientation: Int, expected: [[Int]]) {
        #expect(Self.reds(Self.numbered.oriented(exif: orientation)) == expected)
    }

    /// Values outside 1...8 leave the image alone; orientation and its inverse give it back.
    @Test func outOfRangeAndInverses() {
        #expect(Self.numbered.oriented(exif: 0) == Self.numbered)
        #expect(Self.numbered.oriented(exif: 9) == Self.numbered)
        // 6 (clockwise) undone by 8 (anticlockwise); the mirrors and 3, 5, 7 undo themselves.
        #expect(Self.numbered.oriented(exif: 6).oriented(exif: 8) == Self.numbered)
        for self_inverse in [2, 3, 4, 5, 7] {
            #expect(Self.numbered.oriented(exif: self_inverse).oriented(exif: self_inverse) == Self.numbered)
        }
        let big = TestImages.noise(width: 70, height: 45, seed: 3)
        #expect(big.oriented(exif: 8).oriented(exif: 6) == big)
    }
}
