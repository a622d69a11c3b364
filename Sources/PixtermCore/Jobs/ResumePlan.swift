import Foundation
import PixapiKit

/// How the journal entries this process claimed split when resuming against one server. The UI
/// and `pixterm tasks resume` both start from it, so both refuse the same entries for the same
/// reasons: an entry without a task id may or may not have been charged and is never re-sent,
/// and a task is only polled at the server that created it. The UI hands it to `update`
/// (`Action.resume`), which builds the jobs and returns an `Effect.resumeJob` for each task.
public struct ResumePlan: Hashable, Sendable {
    public struct Resumable: Hashable, Sendable {
        public let claimed: ClaimedEntry
        public let taskID: String
        /// For the sidecars' credits; nil when the model is no longer priced.
        public let cost: CostEstimate?
    }

    public private(set) var resumable: [Resumable] = []
    /// Sent, with no answer kept (lost, or the process died first): it may have been charged.
    public private(set) var unknownOutcome: [ClaimedEntry] = []
    /// A sync request that was answered (charged) whose images were not all saved.
    public private(set) var notDownloaded: [ClaimedEntry] = []
    /// Sent to another server (another base URL); resumed only against that one.
    public private(set) var elsewhere: [ClaimedEntry] = []
    /// The server this process works with: kept entries sent elsewhere are not listed.
    public let baseURL: URL

    public init(_ claimed: [ClaimedEntry], baseURL: URL, prices: PriceTable) {
        self.baseURL = baseURL
        for entry in claimed {
            switch (entry.kept, entry.taskID) {
            case (.paidNotDownloaded?, _):
                notDownloaded.append(entry)
            case (.outcomeUnknown?, _), (nil, nil):
                unknownOutcome.append(entry)
            case let (nil, taskID?):
                guard Self.isSameServer(entry.baseURL, baseURL) else {
                    elsewhere.append(entry)
                    continue
                }
                resumable.append(Resumable(claimed: entry, taskID: taskID, cost: Self.cost(of: entry.request, prices: prices)))
            }
        }
    }

    /// The credits `request` costs, for sidecars and confirmations; nil when it is no longer priced.
    public static func cost(of request: ImageRequest, prices: PriceTable) -> CostEstimate? {
        try? prices.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
    }

    /// Whether an entry sent to `sentTo` belongs to the server at `baseURL`.
    public static func isSameServer(_ sentTo: String, _ baseURL: URL) -> Bool {
        normalized(sentTo) == normalized(baseURL.absoluteString)
    }

    /// Base URLs compare without case and trailing slashes.
    static func normalized(_ url: String) -> String {
        var text = url.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

/// Compared by what the journal recorded; the claim is a lock, not a value, so it is left out.
/// (A plan travels through `Action` and `Effect`, which are `Hashable`.)
extension ClaimedEntry: Hashable {
    public static func == (lhs: ClaimedEntry, rhs: ClaimedEntry) -> Bool {
        lhs.entry == rhs.entry && lhs.request == rhs.request && lhs.mode == rhs.mode && lhs.taskID == rhs.taskID
            && lhs.baseURL == rhs.baseURL && lhs.cost == rhs.cost && lhs.created == rhs.created && lhs.alreadySaved == rhs.alreadySaved
            && lhs.idempotencyKey == rhs.idempotencyKey && lhs.kept == rhs.kept
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entry)
        hasher.combine(idempotencyKey)
    }
}
