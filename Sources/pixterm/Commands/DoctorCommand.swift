import ArgumentParser
import Foundation
import PixapiKit
import TerminalGraphics
import TerminalUI

/// `pixterm doctor`: what pixterm sees about the terminal, the setup and the API, and the exact
/// fix for every problem, so a bug report or a first run starts from facts.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the terminal, graphics, configuration and API connection."
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "auto, kitty, iterm, sixel or blocks: check this graphics setting instead of the configured one.")
    var graphics: String?
    @Flag(name: .long, help: "Skip the network check of the base URL.")
    var offline = false

    func validate() throws {
        if let graphics, GraphicsPreference(graphics) == nil { throw ValidationError("--graphics must be \(GraphicsPreference.choices)") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var report = DoctorReport()
        let settings: PixtermSettings?
        do {
            settings = try global.settings(printingWarnings: false)
        } catch {
            settings = nil
            let paths = PixtermPaths(environment: environment)
            report.add("config", paths.configFile.path, problem: error.message, fix: "edit \(paths.configFile.path) (see README, Configuration)")
        }
        checkTerminal(environment, &report)
        checkGraphics(environment, settings, &report)
        checkLocale(environment, &report)
        if let settings { await checkSetup(settings, &report) }
        print(report.text + (report.problems == 0 ? "no problems found" : "\(report.problems) problem(s) found"))
    }

    private func checkTerminal(_ environment: [String: String], _ report: inout DoctorReport) {
        let term = environment["TERM"] ?? ""
        var facts = ["TERM=\(term.isEmpty ? "(unset)" : term)"]
        if let program = environment["TERM_PROGRAM"], !program.isEmpty {
            facts.append("TERM_PROGRAM=\(program)" + (environment["TERM_PROGRAM_VERSION"].map { " \($0)" } ?? ""))
        }
        if let size = TerminalSize.current() { facts.append("\(size.columns)x\(size.rows) cells") }
        if term.isEmpty || term == "dumb" {
            report.add(
                "terminal", facts.joined(separator: ", "), problem: "TERM says this terminal has no colours or cursor control",
                fix: "export TERM=xterm-256color")
        } else {
            report.add("terminal", facts.joined(separator: ", "))
        }
        let detector = GraphicsDetector(environment: environment)
        if detector.insideTmux {
            let info = TmuxProbe.info(environment: environment)
            let passthrough = info.map { $0.allowPassthrough ? "allow-passthrough on" : "allow-passthrough off" } ?? "tmux did not answer"
            report.add("multiplexer", "tmux (\(passthrough))")
        } else {
            report.add("multiplexer", detector.insideScreen ? "GNU screen" : "none")
        }
        let ssh = environment["SSH_CONNECTION"].flatMap { $0.split(separator: " ").first.map { "yes, from \($0)" } }
        report.add("ssh", ssh ?? (environment["SSH_TTY"] != nil ? "yes" : "no"))
        let mode = ColorMode.detect(environment: environment)
        let colourReason: String
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            colourReason = "NO_COLOR is set"
        } else if let colorTerm = environment["COLORTERM"], !colorTerm.isEmpty {
            colourReason = "COLORTERM=\(colorTerm)"
        } else {
            colourReason = "from TERM"
        }
        if mode == .ansi16 {
            report.add(
                "colours", "16 (\(colourReason))", problem: "only 16 colours make previews coarse",
                fix: "export COLORTERM=truecolor (if the terminal has 24-bit colour) or use a TERM ending in -256color")
        } else {
            report.add("colours", "\(mode.rawValue) (\(colourReason))")
        }
    }

    private func checkGraphics(_ environment: [String: String], _ settings: PixtermSettings?, _ report: inout DoctorReport) {
        do {
            let choice = try GraphicsSetup.choose(flag: graphics ?? "auto", settings: settings, environment: environment, forOutput: false)
            let configured = try GraphicsSetup.preference(flag: graphics, settings: settings)
            let detection = choice.detection
            var value = "\(detection.method.rawValue): \(detection.reason)"
            if detection.passthrough { value += "; sent through tmux passthrough" }
            if detection.placeholders { value += "; kitty Unicode placeholders" }
            if case let .fixed(method) = configured.0, method != detection.method { value += "; \(configured.1) sets \(method.rawValue)" }
            if let fix = detection.fix {
                report.add("graphics", value, problem: "pixel images are off", fix: fix)
            } else {
                report.add("graphics", value)
            }
            report.add("cell size", "\(choice.cellSize) (\(choice.cellSizeSource))")
        } catch {
            report.add("graphics", "unknown", problem: error.message, fix: "set graphics to \(GraphicsPreference.choices)")
        }
    }

    /// The codeset the environment gives and what the UI does about it (see `LocalePlan`).
    private func checkLocale(_ environment: [String: String], _ report: inout DoctorReport) {
        let plan = ProcessLocale.plan(environment: environment)
        if plan.drawsUnicode {
            report.add("locale", plan.summary)
        } else {
            report.add(
                "locale", plan.summary, problem: "the UI draws frames with line-drawing characters and shows other non-ASCII text as ?",
                fix: "install a UTF-8 locale (Debian: apt-get install locales, then localedef -i en_US -f UTF-8 en_US.UTF-8), or name one in PIXTERM_UTF8_LOCALES")
        }
    }

    private func checkSetup(_ settings: PixtermSettings, _ report: inout DoctorReport) async {
        let config = settings.paths.configFile.path
        report.add("config", FileManager.default.fileExists(atPath: config) ? config : "\(config) (not found; defaults apply)")
        for warning in settings.warnings {
            report.add(warning.subject, "warning", problem: TerminalText.sanitized(warning.problem), fix: TerminalText.sanitized(warning.fix))
        }
        report.add("data", settings.paths.dataDirectory.path)
        report.add("cache", settings.paths.cacheDirectory.path)
        report.add("gallery", settings.gallery.path)
        checkBudgets(settings, &report)
        if settings.apiKey == nil {
            report.add(
                "api key", "not configured", problem: "generating and editing need a key",
                fix: "export PIXAPI_KEY=<your key>, or add api_key = \"<your key>\" to \(config)")
        } else {
            report.add("api key", "configured (\(settings.keySource))")
        }
        let base = settings.baseURL.absoluteString
        if offline {
            report.add("base url", "\(base) (not checked: --offline)")
            return
        }
        switch await Reachability.check(settings.baseURL) {
        case let .reachable(status, elapsed):
            report.add("base url", "\(base) reachable (HTTP \(status) in \(elapsed) ms)")
        case let .unreachable(reason):
            report.add(
                "base url", "\(base) unreachable", problem: TerminalText.sanitized(reason),
                fix: "check the network or proxy, or set PIXAPI_BASE_URL / base_url in \(config)")
        }
    }
}

extension DoctorCommand {
    /// The `[budget]` caps, what they count so far and where the spend ledger is kept.
    private func checkBudgets(_ settings: PixtermSettings, _ report: inout DoctorReport) {
        let ledger = BudgetStanding.ledgerFile(settings).path
        report.add("ledger", FileManager.default.fileExists(atPath: ledger) ? ledger : "\(ledger) (not created yet: nothing spent)")
        guard !settings.budgets.isEmpty else {
            report.add("budgets", "none ([budget] daily = N, monthly = N in \(settings.paths.configFile.path) caps the credits spent)")
            return
        }
        do {
            guard let standing = try BudgetStanding.read(settings: settings, cost: 0) else { return }
            report.add("budgets", String(standing.lines[0].dropFirst("budget: ".count)))
        } catch {
            report.add("budgets", "unknown", problem: error.message, fix: "check that \(ledger) can be read and written")
        }
    }
}

/// Lines of `label: value`, each problem followed by its fix.
struct DoctorReport {
    private(set) var text = ""
    private(set) var problems = 0

    mutating func add(_ label: String, _ value: String, problem: String? = nil, fix: String? = nil) {
        text += "\(label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(TerminalText.sanitized(value))\n"
        if let problem {
            problems += 1
            text += "  problem:   \(problem)\n"
        }
        if let fix { text += "  fix:       \(fix)\n" }
    }
}
