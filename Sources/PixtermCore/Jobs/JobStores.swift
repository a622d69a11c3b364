import Foundation
import PixapiKit

/// What is known about one saved image: everything its sidecar records.
public struct ResultRecord: Sendable, Hashable {
    public let request: ImageRequest
    public let index: Int
    public let mode: SubmitMode
    public let taskID: String?
    public let revisedPrompt: String?
    public let creditsPerImage: Int?
    public let requestCost: Int?
    /// When it was saved, by the local clock: the date folder and the gallery's order.
    public let created: Date
    /// The server's `created` value, for the sidecar only.
    public let serverCreated: Date?

    public init(
        request: ImageRequest, index: Int, mode: SubmitMode, taskID: String?, revisedPrompt: String?,
        creditsPerImage: Int?, requestCost: Int?, created: Date, serverCreated: Date? = nil
    ) {
        self.request = request
        self.index = index
        self.mode = mode
        self.taskID = taskID
        self.revisedPrompt = revisedPrompt
        self.creditsPerImage = creditsPerImage
        self.requestCost = requestCost
        self.created = created
        self.serverCreated = serverCreated
    }
}

/// Where finished images go (the gallery). A protocol so the runner is testable without disk.
public protocol ResultStore: Sendable {
    /// A folder on the gallery's filesystem, so saving a staged file is a rename.
    func stagingDirectory() throws -> URL
    /// Moves a complete image into the gallery with its settings; returns the final path.
    func save(imageAt file: URL, record: ResultRecord) throws -> URL
}

/// The journal of paid work in flight. Every paid request is recorded before it is sent and
/// closed only once all its images are saved, so a crash or a dropped SSH session loses nothing.
public protocol WorkJournal: Sendable {
    /// Records a request before it is sent; `idempotencyKey` goes with it and every retry of it.
    func open(request: ImageRequest, mode: SubmitMode, baseURL: URL, cost: Int?, idempotencyKey: String) throws -> String
    func recordTaskID(_ taskID: String, entry: String) throws
    func recordSaved(index: Int, path: String, entry: String) throws
    /// All images are saved: the entry is done.
    func close(entry: String) throws
    /// The server refused the request, or it was never sent, so nothing was charged: the entry
    /// is done, as failed.
    func fail(entry: String, message: String) throws
    /// The job stopped, and the request may have been (or was) charged: the entry stays, for
    /// the user to retry knowingly or dismiss.
    func keep(entry: String, because reason: KeptReason, message: String) throws
}

/// Why a journal entry outlives its job.
public enum KeptReason: Sendable, Hashable {
    /// Sent, and the answer was lost: it may have been charged.
    case outcomeUnknown
    /// The server answered, so it charged, but the images were not all saved.
    case paidNotDownloaded
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
