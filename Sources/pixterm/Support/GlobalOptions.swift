import ArgumentParser
import Foundation
import PixapiKit

/// Options every command takes: where the API and the gallery are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "API base URL (default: PIXAPI_BASE_URL, config, then https://api.pixapi.ai).")
    var baseURL: String?

    @Option(name: .long, help: "Gallery folder (default: PIXTERM_GALLERY, config, then $XDG_DATA_HOME/pixterm/gallery).")
    var gallery: String?

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
