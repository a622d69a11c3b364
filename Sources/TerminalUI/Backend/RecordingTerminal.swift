/// A terminal double for screen and app-loop tests: it replays scripted input and keeps every
/// frame drawn, so a test can assert on `rows()` of what the user would have seen.
public final class RecordingTerminal: TerminalBackend {
    public private(set) var frames: [(grid: CellGrid, cursor: GridPoint?)] = []
    public private(set) var emitted: [UInt8] = []
    public private(set) var bracketedPaste = false
    public private(set) var isSuspended = false
    public private(set) var isShutDown = false
    public var currentSize: GridSize
    private var script: [TerminalInput]

    /// `script` is returned by `nextEvent` in order; after it, every call times out.
    public init(size: GridSize, script: [TerminalInput] = []) {
        currentSize = size
        self.script = script
    }

    /// The most recent frame, or nil before the first `draw`.
    public var lastFrame: CellGrid? { frames.last?.grid }

    public var waker: TerminalWaker { .inert }

    public func size() -> GridSize { currentSize }

    public func draw(_ grid: CellGrid, cursor: GridPoint?) { frames.append((grid, cursor)) }

    public func nextEvent(timeout: Duration?) -> TerminalInput {
        guard !script.isEmpty else { return .timeout }
        let next = script.removeFirst()
        if case .key(.resize(let columns, let rows)) = next { currentSize = GridSize(columns: columns, rows: rows) }
        return next
    }

    public func emit(rawBytes: [UInt8]) { emitted += rawBytes }

    public func setBracketedPaste(_ enabled: Bool) { bracketedPaste = enabled }

    public func suspend() { isSuspended = true }

    public func resume() { isSuspended = false }

    public func shutdown() { isShutDown = true }
}
