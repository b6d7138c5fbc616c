import Foundation

/// A camera saved as JSON, in the format of the llvmpipe reference frames
/// (`../shared/reference/llvmpipe/<model>/512_nearest/fNN.json`): row-major `view_matrix` and
/// `projection_matrix` (column vectors, OpenGL NDC), `width` and `height`.
///
/// ```swift
/// let json = try CameraJSON(contentsOf: url)
/// options.camera = json.selection
/// (options.width, options.height) = (json.width, json.height)
/// ```
public struct CameraJSON: Sendable, Equatable {
    /// World to camera.
    public var view: Matrix4
    /// Camera to clip space.
    public var projection: Matrix4
    /// Image width in pixels.
    public var width: Int
    /// Image height in pixels.
    public var height: Int

    /// Reads and parses a camera file.
    /// - Throws: ``RenderError/invalidCameraJSON(file:reason:)``.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RenderError.invalidCameraJSON(file: url.path, reason: "cannot read the file (\(error))")
        }
        try self.init(data: data, file: url.lastPathComponent)
    }

    /// Parses camera JSON.
    /// - Parameters:
    ///   - data: the JSON bytes.
    ///   - file: name for messages.
    /// - Throws: ``RenderError/invalidCameraJSON(file:reason:)``.
    public init(data: Data, file: String = "camera JSON") throws {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw RenderError.invalidCameraJSON(file: file, reason: "not a JSON object")
        }
        func matrix(_ key: String) throws -> Matrix4 {
            guard let rows = object[key] as? [[Any]], rows.count == 4, rows.allSatisfy({ $0.count == 4 }) else {
                throw RenderError.invalidCameraJSON(file: file, reason: "\(key) must be 4 rows of 4 numbers")
            }
            var values: [[Double]] = []
            for row in rows {
                var out: [Double] = []
                for v in row {
                    guard let n = (v as? NSNumber)?.doubleValue, n.isFinite else {
                        throw RenderError.invalidCameraJSON(
                            file: file, reason: "\(key) holds a value that is not a finite number")
                    }
                    out.append(n)
                }
                values.append(out)
            }
            return Matrix4(rows: values)
        }
        func size(_ key: String) throws -> Int {
            guard let n = (object[key] as? NSNumber)?.intValue, n > 0 else {
                throw RenderError.invalidCameraJSON(file: file, reason: "\(key) must be a positive integer")
            }
            return n
        }
        view = try matrix("view_matrix")
        projection = try matrix("projection_matrix")
        width = try size("width")
        height = try size("height")
    }

    /// The camera as a ``CameraSelection``.
    public var selection: CameraSelection { .matrices(view: view, projection: projection) }
}
