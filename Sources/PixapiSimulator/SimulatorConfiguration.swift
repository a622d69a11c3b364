import Foundation
import PixapiKit

/// How a simulator behaves: where it listens, how slow it is, who it lets in and how much it lets them spend.
///
/// The defaults suit tests: loopback, any free port, no latency, any key, unlimited credits and
/// async tasks short enough to poll through in a couple of seconds.
public struct SimulatorConfiguration: Sendable {
    /// The address to bind. Loopback by default so a demo never exposes the simulator on the network.
    public var host: String
    /// The port to bind; 0 lets the system choose a free one, read back from `RunningSimulator.port`.
    public var port: Int
    /// Added before every `/v1` response, to make spinners and timeouts observable.
    public var latency: Duration
    /// How long an async task takes from submission to `completed`, with growing `progress` in between.
    public var taskDuration: Duration
    /// The only bearer key accepted; `nil` accepts any non-empty key.
    public var requiredKey: String?
    /// Credits available at start and after a reset; `nil` never refuses for lack of credits.
    public var startingCredits: Int?
    /// zlib level for generated PNGs: 1 keeps a 3840x2160 image fast to produce.
    public var compressionLevel: Int
    /// Striped images (tiny PNGs, fast tests) or photo-like ones (photograph-sized PNGs, for benchmarks).
    public var imageStyle: SimulatedImageStyle
    /// What the simulator validates against; the same catalog the client checks with, by default.
    public var catalog: ModelCatalog
    /// What each request costs, for the credit balance.
    public var prices: PriceTable
    /// The simulator's time: when a task started, how far it has got, and the `created` stamps.
    /// The system clock by default; a test passes a clock it moves itself, so a task's whole
    /// life is walked through without waiting for it.
    public var now: @Sendable () -> Date
    /// How many bytes of answers are kept for repeats of an `Idempotency-Key`, oldest forgotten
    /// first (the newest is always kept). Without a bound a simulator left running, or the
    /// demo, grew by every answer: 150 MB for one n=8 4K b64_json generation.
    public var rememberedAnswerBytes = 256 << 20

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        latency: Duration = .zero,
        taskDuration: Duration = .seconds(2),
        requiredKey: String? = nil,
        startingCredits: Int? = nil,
        compressionLevel: Int = 1,
        imageStyle: SimulatedImageStyle = .striped,
        catalog: ModelCatalog = .builtIn,
        prices: PriceTable = .builtIn,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.host = host
        self.port = port
        self.latency = latency
        self.taskDuration = taskDuration
        self.requiredKey = requiredKey
        self.startingCredits = startingCredits
        self.compressionLevel = compressionLevel
        self.imageStyle = imageStyle
        self.catalog = catalog
        self.prices = prices
        self.now = now
    }
}
