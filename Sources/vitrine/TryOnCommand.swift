import ArgumentParser
import Foundation
import Render

/// `vitrine tryon`: puts catalogue garments and accessories onto a photo.
struct TryOnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tryon",
        abstract: "Draw garments and accessories onto a person's photo from body keypoints.",
        discussion: """
            Example:
              vitrine tryon --photo me.jpg --keypoints me.keypoints.json --garment tee-stripes --out out.jpg
            Keypoints: COCO-17 (default), MediaPipe Pose 33 or OpenPose BODY_25 JSON (see docs/tryon.md).
            The output carries no metadata from the photo. Warnings (estimated keypoints) go to stderr.
            """)

    @Option(help: "The photo (PNG or JPEG).")
    var photo: String

    @Option(help: "Body keypoints JSON for the photo.")
    var keypoints: String

    @Option(
        name: .customLong("garment"),
        help: "Item or 3D accessory id to draw (e.g. sunglasses); repeat for several (drawn clothes first).")
    var garments: [String] = []

    @Option(help: "Item catalogue folder.")
    var items: String = "assets/garments"

    @Option(help: "3D accessory folder (glTF models with anchors), used when it exists.")
    var accessories: String = "assets/accessories"

    @Option(help: "Output file.")
    var out: String

    @Option(help: "Output format: jpeg or png (default: from --out's extension, else jpeg).")
    var format: TryOnOptions.OutputFormat?

    @Option(help: "JPEG quality 1-100.")
    var quality: Int = 85

    @Option(help: "Occlusion mask (PNG/JPEG): white or opaque where the photo stays in front.")
    var mask: String?

    @Flag(help: "Add a soft drop shadow under each item.")
    var shadow = false

    @Option(help: "Fit the output inside WxH pixels (aspect ratio kept).")
    var size: String?

    @Option(help: "Person index in a multi-person keypoints file (default: the file's primary person).")
    var person: Int?

    @Option(help: "Minimum keypoint score (0-1).")
    var threshold: Double = 0.5

    @Flag(help: "Fail on missing keypoints instead of estimating them.")
    var noEstimates = false

    @Flag(help: "Do not transfer the photo's shading onto the items.")
    var noShading = false

    @Flag(help: "Do not feather the items' edges.")
    var noFeather = false

    @Option(help: "Thin-plate-spline regularisation (0 = anchors land exactly).")
    var lambda: Double = 0

    func validate() throws {
        guard !garments.isEmpty else { throw ValidationError("name at least one --garment") }
        if let size, Self.parseSize(size) == nil { throw ValidationError("--size must be WxH, e.g. 1080x1440") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1-100") }
    }

    func run() throws {
        var options = TryOnOptions()
        options.format = format ?? (out.lowercased().hasSuffix(".png") ? .png : .jpeg)
        options.quality = quality
        options.person = person
        options.scoreThreshold = threshold
        options.estimateMissing = !noEstimates
        options.lambda = lambda
        options.feather = !noFeather
        if noShading { options.shadingStrength = 0 }
        if shadow { options.shadow = DropShadow() }
        if let size, let box = Self.parseSize(size) {
            options.maxOutputWidth = box.width
            options.maxOutputHeight = box.height
        }
        do {
            var folders = [URL(fileURLWithPath: items)]
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: accessories, isDirectory: &isFolder), isFolder.boolValue {
                folders.append(URL(fileURLWithPath: accessories))
            }
            let catalogue = try ItemCatalogue(directories: folders)
            for (id, problem) in catalogue.problems.sorted(by: { $0.key < $1.key }) where garments.contains(id) {
                throw problem
            }
            let renderer = TryOnRenderer(catalogue: catalogue)
            let result = try renderer.compose(
                photo: try Self.read(photo, what: "photo"), keypoints: try Self.read(keypoints, what: "keypoints"),
                items: garments, mask: try mask.map { try Self.read($0, what: "mask") }, options: options)
            for warning in result.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            guard FileManager.default.createFile(atPath: out, contents: Data(result.encoded)) else {
                throw ValidationError("cannot write \(out)")
            }
            print("wrote \(out) (\(result.image.width)x\(result.image.height), \(result.encoded.count) bytes)")
        } catch let error as TryOnError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    static func parseSize(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0, w <= 65535, h <= 65535
        else { return nil }
        return (w, h)
    }

    /// Reads an input file (at most 256 MiB); only the path is ever printed.
    static func read(_ path: String, what: String) throws -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else {
            throw ValidationError("cannot read the \(what) \(path)")
        }
        guard size <= 256 << 20 else { throw ValidationError("the \(what) \(path) is larger than 256 MiB") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the \(what) \(path)")
        }
        return [UInt8](data)
    }
}

extension TryOnOptions.OutputFormat: ExpressibleByArgument {}
