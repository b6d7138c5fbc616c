/// A turntable's frames laid out as one image (a sprite sheet): column = yaw step, row = pitch
/// row, every cell the same size. Cells are copied in as they are rendered, so only the sheet
/// is held, never all frames besides it.
///
/// ```swift
/// var sheet = TurntableSheet(cellWidth: 256, cellHeight: 256, columns: 36, rows: 1)
/// sheet.place(frame.image, row: 0, column: 9)
/// let png = try PNGCodec.encode(sheet.image)
/// ```
public struct TurntableSheet: Sendable {
    /// The sheet, transparent where no cell was placed yet.
    public private(set) var image: RGBA8Image
    /// Cell size.
    public let cellWidth: Int
    public let cellHeight: Int
    /// Grid size.
    public let columns: Int
    public let rows: Int

    /// An empty sheet.
    /// - Precondition: positive sizes.
    public init(cellWidth: Int, cellHeight: Int, columns: Int, rows: Int) {
        precondition(cellWidth > 0 && cellHeight > 0 && columns > 0 && rows > 0, "positive sizes")
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.columns = columns
        self.rows = rows
        image = RGBA8Image(width: cellWidth * columns, height: cellHeight * rows)
    }

    /// Copies `cell` into its place.
    /// - Precondition: the cell has the sheet's cell size; `row` and `column` are in range.
    public mutating func place(_ cell: RGBA8Image, row: Int, column: Int) {
        precondition(cell.width == cellWidth && cell.height == cellHeight, "cell size differs from the sheet's")
        precondition((0..<rows).contains(row) && (0..<columns).contains(column), "cell outside the sheet")
        let width = image.width
        let rowBytes = cellWidth * 4
        cell.pixels.withUnsafeBufferPointer { source in
            image.pixels.withUnsafeMutableBufferPointer { target in
                for y in 0..<cellHeight {
                    let to = ((row * cellHeight + y) * width + column * cellWidth) * 4
                    (target.baseAddress! + to).update(from: source.baseAddress! + y * rowBytes, count: rowBytes)
                }
            }
        }
    }
}
