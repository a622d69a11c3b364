import Foundation
import PixapiKit

/// One paid request in the ledger: what it was, what it cost and whether it was charged.
///
/// Its `id` is the request's journal entry id, which its images carry as `requestID`, so an
/// image, its journal entry and its ledger row name one request.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public let id: String
    public let created: Date
    /// `LedgerDay.key(created)` when it was made.
    public let day: String
    public let operation: String
    public let mode: String
    public let model: String
    public let size: String
    public let quality: String
    public let n: Int
    /// The request's price when it was sent (0 when no price was known).
    public let credits: Int
    public let usd: Double
    public var state: LedgerState
    /// Images saved into the gallery.
    public var images: Int
    /// The batch run and its line (1-based), for a request sent by `pixterm batch`.
    public let batch: String?
    public let line: Int?
    /// Sent knowing it crossed a budget (`--over-budget`, or "yes" in the UI); `reserve` sets it
    /// only when the request did cross one, whatever the caller asked.
    public var overBudget: Bool

    public init(
        id: String, created: Date, request: ImageRequest, mode: SubmitMode, cost: CostEstimate?, state: LedgerState = .sent,
        images: Int = 0, batch: String? = nil, line: Int? = nil, overBudget: Bool = false, timeZone: TimeZone = .current
    ) {
        self.init(
            id: id, created: created, operation: request.operation.rawValue, mode: mode.rawValue, model: request.model, size: request.size.description,
            quality: request.quality.rawValue, n: request.n, credits: cost?.costCredits ?? 0, usd: cost?.usd ?? 0, state: state, images: images,
            batch: batch, line: line, overBudget: overBudget, timeZone: timeZone
        )
    }

    /// Every field as the ledger keeps it; also for a request found in the gallery or the journal
    /// rather than recorded when it was sent (`SpendLedger.importHistory`).
    init(
        id: String, created: Date, operation: String, mode: String, model: String, size: String, quality: String, n: Int, credits: Int, usd: Double,
        state: LedgerState, images: Int, batch: String? = nil, line: Int? = nil, overBudget: Bool = false, timeZone: TimeZone
    ) {
        self.id = id
        self.created = created
        day = LedgerDay.key(created, timeZone: timeZone)
        self.operation = operation
        self.mode = mode
        self.model = model
        self.size = size
        self.quality = quality
        self.n = n
        self.credits = credits
        self.usd = usd
        self.state = state
        self.images = images
        self.batch = batch
        self.line = line
        self.overBudget = overBudget
    }
}
