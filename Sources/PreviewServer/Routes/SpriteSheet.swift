import Render

/// Lays turntable cells out as one image: column = yaw step, row = elevation.
enum SpriteSheet {
    /// Renders every cell with `renderCell` and copies it into place.
    /// - Throws: what `renderCell` throws.
    static func render(_ request: TurntableRequest, renderCell: (FrameRequest) throws -> RGBA8Image) throws
        -> RGBA8Image
    {
        let cellWidth = request.base.width
        let cellHeight = request.base.height
        let width = cellWidth * request.frames
        let height = cellHeight * request.rows
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for row in 0..<request.rows {
            for column in 0..<request.frames {
                let cell = try renderCell(request.cell(column: column, row: row))
                precondition(cell.width == cellWidth && cell.height == cellHeight, "cell size mismatch")
                cell.pixels.withUnsafeBufferPointer { source in
                    pixels.withUnsafeMutableBufferPointer { target in
                        for y in 0..<cellHeight {
                            let from = y * cellWidth * 4
                            let to = ((row * cellHeight + y) * width + column * cellWidth) * 4
                            for i in 0..<(cellWidth * 4) { target[to + i] = source[from + i] }
                        }
                    }
                }
            }
        }
        return RGBA8Image(width: width, height: height, pixels: pixels)
    }
}
