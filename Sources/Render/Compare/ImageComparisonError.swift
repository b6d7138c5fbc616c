/// Why two images could not be compared.
public enum ImageComparisonError: Error, Equatable, CustomStringConvertible {
    /// The images differ in size (resize one first, e.g. `vitrine diff --resize`).
    case sizeMismatch(expectedWidth: Int, expectedHeight: Int, actualWidth: Int, actualHeight: Int)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .sizeMismatch(let ew, let eh, let aw, let ah):
            return "images differ in size: expected is \(ew)x\(eh), actual is \(aw)x\(ah)"
        }
    }
}
