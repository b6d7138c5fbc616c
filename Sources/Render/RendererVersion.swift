/// The renderer's version: part of every frame cache key, so bump it whenever a change can
/// alter output bytes.
public enum RendererVersion {
    /// Semantic version of the output; any pixel-changing change bumps it.
    public static let string = "0.1.0"
}
