import Foundation
import PixapiKit
import PixtermApp
import PixtermCore
import TerminalGraphics
import TerminalUI

/// The full-screen UI, from plain values: `UICommand` builds one after a parse, and `main`
/// builds one straight from `pixterm` or `pixterm --demo` (`FastRoute`), which skips the
/// argument parser's reflection over every command on the way to the first frame.
struct UILaunch: Sendable {
    var demo: Bool
    /// The raw `--graphics` value, already validated.
    var graphics: String?
    var global: GlobalChoices

    func run() async throws {
        try await reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw PixapiError(.invalidInput, "the UI needs an interactive terminal; in scripts use `pixterm generate` (see `pixterm --help`)")
            }
            let settings = try global.settings(printingWarnings: false)
            let log = try global.interfaceLogger(settings: settings)
            let insideTmux = environment["TMUX"] != nil
            // Both open their backend in the background (the demo's simulator too), so the first
            // frame never waits for them.
            let services =
                demo
                ? EffectInterpreter.demo(settings: settings, insideTmux: insideTmux, logger: log.logger)
                : EffectInterpreter.live(settings: settings, insideTmux: insideTmux, logger: log.logger)
            let appEnvironment = AppEnvironment(
                catalog: settings.catalog, prices: settings.prices, maxCredits: settings.maxCredits, budgets: settings.budgets,
                keyHelp: Self.keyHelp(settings)
            )
            let history = PromptHistory.load(from: Self.historyLines(settings.paths.historyFile))
            var state = AppState(environment: appEnvironment, history: history, isDemo: demo, hasKey: settings.apiKey != nil)
            state.gallery.viewMode = GalleryViewModeFile.load(from: GalleryViewModeFile.url(settings.paths))
            let thumbnails = ThumbnailCache(directory: settings.paths.thumbnailDirectory)
            // Keeps the cache bounded; in the background, so a large folder never delays the UI.
            Task.detached(priority: .background) { thumbnails.prune(toBytes: ThumbnailCache.defaultByteLimit) }
            let colorMode = ColorMode.detect(environment: environment)
            // A bad `graphics` setting stops the UI here; detection waits until after the first frame.
            let (preference, source) = try GraphicsSetup.preference(flag: graphics, settings: settings)
            if let note = log.note { _ = state.update(.log(note), environment: appEnvironment) }
            for warning in settings.warnings {
                _ = state.update(.log(warning.description), environment: appEnvironment)
                state.message = StatusMessage(kind: .error, text: warning.description)
            }
            try await Self.onOwnThread { [state] in
                let terminal = try NcursesTerminal(environment: environment)
                let state = Self.noting(terminal.locale, in: state, environment: appEnvironment)
                let runtime = AppRuntime(
                    state: state, environment: appEnvironment, backend: terminal, services: services,
                    view: AppView(colorMode: colorMode),
                    previewRenderer: PreviewRenderer(renderer: HalfBlockRenderer(mode: colorMode == .none ? .truecolor : colorMode), cache: thumbnails),
                    followUp: { Self.detectGraphics(preference: preference, source: source, environment: environment, colorMode: colorMode) },
                    mouse: settings.mouse, releasingStartupPages: true
                )
                runtime.run()
            }
            // Paid work still in flight is in the journal, so the process ends here, with the
            // HTTP clients still alive (they must not be torn down mid-request).
            withExtendedLifetime(services) { Foundation.exit(0) }
        }
    }

    /// Asks tmux and the terminal how to draw pixels, once the first frame is up: tmux answers
    /// in some milliseconds, and the terminal's round trip takes up to 600 ms over SSH. Reading the replies takes the terminal's input for that
    /// while, so keys typed meanwhile come back as typeahead for the UI.
    private static func detectGraphics(
        preference: GraphicsPreference, source: String, environment: [String: String], colorMode: ColorMode
    ) -> FirstFrameFollowUp {
        let choice = GraphicsSetup.detect(preference: preference, source: source, environment: environment)
        let detection = choice.detection
        let fix = detection.fix.map { "; for pixels: \($0)" } ?? ""
        return FirstFrameFollowUp(
            graphics: GraphicsEncoder(detection: detection, cellSize: choice.cellSize, colorMode: colorMode),
            actions: [.log("previews: \(detection.method.rawValue) because \(detection.reason)\(fix)")],
            typeahead: detection.typeahead
        )
    }

    /// Says once, in the session log and on the message line unless an error holds it, that
    /// the UI switched to a UTF-8 locale or found none: the user sees why a server's `LANG=C`
    /// did not matter, or why non-ASCII text shows as "?".
    private static func noting(_ locale: LocalePlan, in state: AppState, environment: AppEnvironment) -> AppState {
        guard let notice = locale.notice else { return state }
        var state = state
        _ = state.update(.log(notice), environment: environment)
        if state.message?.kind != .error { state.message = StatusMessage(kind: .note, text: notice) }
        return state
    }

    /// The UI loop on a thread of its own (see `TerminalUI.onOwnThread`); a terminal that cannot
    /// be opened is reported as bad input, like any other setting the user can fix.
    private static func onOwnThread(_ body: @escaping @Sendable () throws -> Void) async throws {
        do {
            try await TerminalUI.onOwnThread { try body() }
        } catch let error as TerminalError {
            throw PixapiError(.invalidInput, error.description)
        }
    }

    static func keyHelp(_ settings: PixtermSettings) -> String {
        var config = settings.paths.configFile.path
        let home = NSHomeDirectory()
        if config.hasPrefix(home + "/") { config = "~" + config.dropFirst(home.count) }
        return "pixterm reads the API key from the PIXAPI_KEY environment variable, or from api_key = \"...\" in \(config)."
    }

    static func historyLines(_ file: URL) -> [String] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}
