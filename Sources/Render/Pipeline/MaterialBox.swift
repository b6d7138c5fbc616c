/// A prepared material in a class box, so that the hot loops can pass it to
/// ``MaterialEvaluator`` without copying it: a copy of a ``PreparedMaterial`` retains its
/// textures and name, and that cost several percent of a frame. Kernels hold the boxes as
/// `Unmanaged` references (kept alive by the ``PreparedScene``) and borrow `value` in place.
final class MaterialBox: Sendable {
    /// The material.
    let value: PreparedMaterial

    init(_ value: PreparedMaterial) {
        self.value = value
    }
}
