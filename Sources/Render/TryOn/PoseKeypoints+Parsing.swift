extension PoseKeypoints {
    /// Parses a keypoints JSON file in any of the accepted layouts (see `PoseKeypoints`).
    ///
    /// ```swift
    /// let keypoints = try PoseKeypoints.parse(Array(jsonData))
    /// let body = try BodyModel(keypoints, photoWidth: 1080, photoHeight: 1440)
    /// ```
    /// - Parameters:
    ///   - bytes: the file's bytes (UTF-8 JSON; JSON5 leniency, so `NaN` is read and rejected
    ///     with a precise error).
    ///   - limits: size limits, checked before parsing.
    /// - Throws: `TryOnError.keypointsTooLarge`, `.malformedKeypoints`, `.nonFiniteKeypoint`,
    ///   `.wrongKeypointCount`.
    public static func parse(_ bytes: [UInt8], limits: Limits = .init()) throws -> PoseKeypoints {
        guard bytes.count <= limits.maxBytes else {
            throw TryOnError.keypointsTooLarge(bytes: bytes.count, maxBytes: limits.maxBytes)
        }
        let root: TryOnJSON
        switch TryOnJSON.parse(bytes) {
        case .success(let value): root = value
        case .failure(let failure): throw TryOnError.malformedKeypoints(reason: failure.reason)
        }
        if root.array != nil {
            // A bare list of points: one person, pixels, format from the count or names.
            let (format, points) = try parsePoints(root, format: nil, label: "")
            return PoseKeypoints(format: format, people: [points])
        }
        guard root.object != nil else {
            throw TryOnError.malformedKeypoints(reason: "the top level must be an object or a list of points")
        }
        var format: KeypointFormat?
        if let value = root["format"] {
            guard let name = value.string, let known = KeypointFormat(name: name) else {
                let names = KeypointFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw TryOnError.malformedKeypoints(reason: "unknown format \(value); known: \(names)")
            }
            format = known
        }
        let width = try positiveNumber(root["width"] ?? root["image_width"], field: "width")
        let height = try positiveNumber(root["height"] ?? root["image_height"], field: "height")

        // Each person's point list, and whether it is a MediaPipe landmark list (normalised by default).
        var lists: [(value: TryOnJSON, label: String)] = []
        var landmarkList = false
        if let people = root["people"] {
            guard let list = people.array else {
                throw TryOnError.malformedKeypoints(reason: "'people' must be a list")
            }
            guard list.count <= limits.maxPeople else {
                throw TryOnError.malformedKeypoints(
                    reason: "\(list.count) people is more than the limit of \(limits.maxPeople)")
            }
            for (i, person) in list.enumerated() {
                guard let value = person["keypoints"] ?? person["pose_keypoints_2d"] ?? person["landmarks"] else {
                    throw TryOnError.malformedKeypoints(
                        reason: "people[\(i)] has no 'keypoints', 'pose_keypoints_2d' or 'landmarks'")
                }
                landmarkList = landmarkList || person["landmarks"] != nil
                lists.append((value, "people[\(i)]."))
            }
        } else if let value = root["keypoints"] {
            lists.append((value, ""))
        } else if let value = root["landmarks"] ?? root["pose_landmarks"] {
            lists.append((value, ""))
            landmarkList = true
        } else {
            throw TryOnError.malformedKeypoints(reason: "no keypoints: expected 'keypoints', 'people' or 'landmarks'")
        }
        if landmarkList && format == nil { format = .mediapipe33 }

        var people: [[BodyPoint: Keypoint]] = []
        var detected: KeypointFormat?
        for (value, label) in lists {
            let (personFormat, points) = try parsePoints(value, format: format, label: label)
            detected = detected ?? personFormat
            people.append(points)
        }
        let normalized = try units(root, default: landmarkList)
        var primary = 0
        if let value = root["primary_person"] {
            guard let n = value.number, n.isFinite, n >= 0, n < Double(max(people.count, 1)), n == n.rounded() else {
                throw TryOnError.malformedKeypoints(reason: "primary_person must be an index into 'people'")
            }
            primary = Int(n)
        }
        return PoseKeypoints(
            format: detected ?? .coco17, imageWidth: width, imageHeight: height, normalized: normalized,
            people: people, primaryPerson: primary)
    }

    // MARK: - Pieces

    private static func positiveNumber(_ value: TryOnJSON?, field: String) throws -> Double? {
        guard let value else { return nil }
        guard let n = value.number else {
            throw TryOnError.malformedKeypoints(reason: "'\(field)' must be a number")
        }
        guard n.isFinite, n > 0, n <= 1_000_000 else {
            throw TryOnError.malformedKeypoints(reason: "'\(field)' must be a positive pixel count, not \(n)")
        }
        return n
    }

    private static func units(_ root: TryOnJSON, default normalizedByDefault: Bool) throws -> Bool {
        if let flag = root["normalized"] ?? root["normalised"] {
            guard let b = flag.bool else {
                throw TryOnError.malformedKeypoints(reason: "'normalized' must be true or false")
            }
            return b
        }
        guard let units = root["units"] else { return normalizedByDefault }
        switch units.string?.lowercased() {
        case "pixels", "pixel", "px": return false
        case "normalized", "normalised": return true
        default: throw TryOnError.malformedKeypoints(reason: "'units' must be \"pixels\" or \"normalized\"")
        }
    }

    /// One person's points: a flat `[x, y, score, ...]` list, or a list of point objects or
    /// `[x, y(, score)]` arrays, named or in the layout's order.
    private static func parsePoints(
        _ value: TryOnJSON, format explicit: KeypointFormat?, label: String
    ) throws -> (KeypointFormat, [BodyPoint: Keypoint]) {
        guard let list = value.array else {
            throw TryOnError.malformedKeypoints(reason: "\(label)keypoints must be a list")
        }
        if !list.isEmpty, list.allSatisfy({ $0.number != nil || $0 == .null }) {
            return try parseFlat(list, format: explicit, label: label)
        }
        let names = list.map { $0["name"]?.string }
        if !list.isEmpty, names.allSatisfy({ $0 != nil }) {
            return try parseNamed(list, names: names.compactMap { $0 }, format: explicit, label: label)
        }
        let format = try layout(count: list.count, explicit: explicit)
        var points: [BodyPoint: Keypoint] = [:]
        for (i, entry) in list.enumerated() {
            let name = label + format.names[i]
            guard let point = format.bodyPoint(at: i), let keypoint = try keypoint(entry, name: name) else { continue }
            points[point] = keypoint
        }
        return (format, points)
    }

    private static func parseFlat(
        _ list: [TryOnJSON], format explicit: KeypointFormat?, label: String
    ) throws -> (KeypointFormat, [BodyPoint: Keypoint]) {
        guard list.count % 3 == 0 else {
            throw TryOnError.malformedKeypoints(
                reason: "\(label)keypoints: a flat list needs x, y, score triples; it has \(list.count) numbers")
        }
        let format = try layout(count: list.count / 3, explicit: explicit)
        var points: [BodyPoint: Keypoint] = [:]
        for i in 0..<format.count {
            let name = label + format.names[i]
            let triple = TryOnJSON.array(Array(list[(3 * i)..<(3 * i + 3)]))
            guard let point = format.bodyPoint(at: i), let keypoint = try keypoint(triple, name: name) else { continue }
            points[point] = keypoint
        }
        return (format, points)
    }

    private static func parseNamed(
        _ list: [TryOnJSON], names: [String], format explicit: KeypointFormat?, label: String
    ) throws -> (KeypointFormat, [BodyPoint: Keypoint]) {
        // Without a declared format, the first layout that knows every name.
        let candidates = explicit.map { [$0] } ?? KeypointFormat.allCases
        guard let format = candidates.first(where: { f in names.allSatisfy { f.bodyPoint(named: $0) != nil } }) else {
            let unknown = names.first { name in candidates.allSatisfy { $0.bodyPoint(named: name) == nil } } ?? "?"
            let layout = explicit?.rawValue ?? "coco17, mediapipe33 or body25"
            throw TryOnError.malformedKeypoints(reason: "\(label)\(unknown) is not a keypoint name of \(layout)")
        }
        guard list.count <= format.count else {
            throw TryOnError.wrongKeypointCount(format: format.rawValue, expected: format.count, found: list.count)
        }
        var points: [BodyPoint: Keypoint] = [:]
        for (entry, name) in zip(list, names) {
            guard case .some(.some(let point)) = format.bodyPoint(named: name) else { continue }
            guard points[point] == nil else {
                throw TryOnError.malformedKeypoints(reason: "\(label)\(name) appears twice")
            }
            if let keypoint = try keypoint(entry, name: label + name) { points[point] = keypoint }
        }
        return (format, points)
    }

    private static func layout(count: Int, explicit: KeypointFormat?) throws -> KeypointFormat {
        if let explicit {
            guard count == explicit.count else {
                throw TryOnError.wrongKeypointCount(format: explicit.rawValue, expected: explicit.count, found: count)
            }
            return explicit
        }
        guard let format = KeypointFormat.allCases.first(where: { $0.count == count }) else {
            throw TryOnError.wrongKeypointCount(format: "coco17/mediapipe33/body25", expected: 17, found: count)
        }
        return format
    }

    /// One point from `{"x", "y", "score"}` or `[x, y(, score)]`; `nil` when the point is
    /// marked absent (`null` coordinates).
    private static func keypoint(_ entry: TryOnJSON, name: String) throws -> Keypoint? {
        let x: TryOnJSON?
        let y: TryOnJSON?
        let s: TryOnJSON?
        if let values = entry.array {
            guard values.count == 2 || values.count == 3 else {
                throw TryOnError.malformedKeypoints(reason: "\(name) must be [x, y] or [x, y, score]")
            }
            (x, y, s) = (values[0], values[1], values.count == 3 ? values[2] : nil)
        } else if entry.object != nil {
            x = entry["x"]
            y = entry["y"]
            s = entry["score"] ?? entry["visibility"] ?? entry["confidence"] ?? entry["c"]
        } else {
            throw TryOnError.malformedKeypoints(reason: "\(name) must be an object or a list")
        }
        if x == .null || y == .null { return nil }
        guard let xv = x?.number, let yv = y?.number else {
            throw TryOnError.malformedKeypoints(reason: "\(name) needs numeric x and y")
        }
        guard xv.isFinite else { throw TryOnError.nonFiniteKeypoint(name: name, field: "x") }
        guard yv.isFinite else { throw TryOnError.nonFiniteKeypoint(name: name, field: "y") }
        var score = 1.0
        if let s, s != .null {
            guard let sv = s.number else {
                throw TryOnError.malformedKeypoints(reason: "\(name): score must be a number")
            }
            guard sv.isFinite else { throw TryOnError.nonFiniteKeypoint(name: name, field: "score") }
            score = min(max(sv, 0), 1)
        }
        return Keypoint(x: xv, y: yv, score: score)
    }
}
