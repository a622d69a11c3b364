/// Which stand-in pictures the simulator draws.
///
/// Striped images are cheap and compress to almost nothing, which keeps tests fast; photo-like
/// ones compress like real photographs, so benchmarks of downloads, previews and galleries move
/// as many bytes as the real service would send.
public enum SimulatedImageStyle: String, Sendable, CaseIterable {
    /// Diagonal colour stripes: a few kilobytes per PNG.
    case striped
    /// Smooth gradients under fine grain: about 7 MB per 2048x2048 PNG.
    case photo
}
