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
            guard let assumed = row["assumed"]?.bool, let rows = row["tiers"]?.items(Tier.init(tree:)) else { return nil }
            prices[model] = ModelPrices(assumed: assumed, tiers: rows.sorted { $0.maxLongEdge < $1.maxLongEdge })
        }
        self.init(usdPerCredit: usdPerCredit, autoQualityBilledAs: autoQuality, autoSizeTier: autoSizeTier, models: prices)
    }
}

extension PriceTable.Tier {
    init?(tree: JSONTree) {
        guard let name = tree["name"]?.string, let maxLongEdge = tree["maxLongEdge"]?.int, let credits = tree["credits"]?.object else { return nil }
        let amounts = credits.compactMapValues(\.int)
        guard amounts.count == credits.count else { return nil }
        self.init(name: name, maxLongEdge: maxLongEdge, credits: amounts)
    }
}
