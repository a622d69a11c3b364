/// What a request would cost, with the reasoning a person needs to trust the number.
public struct CostEstimate: Sendable, Hashable, Codable {
    public let model: String
    public let size: ImageSize
    public let tier: String
    public let quality: Quality
    /// The quality the price was read at (`auto` is billed as `high`).
    public let billedQuality: Quality
    public let n: Int
    public let creditsPerImage: Int
    public let costCredits: Int
    /// True when the price comes from an assumed row rather than Pixapi's published table.
    public let estimate: Bool
    public let usd: Double

    /// Short notes for the cost preview: why this tier, `auto` billing, estimate.
    public var notes: [String] {
        var notes: [String] = []
        if quality == .auto { notes.append("auto quality is billed as \(billedQuality.rawValue)") }
        if size == .auto { notes.append("auto size is billed in the \(tier) tier") }
        if estimate { notes.append("estimate: \(model) prices are not fully published") }
        return notes
    }

    /// `14 credits x 2 = 28 credits ($0.28)`, prefixed with `~` for an estimate.
    public var summary: String {
        let total = Plural.count(costCredits, "credit")
        let dollars = "$" + String(format: "%.2f", usd)
        let perImage = n == 1 ? "" : "\(creditsPerImage) x \(n) = "
        return (estimate ? "~" : "") + perImage + total + " (\(dollars))"
    }
}

extension PriceTable {
    /// Prices a request: tier from the long edge, `auto` quality at the billed quality, `auto` size
    /// in the configured tier, times `n`.
    public func estimate(model: String, size: ImageSize, quality: Quality, n: Int) throws(PixapiError) -> CostEstimate {
        guard let prices = models[model], !prices.tiers.isEmpty else {
            throw PixapiError(.invalidInput, "no prices are known for model \(TerminalText.sanitized(model)); add them to the pricing override in your config")
        }
        let tier: Tier
        if let longEdge = size.longEdge {
            guard let found = prices.tiers.first(where: { longEdge <= $0.maxLongEdge }) else {
                let top = prices.tiers.last?.maxLongEdge ?? 0
                throw PixapiError(.invalidInput, "no price tier covers a \(longEdge) px long edge for \(model) (the largest is \(top) px)", param: "size")
            }
            tier = found
        } else {
            guard let found = prices.tiers.first(where: { $0.name == autoSizeTier }) ?? prices.tiers.first else {
                throw PixapiError(.invalidInput, "no \(autoSizeTier) price tier for \(model)")
            }
            tier = found
        }
        let billed = quality == .auto ? autoQualityBilledAs : quality
        guard let perImage = tier.credits(for: billed) else {
            throw PixapiError(.invalidInput, "no \(billed.rawValue)-quality price in the \(tier.name) tier for \(model)", param: "quality")
        }
        let total = perImage * n
        return CostEstimate(
            model: model, size: size, tier: tier.name, quality: quality, billedQuality: billed, n: n,
            creditsPerImage: perImage, costCredits: total, estimate: prices.assumed,
            usd: Double(total) * usdPerCredit
        )
    }
}
