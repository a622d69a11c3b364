import ArgumentParser
import Foundation
import PixapiKit

/// Options every command takes: where the API and the gallery are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "API base URL (default: PIXAPI_BASE_URL, config, then https://api.pixapi.ai).")
    var baseURL: String?

    @Option(name: .long, help: "Gallery folder (default: PIXTERM_GALLERY, config, then $XDG_DATA_HOME/pixterm/gallery).")
    var gallery: String?

    func settings(maxCredits: Int? = nil) throws(PixapiError) -> PixtermSettings {
        try PixtermSettings.load(
            environment: ProcessInfo.processInfo.environment,
            overrides: .init(baseURL: baseURL, gallery: gallery, maxCredits: maxCredits)
        )
    }
}
