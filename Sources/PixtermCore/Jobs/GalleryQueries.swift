import Foundation
import PixapiKit

/// What the gallery browser asks of the gallery. A protocol so the UI runtime can be tested
/// with an in-memory gallery.
public protocol GalleryQueries: Sendable {
    /// The newest `limit` items matching `filter` (empty = all), and how many match in all.
    func page(filter: String, limit: Int) throws -> (items: [GalleryItem], total: Int)
    /// Moves the item to the gallery's trash (undoable with `restore`).
    func trash(_ item: GalleryItem) throws
    func restore(_ item: GalleryItem) throws
    /// Notices files added or removed outside pixterm; called after the first page is shown.
    func refresh() throws
}

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

/// The journal as the resume path sees it.
public protocol ResumableJournal: WorkJournal {
    /// Claims every open entry no other live process holds.
    func claimOpenEntries() -> [ClaimedEntry]
}
