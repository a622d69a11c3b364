import Foundation
import PixapiKit
import TerminalGraphics

/// Chooses the graphics method for this run: `--graphics`, then `graphics` in the config, then
/// detection. The one place the executable touches the terminal and tmux for that.
enum GraphicsSetup {
    struct Choice {
        var detection: GraphicsDetection
        var cellSize: CellPixelSize
        var cellSizeSource: String
    }

    /// `flag` is the raw `--graphics` value, already validated. With `forOutput`, automatic
    /// detection gives half blocks when standard output is not a terminal (a file or a pipe).
    /// `tmux` is the question to tmux when the caller has one (one with no answer: do not ask).
    static func choose(
        flag: String?, settings: PixtermSettings?, environment: [String: String], forOutput: Bool = true, tmux: TmuxQuestion? = nil
    ) throws(PixapiError) -> Choice {
        let (preference, source) = try preference(flag: flag, settings: settings)
        return detect(preference: preference, source: source, environment: environment, forOutput: forOutput, tmux: tmux)
    }

    /// `choose` once the preference is known: the UI checks its preference before the first
    /// frame (a bad setting stops it there) and detects after it, off the frame's path.
    static func detect(
        preference: GraphicsPreference, source: String, environment: [String: String], forOutput: Bool = true, tmux: TmuxQuestion? = nil
    ) -> Choice {
        let detector = GraphicsDetector(environment: environment, tmux: (tmux ?? askTmux(environment)).answer?.info())
        let detection: GraphicsDetection
        if forOutput, preference == .auto, isatty(STDOUT_FILENO) != 1 {
            detection = GraphicsDetection(method: .blocks, reason: "standard output is not a terminal")
        } else {
            let terminal = TTYQuerier(timeout: TTYQuerier.defaultTimeout(environment: environment))
            detection = detector.detect(preference: preference, source: source, terminal: terminal)
        }
        if let reported = detection.cellSize {
            return Choice(detection: detection, cellSize: reported, cellSizeSource: "the terminal's CSI 16 t reply")
        }
        if let measured = CellPixelSize.fromWindowSize(of: STDOUT_FILENO) ?? CellPixelSize.fromWindowSize(of: STDIN_FILENO) {
            return Choice(detection: detection, cellSize: measured, cellSizeSource: "TIOCGWINSZ")
        }
        return Choice(detection: detection, cellSize: .fallback, cellSizeSource: "default (the terminal did not say)")
    }

    static func preference(flag: String?, settings: PixtermSettings?) throws(PixapiError) -> (GraphicsPreference, String) {
        if let flag, let preference = GraphicsPreference(flag) { return (preference, "--graphics") }
        guard let configured = settings?.graphics else { return (.auto, "auto") }
        guard let preference = GraphicsPreference(configured) else {
            let path = settings?.paths.configFile.path ?? "config.toml"
            throw PixapiError(.invalidInput, "graphics in \(path) must be \(GraphicsPreference.choices), not \"\(configured)\"")
        }
        return (preference, "graphics in \(settings?.paths.configFile.path ?? "config.toml")")
    }

    /// What detection asks tmux, in flight; nothing outside tmux.
    struct TmuxQuestion: Sendable {
        var answer: TmuxProbe.Pending?
    }

    /// Starts the question to tmux (a `tmux` process, some milliseconds); nothing outside tmux.
    static func askTmux(_ environment: [String: String]) -> TmuxQuestion {
        TmuxQuestion(answer: GraphicsDetector(environment: environment).insideTmux ? TmuxProbe.start(environment: environment) : nil)
    }
}
