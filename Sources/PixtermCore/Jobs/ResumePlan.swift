import Foundation
import PixapiKit

/// How the journal entries this process claimed split when resuming against one server. The UI
/// and `pixterm tasks resume` both start from it, so both refuse the same entries for the same
/// reasons: an entry without a task id may or may not have been charged and is never re-sent,
/// and a task is only polled at the server that created it.
public struct ResumePlan: Sendable {
    public struct Resumable: Sendable {
        public let claimed: ClaimedEntry
        public let taskID: String
        /// For the sidecars' credits; nil when the model is no longer priced.
        public let cost: CostEstimate?
    }

    public private(set) var resumable: [Resumable] = []
    /// Sent before the server answered: the outcome is unknown.
    public private(set) var unknownOutcome: [ClaimedEntry] = []
    /// Sent to another server (another base URL); resumed only against that one.
    public private(set) var elsewhere: [ClaimedEntry] = []

    public init(_ claimed: [ClaimedEntry], baseURL: URL, prices: PriceTable) {
        let here = Self.normalized(baseURL.absoluteString)
        for entry in claimed {
            guard let taskID = entry.taskID else {
                unknownOutcome.append(entry)
                continue
            }
            guard Self.normalized(entry.baseURL) == here else {
                elsewhere.append(entry)
                continue
            }
            let request = entry.request
            let cost = try? prices.estimate(model: request.model, size: request.size, quality: request.quality, n: request.n)
            resumable.append(Resumable(claimed: entry, taskID: taskID, cost: cost))
        }
    }

    /// Base URLs compare without case and trailing slashes.
    static func normalized(_ url: String) -> String {
        var text = url.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
