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
    public let created: Date

    public init(
        request: ImageRequest, index: Int, mode: SubmitMode, taskID: String?, revisedPrompt: String?,
        creditsPerImage: Int?, requestCost: Int?, created: Date
    ) {
        self.request = request
        self.index = index
        self.mode = mode
        self.taskID = taskID
        self.revisedPrompt = revisedPrompt
        self.creditsPerImage = creditsPerImage
        self.requestCost = requestCost
        self.created = created
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
    func open(request: ImageRequest, mode: SubmitMode, baseURL: URL, cost: Int?) throws -> String
    func recordTaskID(_ taskID: String, entry: String) throws
    func recordSaved(index: Int, path: String, entry: String) throws
    /// All images are saved: the entry is done.
    func close(entry: String) throws
    /// The server refused the request, so nothing was charged: the entry is done, as failed.
    func fail(entry: String, message: String) throws
}
