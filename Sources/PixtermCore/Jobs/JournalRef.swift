import Foundation
import Gallery

/// Why a journal entry outlives its job.
public enum KeptReason: Sendable, Hashable {
    /// Sent, and the answer was lost: it may have been charged.
    case outcomeUnknown
    /// The server answered, so it charged, but the images were not all saved.
    case paidNotDownloaded

    /// What the journal records for an entry kept for this reason.
    var journalState: JournalEntry.State {
        switch self {
        case .outcomeUnknown: .outcomeUnknown
        case .paidNotDownloaded: .paidNotDownloaded
        }
    }
}

/// A journal entry as a job knows it: enough to send the same request again under the same key.
public struct JournalRef: Sendable, Hashable {
    public let entry: String
    public let idempotencyKey: String

    public init(entry: String, idempotencyKey: String) {
        self.entry = entry
        self.idempotencyKey = idempotencyKey
    }
}
