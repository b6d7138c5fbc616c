/// What a file's header says about its image, read without decoding pixels
/// (``ImageCodec/probe(_:)``).
public struct ImageInfo: Sendable, Equatable {
    /// The file format.
    public var format: ImageFormat
    /// Width in pixels as the decoder returns the image (for a JPEG, after its EXIF
    /// orientation is applied).
    public var width: Int
    /// Height in pixels as the decoder returns the image.
    public var height: Int
    /// Channels stored in the file: 1 grey, 2 grey+alpha, 3 colour (also palette), 4 colour+alpha
    /// (for a JPEG, 4 is CMYK).
    public var channels: Int
    /// Bits per stored sample (PNG 1-16, JPEG 8 or 12, HDR 8 for RGBE bytes).
    public var bitDepth: Int
    /// EXIF orientation 1-8 of a JPEG (1 = as stored; also 1 for PNG and HDR).
    public var orientation: Int

    /// Creates an info value.
    public init(format: ImageFormat, width: Int, height: Int, channels: Int, bitDepth: Int, orientation: Int = 1) {
        self.format = format
        self.width = width
        self.height = height
        self.channels = channels
        self.bitDepth = bitDepth
        self.orientation = orientation
    }
}
