import Foundation
import Gallery
import PixapiKit

/// A journal entry left open by an earlier run that this process has claimed and will finish.
public struct ClaimedEntry: Sendable {
    public let entry: String
    public let request: ImageRequest
    public let mode: SubmitMode
    /// `nil` when the process died before the server answered: the outcome is unknown.
    public let taskID: String?
    /// The server the request was sent to: a task can only be polled there.
    public let baseURL: String
    public let cost: Int?
    public let created: Date
    public let alreadySaved: [Int: String]
    /// Sent with the request; a knowing retry sends it again.
    public let idempotencyKey: String
    /// Why an entry without a task id is open; `nil` for an entry with one.
    public let kept: KeptReason?
    /// Keeps the claim (a file lock) held for as long as the entry is being worked on.
    public let claim: any Sendable

    public init(
        entry: String, request: ImageRequest, mode: SubmitMode, taskID: String?, baseURL: String, cost: Int?, created: Date,
        alreadySaved: [Int: String], idempotencyKey: String, kept: KeptReason?, claim: any Sendable
    ) {
        self.idempotencyKey = idempotencyKey
        self.kept = kept
        self.entry = entry
        self.request = request
        self.mode = mode
        self.taskID = taskID
        self.baseURL = baseURL
        self.cost = cost
        self.created = created
        self.alreadySaved = alreadySaved
        self.claim = claim
    }

    public var journalRef: JournalRef { JournalRef(entry: entry, idempotencyKey: idempotencyKey) }
}

extension ClaimedEntry {
    /// A journal entry this process holds `claim` on.
    public init(_ entry: JournalEntry, claim: any Sendable) {
        let kept: KeptReason? =
            switch entry.nextStep {
            case .poll: nil
            case .unknownOutcome: .outcomeUnknown
            case .paidNotDownloaded: .paidNotDownloaded
            }
        self.init(
            entry: entry.id, request: entry.request, mode: entry.mode, taskID: entry.taskID, baseURL: entry.baseURL, cost: entry.cost,
            created: entry.created, alreadySaved: entry.saved, idempotencyKey: entry.idempotencyKey, kept: kept, claim: claim
        )
    }
}

extension TaskJournal {
    /// Claims every open entry no other live process holds: what the resume path finishes.
    public func claimOpenEntries() -> [ClaimedEntry] {
        openEntries().compactMap { found in
            // Read again under the claim: the previous owner may have saved more images meanwhile.
            guard let claim = claim(found.id), let entry = entry(found.id) else { return nil }
            return ClaimedEntry(entry, claim: claim)
        }
    }
}
