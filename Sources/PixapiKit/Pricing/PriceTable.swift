import Foundation

/// Credits per image by model, size tier and quality, loaded from `Sources/PixapiKit/Resources/pricing.json`.
///
/// Kept as data because prices change; a user's config can replace any row without a new build.
public struct PriceTable: Codable, Sendable, Hashable {
    public var usdPerCredit: Double
    /// The quality `auto` is billed as (the contract: `high`).
    public var autoQualityBilledAs: Quality
    /// The tier `size=auto` is billed in (the contract: `1K`).
    public var autoSizeTier: String
    public var models: [String: ModelPrices]

    public struct ModelPrices: Codable, Sendable, Hashable {
        /// True when the row is our reading rather than a published price: the UI marks it "estimate".
        public var assumed: Bool
        /// Ordered by `maxLongEdge`, smallest first.
        public var tiers: [Tier]
    }

    public struct Tier: Codable, Sendable, Hashable {
        public var name: String
        public var maxLongEdge: Int
        public var credits: [String: Int]

        public func credits(for quality: Quality) -> Int? { credits[quality.rawValue] }
    }

    /// The table compiled into the binary from `Sources/PixapiKit/Resources/pricing.json`,
    /// read without `JSONDecoder` when it can be (`JSONTree`): it is on the UI's first frame.
    public static let builtIn: PriceTable = {
        if let tree = JSONTree(parsing: BuiltInData.pricingJSONBytes), let table = PriceTable(tree: tree) { return table }
        do {
            return try decode(BuiltInData.pricingJSON)
        } catch {
            preconditionFailure("Sources/PixapiKit/Resources/pricing.json is invalid: \(error)")
        }
    }()

    public static func decode(_ data: Data) throws -> PriceTable {
        var table = try JSONDecoder().decode(PriceTable.self, from: data)
        for (model, prices) in table.models {
            table.models[model]?.tiers = prices.tiers.sorted { $0.maxLongEdge < $1.maxLongEdge }
        }
        return table
    }

    /// Sets one price, as a config override does; creates the model or tier when it is new.
    public mutating func override(model: String, tier: String, quality: Quality, credits: Int, maxLongEdge: Int? = nil) {
        var prices = models[model] ?? ModelPrices(assumed: false, tiers: [])
        if let index = prices.tiers.firstIndex(where: { $0.name == tier }) {
            prices.tiers[index].credits[quality.rawValue] = credits
            if let maxLongEdge { prices.tiers[index].maxLongEdge = maxLongEdge }
        } else {
            prices.tiers.append(Tier(name: tier, maxLongEdge: maxLongEdge ?? 0, credits: [quality.rawValue: credits]))
            prices.tiers.sort { $0.maxLongEdge < $1.maxLongEdge }
        }
        models[model] = prices
    }
}
