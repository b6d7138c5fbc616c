import Foundation
import Render

/// A grid of equally sized frames composited over a light grey page, each cell numbered in
/// its top-left corner with a small built-in digit font, so the picture can be read together
/// with the index JSON written beside it. Failed cells are filled red.
struct ContactSheet {
    /// Side of one (square) cell in pixels.
    let cell: Int
    /// Cells per row.
    let columns: Int
    /// Pixels between cells and around the grid.
    let gutter = 4
    private(set) var image: RGBA8Image

    init(cell: Int, count: Int) {
        self.cell = cell
        columns = max(1, Int(Double(count).squareRoot().rounded(.up)))
        let rows = max(1, (count + columns - 1) / columns)
        image = RGBA8Image(
            width: gutter + columns * (cell + gutter), height: gutter + rows * (cell + gutter),
            fill: SIMD4(224, 224, 224, 255))
    }

    /// Top-left corner of cell `index`.
    func origin(_ index: Int) -> (x: Int, y: Int) {
        (gutter + (index % columns) * (cell + gutter), gutter + (index / columns) * (cell + gutter))
    }

    /// Draws `frame` (straight alpha) over a white cell, or a red cell for `nil`, and numbers it.
    mutating func place(_ frame: RGBA8Image?, at index: Int) {
        let (ox, oy) = origin(index)
        for y in 0..<cell {
            for x in 0..<cell {
                var out = SIMD4<UInt8>(200, 40, 40, 255)
                if let frame, x < frame.width, y < frame.height {
                    let p = SIMD4<Int>(truncatingIfNeeded: frame[x, y])
                    let mixed = (p &* p.w &+ 255 &* (255 &- p.w) &+ 127) / 255
                    out = SIMD4(UInt8(mixed.x), UInt8(mixed.y), UInt8(mixed.z), 255)
                }
                set(ox + x, oy + y, out)
            }
        }
        label(index, x: ox + 2, y: oy + 2)
    }

    /// The cell number in 3x5 digits scaled 2x, black on a white box.
    private mutating func label(_ number: Int, x: Int, y: Int) {
        let digits = String(number).compactMap { $0.wholeNumberValue }
        let scale = 2
        let width = digits.count * 4 * scale + scale
        for dy in 0..<(7 * scale) {
            for dx in 0..<width { set(x + dx, y + dy, SIMD4(255, 255, 255, 255)) }
        }
        for (i, digit) in digits.enumerated() {
            let bits = Self.font[digit]
            for row in 0..<5 {
                for col in 0..<3 where bits >> (14 - (row * 3 + col)) & 1 == 1 {
                    for sy in 0..<scale {
                        for sx in 0..<scale {
                            set(
                                x + scale + (i * 4 + col) * scale + sx, y + scale + row * scale + sy,
                                SIMD4(0, 0, 0, 255))
                        }
                    }
                }
            }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ value: SIMD4<UInt8>) {
        guard x < image.width, y < image.height else { return }
        let o = (y * image.width + x) * 4
        image.pixels[o] = value.x
        image.pixels[o + 1] = value.y
        image.pixels[o + 2] = value.z
        image.pixels[o + 3] = value.w
    }

    /// Digits 0-9 as 3x5 bitmaps, row-major from the top-left bit (bit 14).
    private static let font: [Int] = [
        0b111_101_101_101_111, 0b010_110_010_010_111, 0b111_001_111_100_111, 0b111_001_111_001_111,
        0b101_101_111_001_001, 0b111_100_111_001_111, 0b111_100_111_101_111, 0b111_001_010_010_010,
        0b111_101_111_101_111, 0b111_101_111_001_111,
    ]
}
