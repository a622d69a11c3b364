import Foundation
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The UI loop: waits for a key or news from background work, folds it into the state, runs
/// the effects, and draws. It owns the terminal and runs on one thread.
public final class AppRuntime {
    public private(set) var state: AppState
    private let environment: AppEnvironment
    private let backend: any TerminalBackend
    private let services: any AppServices
    private let view: AppView
    private let previews: PreviewLoader
    /// nil when previews are half blocks.
    private var pixels: PixelLoader?
    private let thumbnails: ThumbnailCache?
    /// Runs right after the first frame (`FirstFrameFollowUp`).
    private let followUp: (() -> FirstFrameFollowUp)?
    private var pixelScreen = PixelScreen()
    /// Lets go of the pages startup touched once the UI first sits idle.
    private var startupPages: StartupPagesRelease
    /// The frame last drawn, to tell which rows curses rewrote under pixel pictures.
    private var lastGrid: CellGrid?
    private let inbox: ActionInbox
    /// What the interpreter may do to the UI: write to the terminal, end the loop.
    private let session: TerminalSession
    private var size: GridSize
    private var promptViewport: (width: Int, height: Int) = (0, 0)
    /// Whether the terminal reports clicks and the wheel (`mouse = false` in the config: no).
    private let mouse: Bool
    /// What the mouse could click on in the frame on screen.
    private var mouseRegions: [MouseRegion] = []

    /// `graphics` draws previews with pixels (kitty, iTerm2, sixel); nil or half blocks keep
    /// them in the frame's cells. `followUp` runs after the first frame and may set `graphics`
    /// then. `mouse` turns on click and wheel reporting.
    /// `releasingStartupPages` lets go of the process's startup code once the UI first sits idle
    /// (`StartupPagesRelease`): for the process that owns the terminal, not for tests.
    public init(
        state: AppState, environment: AppEnvironment, backend: any TerminalBackend, services: any AppServices,
        view: AppView, previewRenderer: PreviewRenderer, graphics: GraphicsEncoder? = nil,
        followUp: (() -> FirstFrameFollowUp)? = nil, mouse: Bool = true, releasingStartupPages: Bool = false
    ) {
        self.mouse = mouse
        startupPages = StartupPagesRelease(pending: releasingStartupPages)
        self.state = state
        self.environment = environment
        self.backend = backend
        self.services = services
        self.view = view
        previews = PreviewLoader(renderer: previewRenderer)
        thumbnails = previewRenderer.cache
        pixels = Self.pixelLoader(graphics, thumbnails: previewRenderer.cache)
        self.followUp = followUp
        inbox = ActionInbox(waker: backend.waker)
        session = TerminalSession(backend: backend)
        size = backend.size()
    }

    /// Runs until the user quits or a signal ends the session; restores the terminal either way.
    public func run() {
        backend.setBracketedPaste(true)
        if mouse { backend.setMouseReporting(true) }
        defer { backend.shutdown() }
        let inbox = inbox
        syncLayout()
        draw()
        // After the first frame: the services open their backend now, so it never delays it.
        services.start { inbox.post(.action($0)) }
        if let followUp { adopt(followUp()) }
        while !session.hasEnded {
            switch startupPages.nextEvent(from: backend, timeout: waitForInput()) {
            case let .key(.resize(columns, rows)):
                size = GridSize(columns: columns, rows: rows)
            case let .key(.mouse(event)):
                if let input = MouseRouting.input(for: event, regions: mouseRegions) { dispatch(.mouse(input)) }
            case let .key(event):
                if let key = KeyMapping.inputKey(event) { dispatch(.key(key)) }
            case .timeout:
                dispatch(.tick)
            case .wake:
                break
            case .terminated:
                // The terminal is already restored: pixel bytes would land in the shell's screen.
                return
            }
            for message in inbox.drain() {
                if case let .action(action) = message { dispatch(action) }
            }
            syncLayout()
            draw()
        }
        write(pixelScreen.leave())
    }

    private static func pixelLoader(_ graphics: GraphicsEncoder?, thumbnails: ThumbnailCache?) -> PixelLoader? {
        graphics.flatMap { $0.method == .blocks ? nil : PixelLoader(encoder: $0, thumbnails: thumbnails) }
    }

    /// Takes what the first frame's follow-up found, and draws what it changed.
    private func adopt(_ found: FirstFrameFollowUp) {
        if let graphics = found.graphics { pixels = Self.pixelLoader(graphics, thumbnails: thumbnails) }
        backend.feed(typeahead: found.typeahead)
        for action in found.actions { dispatch(action) }
        syncLayout()
        draw()
    }

    /// How long to wait for input before a `.tick`: a second while a job runs (jobs show elapsed
    /// seconds), else until the local day ends while the status line shows today's spend, else
    /// for ever.
    private func waitForInput() -> Duration? {
        let running: Duration? = state.jobs.contains { !$0.state.isFinished } ? .seconds(1) : nil
        guard let dayEnds = state.spendDayEnds(environment) else { return running }
        let untilDayEnds = Duration.seconds(max(1, dayEnds.timeIntervalSince(environment.now())))
        return min(running ?? untilDayEnds, untilDayEnds)
    }

    /// Folds one action in and hands every effect it asks for to the interpreter.
    func dispatch(_ action: Action) {
        let inbox = inbox
        for effect in state.update(action, environment: environment) {
            services.perform(effect, session: session) { inbox.post(.action($0)) }
        }
    }

    /// Tells the editor when its box changed size (resize, switching edit mode), and the help
    /// overlay how many lines it shows.
    private func syncLayout() {
        let helpRows = OverlayView.textRows(size: size)
        if helpRows != state.helpScroll.visibleRows { _ = state.update(.helpLayout(rows: helpRows), environment: environment) }
        let grid = AppView.galleryGridShape(size: size)
        if grid.columns != state.gallery.grid.columns || grid.rows != state.gallery.grid.rows {
            _ = state.update(.galleryGridLayout(columns: grid.columns, rows: grid.rows), environment: environment)
        }
        let viewport = AppView.promptViewport(size: size, editMode: state.compose.operation == .edit)
        guard viewport != promptViewport else { return }
        promptViewport = viewport
        _ = state.update(.layout(promptWidth: viewport.width, promptHeight: viewport.height), environment: environment)
    }

    /// Draws the frame and keeps the pixel pictures in step: erased before curses may reuse their
    /// cells, drawn over the blank cells right after the flush.
    private func draw() {
        let inbox = inbox, pixels = pixels, previews = previews
        let frame = view.render(state, environment: environment, size: size, now: Date()) { item, slot in
            if let pixels { return pixels.state(for: PixelOverlay(path: item.url.path, slot: slot)) { inbox.post(.preview) } }
            return previews.state(for: item, area: GridSize(columns: slot.rect.width, rows: slot.rect.height)) { inbox.post(.preview) }
        }
        let wanted = frame.pixels.compactMap { pixels?.placed($0) }
        write(pixelScreen.beforeFrame(wanting: wanted, releasing: pixels?.takeReleasedIDs() ?? []))
        mouseRegions = frame.mouseRegions
        let cleared = backend.draw(frame.grid, cursor: frame.cursor)
        let rewritten = wanted.isEmpty ? [] : Set(frame.grid.changes(since: lastGrid).map(\.row))
        lastGrid = frame.grid
        write(pixelScreen.afterFrame(wanting: wanted, screenCleared: cleared, rewrittenRows: rewritten))
    }

    private func write(_ bytes: [UInt8]) {
        if !bytes.isEmpty { backend.writeNow(rawBytes: bytes) }
    }
}

/// The runtime's side of `UISession`: the terminal it owns, and whether the loop should end.
private final class TerminalSession: UISession {
    private let backend: any TerminalBackend
    private(set) var hasEnded = false

    init(backend: any TerminalBackend) { self.backend = backend }

    func writeToTerminal(_ bytes: [UInt8]) { backend.emit(rawBytes: bytes) }

    func endSession() { hasEnded = true }
}
