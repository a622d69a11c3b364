import ArgumentParser
import PixapiKit

/// `pixterm cost`: what a request would cost, without sending anything.
struct CostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost", abstract: "Show the credits a request would cost, without sending it."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RequestOptions
    @Flag(name: .long, help: "Print one JSON object.") var json = false

    func run() async throws {
        try await reportingFailures {
            let settings = try global.settings()
            let request = try options.request(operation: .generate, prompt: "-", settings: settings)
            let spec = try settings.catalog.model(request.model)
            try spec.validate(request.size)
            guard (1...spec.maxN).contains(request.n) else {
                throw PixapiError(.invalidInput, "n must be from 1 to \(spec.maxN) (got \(request.n))", param: "n")
            }
            guard spec.qualities.contains(request.quality) else {
                throw PixapiError(.invalidInput, "\(spec.id) does not take quality \(request.quality.rawValue)", param: "quality")
            }
            let estimate = try settings.prices.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
            let budget = try BudgetStanding.read(settings: settings, cost: estimate.costCredits)
            if json {
                try Terminal.printJSON(CostReport(estimate, budget: budget))
            } else {
                print("\(estimate.model) \(estimate.size) \(estimate.quality.rawValue) (\(estimate.tier) tier): \(estimate.summary)")
                for note in estimate.notes + (budget?.lines ?? []) { print("  \(note)") }
            }
        }
    }
}

/// The JSON shape of `pixterm cost --json`.
struct CostReport: Encodable {
    let model: String
    let size: String
    let tier: String
    let quality: String
    let billedQuality: String
    let n: Int
    let creditsPerImage: Int
    let costCredits: Int
    let estimate: Bool
    let usd: Double
    let notes: [String]
    /// Only when a `[budget]` is set: the spend so far and whether this request would cross it.
    let budget: BudgetStanding?

    init(_ estimate: CostEstimate, budget: BudgetStanding?) {
        self.budget = budget
        model = estimate.model
        size = estimate.size.description
        tier = estimate.tier
        quality = estimate.quality.rawValue
        billedQuality = estimate.billedQuality.rawValue
        n = estimate.n
        creditsPerImage = estimate.creditsPerImage
        costCredits = estimate.costCredits
        self.estimate = estimate.estimate
        usd = estimate.usd
        notes = estimate.notes
    }
}
