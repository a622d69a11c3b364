/// How long and how large one response body may be: the bounds that keep a slow, stalled or
/// hostile server from holding `generate` forever or filling the disk.
///
/// One value in `ClientConfiguration`, so tests can shrink the 30 s window to a second.
public struct TransferLimits: Sendable, Hashable {
    /// The stall rule: a body that delivers fewer than `minimumBytesPerSecond` on average over
    /// this window is abandoned.
    public var stallWindow: Duration
    public var minimumBytesPerSecond: Int
    /// The most one image may take to arrive, however steadily. A body carrying several images
    /// (a `b64_json` answer) gets this much per image.
    public var maxTimePerImage: Duration
    /// The largest image file accepted, downloaded or decoded from base64.
    public var maxImageBytes: Int
    /// The most images one answer may carry.
    public var maxImagesPerResponse: Int

    public init(
        stallWindow: Duration = .seconds(30), minimumBytesPerSecond: Int = 1024, maxTimePerImage: Duration = .seconds(10 * 60),
        maxImageBytes: Int = 64 << 20, maxImagesPerResponse: Int = TransferLimits.catalogMaxImages
    ) {
        self.stallWindow = stallWindow
        self.minimumBytesPerSecond = minimumBytesPerSecond
        self.maxTimePerImage = maxTimePerImage
        self.maxImageBytes = maxImageBytes
        self.maxImagesPerResponse = maxImagesPerResponse
    }

    /// 1 KiB/s over 30 s. 10 minutes per image: a whole 64 MiB image still arrives over a
    /// 1 Mbit/s link (about 9 minutes). 64 MiB per image: the largest output, 3840x2160, is
    /// 33.2 MB as RGBA8 even stored uncompressed in a PNG (plus a filter byte per row and a few
    /// KB of chunk and zlib framing), so this is twice the worst real file.
    public static let standard = TransferLimits()

    /// The largest `n` any model in the catalog accepts (10 today).
    public static let catalogMaxImages = ModelCatalog.builtIn.models.map(\.maxN).max() ?? 10

    /// Room for everything in a JSON answer that is not image data (ids, prompts, whitespace).
    static let jsonSlackBytes = 4 << 20

    /// A JSON answer carrying up to `images` base64 images: each decodes to at most
    /// `maxImageBytes`, and base64 is 4/3 of that.
    func maxImageJSONBytes(images: Int) -> Int {
        max(1, images) * (maxImageBytes / 3 * 4 + 4) + Self.jsonSlackBytes
    }

    /// The total time allowed for a body carrying up to `images` images.
    func timeCeiling(images: Int) -> Duration { maxTimePerImage * max(1, images) }

    /// The stall rule as a byte count over the window.
    var minimumBytesPerWindow: Int {
        let (seconds, attoseconds) = stallWindow.components
        return Int((Double(seconds) + Double(attoseconds) / 1e18) * Double(minimumBytesPerSecond))
    }
}
