import Foundation
import PixapiKit

/// One paid request in flight, as recorded on disk before it was sent.
public struct JournalEntry: Codable, Sendable, Hashable, Identifiable {
    public enum State: String, Codable, Sendable, Hashable {
        /// Recorded; sent or about to be, with no answer yet.
        case pending
        /// The server accepted an async task; `taskID` is known.
        case submitted
    }

    /// What to do with an entry found open.
    public enum NextStep: Sendable, Hashable {
        /// Poll the task, download what is missing, save it.
        case poll(taskID: String)
        /// The process died before the server answered: it may or may not have charged. Never
        /// resubmitted silently; shown so the user can decide and dismiss it.
        case unknownOutcome
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

    public var nextStep: NextStep {
        if let taskID, mode == .async { return .poll(taskID: taskID) }
        return .unknownOutcome
    }

    public func age(now: Date = Date()) -> TimeInterval { now.timeIntervalSince(created) }
}
