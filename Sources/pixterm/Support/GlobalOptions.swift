import ArgumentParser
import Foundation
import Logging
import PixapiKit

/// Options every command takes: where the API and the gallery are, and where the log goes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "API base URL (default: PIXAPI_BASE_URL, config, then https://api.pixapi.ai).")
    var baseURL: String?

    @Option(name: .long, help: "Gallery folder (default: PIXTERM_GALLERY, config, then $XDG_DATA_HOME/pixterm/gallery).")
    var gallery: String?

    @Flag(name: .long, help: "Log requests, retries, timings and journal steps with debug detail: to --log-file, else to standard error (the UI: only to --log-file). The API key is never logged.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Append the log to this file (created 0600; a link, FIFO or folder is refused). The API key is never logged.", valueName: "path"))
    var logFile: String?

    /// The same options as plain values, for code the UI's fast route also runs.
    var choices: GlobalChoices { GlobalChoices(baseURL: baseURL, gallery: gallery, verbose: verbose, logFile: logFile) }

    func settings(maxCredits: Int? = nil, printingWarnings: Bool = true) throws(PixapiError) -> PixtermSettings {
        try choices.settings(maxCredits: maxCredits, printingWarnings: printingWarnings)
    }

    func commandLogger(settings: PixtermSettings) throws(PixapiError) -> Logger { try choices.commandLogger(settings: settings) }
}

/// What the global options say, as plain values: `pixterm` and `pixterm --demo` open the UI
/// without building the argument parser (`FastRoute`), so the UI cannot read `GlobalOptions`,
/// whose property wrappers hold values only after a parse.
struct GlobalChoices: Sendable {
    var baseURL: String?
    var gallery: String?
    var verbose = false
    var logFile: String?

    /// The resolved settings. Their warnings (a config holding the key that others can read,
    /// credentials in the base URL) go to standard error unless `printingWarnings` is off for a
    /// caller that shows them itself (`doctor`, the UI); they never stop the command.
    func settings(maxCredits: Int? = nil, printingWarnings: Bool = true) throws(PixapiError) -> PixtermSettings {
        let settings = try PixtermSettings.load(
            environment: ProcessInfo.processInfo.environment,
            overrides: .init(baseURL: baseURL, gallery: gallery, maxCredits: maxCredits)
        )
        if printingWarnings {
            for warning in settings.warnings { Terminal.printError(TerminalText.sanitized(warning.description)) }
        }
        return settings
    }
}
