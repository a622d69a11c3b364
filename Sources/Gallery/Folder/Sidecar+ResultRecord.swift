import ImageCodec
import PixapiKit

// Kept apart from Sidecar.swift so the sidecar's format builds on its own (Fuzz/run.sh's
// `sidecar` target compiles that file with a few PixapiKit files, without ImageCodec).
extension Sidecar {
    /// The sidecar of a result saved as `id`, a file `header` describes.
    public init(id: String, record: ResultRecord, header: ImageHeader) {
        let request = record.request
        schema = Sidecar.currentSchema
        self.id = id
        prompt = request.prompt
        model = request.model
        size = request.size.description
        quality = request.quality.rawValue
        n = request.n
        index = record.index
        creditsPerImage = record.creditsPerImage
        requestCost = record.requestCost
        endpoint = request.endpointPath(record.mode)
        mode = record.mode
        taskID = record.taskID
        requestID = record.requestID
        sourceImages = request.images
        mask = request.mask
        revisedPrompt = record.revisedPrompt
        responseFormat = request.responseFormat?.rawValue
        created = record.created
        serverCreated = record.serverCreated
        width = header.width
        height = header.height
        format = header.format.rawValue
        self.request = request
    }
}
