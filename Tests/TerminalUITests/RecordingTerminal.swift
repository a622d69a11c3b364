#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import TerminalUI

/// A terminal double for screen and app-loop tests: it replays scripted input and keeps every
/// frame drawn, so a test can assert on `rows()` of what the user would have seen. It lives
/// with the tests because nothing else drives the UI without a terminal.
final class RecordingTerminal: TerminalBackend {
    /// What reached the terminal, in order: frames and raw bytes between them.
    enum Output: Hashable, Sendable {
        case frame
        case bytes([UInt8])
    }

    private(set) var frames: [(grid: CellGrid, cursor: GridPoint?)] = []
    private(set) var emitted: [UInt8] = []
    private(set) var output: [Output] = []
    private(set) var bracketedPaste = false
    private(set) var mouseReporting = false
    private(set) var isShutDown = false
    /// How long each `nextEvent` was told to wait, in order (nil: for ever).
    private(set) var timeouts: [Duration?] = []
    var currentSize: GridSize
    private var script: [TerminalInput]
    private var queued: [UInt8] = []
    private let wakes: SelfPipe?

    /// `script` is returned by `nextEvent` in order; after it, every call times out. With
    /// `awaitingWakes`, a scripted `.wake` stands for news from background work: it waits (up
    /// to 10 s) until something calls the waker, then takes every wake-up so far.
    init(size: GridSize, script: [TerminalInput] = [], awaitingWakes: Bool = false) {
        currentSize = size
        self.script = script
        wakes = awaitingWakes ? SelfPipe() : nil
    }

    /// The most recent frame, or nil before the first `draw`.
    var lastFrame: CellGrid? { frames.last?.grid }

    var waker: TerminalWaker { TerminalWaker(pipe: wakes) }

    func size() -> GridSize { currentSize }

    /// Like ncurses, clears the screen for the first frame and when the size changed.
    @discardableResult func draw(_ grid: CellGrid, cursor: GridPoint?) -> Bool {
        let cleared = lastFrame?.size != grid.size
        frames.append((grid, cursor))
        output.append(.frame)
        if !queued.isEmpty { output.append(.bytes(queued)) }
        queued = []
        return cleared
    }

    /// Decodes the bytes as the real terminal does and puts the keys ahead of the script.
    func feed(typeahead: [UInt8]) {
        script.insert(contentsOf: Self.keys(typeahead).map(TerminalInput.key), at: 0)
    }

    static func keys(_ bytes: [UInt8]) -> [KeyEvent] {
        var decoder = KeyDecoder()
        return bytes.flatMap { decoder.feed(byte: $0) } + decoder.feed(.idle)
    }

    func nextEvent(timeout: Duration?) -> TerminalInput {
        timeouts.append(timeout)
        guard !script.isEmpty else { return .timeout }
        let next = script.removeFirst()
        if next == .wake, let wakes {
            var descriptor = pollfd(fd: wakes.readEnd, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 10_000)
            _ = wakes.drain()
        }
        if case .key(.resize(let columns, let rows)) = next { currentSize = GridSize(columns: columns, rows: rows) }
        return next
    }

    func emit(rawBytes: [UInt8]) {
        emitted += rawBytes
        queued += rawBytes
    }

    func writeNow(rawBytes: [UInt8]) { output.append(.bytes(rawBytes)) }

    func setBracketedPaste(_ enabled: Bool) { bracketedPaste = enabled }

    func setMouseReporting(_ enabled: Bool) { mouseReporting = enabled }

    func shutdown() { isShutDown = true }
}
