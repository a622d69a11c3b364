import ArgumentParser
import PixapiKit

/// `pixterm models`: what each model accepts.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "List models with their sizes, qualities and limits.")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        try await reportingFailures {
            let settings = try global.settings()
            if json {
                try Terminal.printJSON(settings.catalog.models)
                return
            }
            for spec in settings.catalog.models {
                let isDefault = spec.id == settings.defaultModel ? " (default)" : ""
                print("\(spec.id)\(isDefault): \(spec.summary)")
                print("  sizes:     \(spec.pickerSizes.map(\.description).joined(separator: ", "))")
                if let rules = spec.customSizes {
                    print(
                        "  custom:    WIDTHxHEIGHT, multiples of \(rules.multipleOf), \(rules.minPixels.grouped) to \(rules.maxPixels.grouped) pixels, at most \(rules.maxAspectRatio):1, long edge up to \(rules.maxEdge)"
                    )
                }
                print("  qualities: \(spec.qualities.map(\.rawValue).joined(separator: ", "))")
                print("  n:         1 to \(spec.maxN); prompt up to \(spec.promptLimit.grouped) characters")
                if settings.prices.models[spec.id]?.assumed == true { print("  prices:    estimated (not fully published)") }
            }
        }
    }
}
