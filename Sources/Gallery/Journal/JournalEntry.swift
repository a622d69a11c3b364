import Foundation
import PixapiKit

/// One paid request in flight, as recorded on disk before it was sent.
public struct JournalEntry: Codable, Sendable, Hashable, Identifiable {
    public enum State: String, Codable, Sendable, Hashable {
        /// Recorded; sent or about to be, with no answer yet. Found open by another process, it
        /// means its owner died waiting: the outcome is unknown.
        case pending
        /// The server accepted an async task; `taskID` is known.
        case submitted
        /// Sent, and the answer was lost (dropped, cut, timed out): it may have been charged.
        case outcomeUnknown
        /// The server answered a sync request (so it charged) but its images could not all be
        /// downloaded or saved.
        case paidNotDownloaded
    }

    /// What to do with an entry found open.
    public enum NextStep: Sendable, Hashable {
        /// Poll the task, download what is missing, save it.
        case poll(taskID: String)
        /// Sent with no answer kept (lost, or the process died first): it may or may not have
        /// been charged. Never resubmitted silently; the user retries it knowingly (same
        /// `idempotencyKey`) or dismisses it.
        case unknownOutcome
        /// Charged, images missing: a retry with the same `idempotencyKey` may fetch them again
        /// where the server honours the key; otherwise dismiss it.
        case paidNotDownloaded
    }

    public let id: String
    public let created: Date
    public var updated: Date
    public let request: ImageRequest
    public let mode: SubmitMode
    /// The API base URL it was sent to (never the key).
    public let baseURL: String
    public let cost: Int?
    public var state: State
    public var taskID: String?
    /// Image index -> saved path, for images already in the gallery.
    public var saved: [Int: String]
    /// Sent as `Idempotency-Key` with the request and with every retry of this entry.
    public let idempotencyKey: String
    /// Why the entry is still open, in words (the last error), when a run said so.
    public var note: String?

    public init(
        id: String, created: Date, updated: Date, request: ImageRequest, mode: SubmitMode, baseURL: String, cost: Int?,
        state: State, taskID: String?, saved: [Int: String], idempotencyKey: String, note: String? = nil
    ) {
        self.id = id
        self.created = created
        self.updated = updated
        self.request = request
        self.mode = mode
        // An entry written by an older pixterm may still hold `user:password@`; none is kept.
        self.baseURL = baseURL.withoutURLCredentials
        self.cost = cost
        self.state = state
        self.taskID = taskID
        self.saved = saved
        self.idempotencyKey = idempotencyKey
        self.note = note
    }

    /// Reads entries written before `idempotencyKey` existed too: they get one derived from
    /// their id, stable across reads, so a retry of such an entry still repeats one key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        self.init(
            id: id, created: try container.decode(Date.self, forKey: .created), updated: try container.decode(Date.self, forKey: .updated),
            request: try container.decode(ImageRequest.self, forKey: .request), mode: try container.decode(SubmitMode.self, forKey: .mode),
            baseURL: try container.decode(String.self, forKey: .baseURL), cost: try container.decodeIfPresent(Int.self, forKey: .cost),
            state: try container.decode(State.self, forKey: .state), taskID: try container.decodeIfPresent(String.self, forKey: .taskID),
            saved: try container.decode([Int: String].self, forKey: .saved),
            idempotencyKey: try container.decodeIfPresent(String.self, forKey: .idempotencyKey) ?? "pixterm-entry-\(id)",
            note: try container.decodeIfPresent(String.self, forKey: .note)
        )
    }

    public var nextStep: NextStep {
        if let taskID, mode == .async { return .poll(taskID: taskID) }
        return state == .paidNotDownloaded ? .paidNotDownloaded : .unknownOutcome
    }

    public func age(now: Date = Date()) -> TimeInterval { now.timeIntervalSince(created) }
}
