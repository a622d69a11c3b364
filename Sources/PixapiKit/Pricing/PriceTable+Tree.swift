extension PriceTable {
    /// The table a `JSONTree` describes, or nil when any field is missing or of another shape,
    /// so `JSONDecoder` gives the verdict (and the message). Unknown keys are ignored, as
    /// `JSONDecoder` ignores them.
    init?(tree: JSONTree) {
        guard let usdPerCredit = tree["usdPerCredit"]?.double, let autoQuality = tree["autoQualityBilledAs"]?.string.flatMap(Quality.init(rawValue:)),
            let autoSizeTier = tree["autoSizeTier"]?.string, let models = tree["models"]?.object
        else { return nil }
        var prices: [String: ModelPrices] = [:]
        for (model, row) in models {
            guard let assumed = row["assumed"]?.bool, let tiers = row["tiers"]?.array else { return nil }
            var rows: [Tier] = []
            for tier in tiers {
                guard let name = tier["name"]?.string, let maxLongEdge = tier["maxLongEdge"]?.int, let credits = tier["credits"]?.object else { return nil }
                let amounts = credits.compactMapValues(\.int)
                guard amounts.count == credits.count else { return nil }
                rows.append(Tier(name: name, maxLongEdge: maxLongEdge, credits: amounts))
            }
            prices[model] = ModelPrices(assumed: assumed, tiers: rows.sorted { $0.maxLongEdge < $1.maxLongEdge })
        }
        self.init(usdPerCredit: usdPerCredit, autoQualityBilledAs: autoQuality, autoSizeTier: autoSizeTier, models: prices)
    }
}
