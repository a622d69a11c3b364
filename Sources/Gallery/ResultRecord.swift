import Foundation
import PixapiKit

/// What is known about one finished image when it is saved: the request that made it and what
/// the server said about it. `GalleryStore.save` takes it whole and writes it to the sidecar.
public struct ResultRecord: Sendable, Hashable {
    public let request: ImageRequest
    /// Which of the request's n images this is (0-based).
    public let index: Int
    public let mode: SubmitMode
    public let taskID: String?
    /// Shared by the request's n images (the journal entry's id), so they can be shown together.
    public let requestID: String?
    public let revisedPrompt: String?
    public let creditsPerImage: Int?
    public let requestCost: Int?
    /// When it was saved, by the local clock: the date folder and the gallery's order.
    public let created: Date
    /// The server's `created` value, for the sidecar only.
    public let serverCreated: Date?

    public init(
        request: ImageRequest, index: Int, mode: SubmitMode, taskID: String?, revisedPrompt: String?,
        creditsPerImage: Int?, requestCost: Int?, created: Date, serverCreated: Date? = nil, requestID: String? = nil
    ) {
        self.request = request
        self.index = index
        self.mode = mode
        self.taskID = taskID
        self.requestID = requestID
        self.revisedPrompt = revisedPrompt
        self.creditsPerImage = creditsPerImage
        self.requestCost = requestCost
        self.created = created
        self.serverCreated = serverCreated
    }
}
