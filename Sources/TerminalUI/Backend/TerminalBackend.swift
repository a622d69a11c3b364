/// What `nextEvent(timeout:)` woke up for.
public enum TerminalInput: Sendable, Hashable {
    case key(KeyEvent)
    /// Another thread called `TerminalWaker.wake()` (e.g. a background job has news).
    case wake
    /// The timeout passed with no input.
    case timeout
    /// SIGTERM, SIGHUP or SIGINT arrived. The terminal is already restored; the app should
    /// save what it must and exit.
    case terminated(signal: Int32)
}

/// The terminal edge the screens and the app loop talk to, so they can be tested with a
/// scripted fake instead of a real terminal. One thread owns a backend; only its
/// `TerminalWaker` may be used from others.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells; read it again after a `.resize` event.
    func size() -> GridSize
    /// Shows `grid`, sending only what changed since the last frame, then puts the visible
    /// caret at `cursor`, or hides it when nil. Returns true when the whole screen was cleared
    /// and repainted (the first frame, after a resize), which also wipes any
    /// picture drawn with raw bytes, so it must be drawn again.
    @discardableResult func draw(_ grid: CellGrid, cursor: GridPoint?) -> Bool
    /// Waits for the next event; nil waits indefinitely (costing no CPU).
    func nextEvent(timeout: Duration?) -> TerminalInput
    /// Takes bytes the terminal sent that someone else read (keys typed while the UI asked the
    /// terminal a question) as input that arrived before anything still unread.
    func feed(typeahead: [UInt8])
    /// Queues bytes ncurses knows nothing about (OSC 52, bracketed paste mode, image protocols)
    /// to be written straight to the terminal right after the next frame is flushed.
    func emit(rawBytes: [UInt8])
    /// Writes bytes to the terminal at once, between frames: what must reach the terminal
    /// before the next frame reuses some cells (taking a picture off them) or right after one
    /// was flushed (drawing a picture over its blank cells).
    func writeNow(rawBytes: [UInt8])
    /// Restores the terminal for the shell; safe to call more than once.
    func shutdown()
    /// Turns bracketed paste mode on or off; the backend also turns it off at exit, so the
    /// shell never receives paste markers.
    func setBracketedPaste(_ enabled: Bool)
    /// Turns mouse button and wheel reporting (SGR coordinates) on or off; the backend also
    /// turns it off at exit and while the process is suspended.
    func setMouseReporting(_ enabled: Bool)
    /// A handle other threads use to interrupt `nextEvent(timeout:)`.
    var waker: TerminalWaker { get }
}
