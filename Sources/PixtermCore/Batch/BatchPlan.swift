import Foundation
import PixapiKit

/// A batch line checked against the catalog and priced: ready to send.
public struct PricedBatchItem: Sendable, Hashable {
    public let item: BatchItem
    public let cost: CostEstimate

    public var line: Int { item.line }
}

/// What a set of batch lines costs together: what the confirmation shows and the caps check.
public struct BatchTotal: Sendable, Hashable {
    public var requests = 0
    public var images = 0
    public var credits = 0
    public var usd = 0.0

    public init(_ items: [PricedBatchItem]) {
        for priced in items {
            requests += 1
            images += priced.item.request.n
            credits += priced.cost.costCredits
            usd += priced.cost.usd
        }
    }

    /// `20 requests, 26 images, 260 credits ($2.60)`.
    public var summary: String {
        "\(Plural.count(requests, "request")), \(Plural.count(images, "image")), \(Plural.count(credits, "credit")) ($\(String(format: "%.2f", usd)))"
    }
}

/// Checks every line of a batch and prices it before anything is sent, so a typo on line 19
/// stops the batch before line 1 costs anything.
public enum BatchPlan {
    /// The lines priced, or the first one the catalog or the price table refuses. Edit lines'
    /// images are opened and checked here (exist, readable, a picture, within the limits).
    public static func price(_ items: [BatchItem], catalog: ModelCatalog, prices: PriceTable) throws(BatchLineError) -> [PricedBatchItem] {
        var priced: [PricedBatchItem] = []
        for item in items {
            do throws(PixapiError) {
                _ = try catalog.validate(item.request)
                let request = item.request
                let cost = try prices.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
                priced.append(PricedBatchItem(item: item, cost: cost))
            } catch {
                throw BatchLineError(line: item.line, reason: TerminalText.sanitized(error.message))
            }
        }
        return priced
    }
}
