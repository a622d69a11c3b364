import Foundation
import ImageCodec

/// Turns a validated job into the image response: draws, encodes, and either stores each image
/// for its URL or inlines it as base64.
enum ImageProducer {
    static func respond(
        to job: ImageJob, baseURL: String, state: SimulatorState, compressionLevel: Int
    ) async throws -> ImagesResponse {
        var items: [ImagesResponse.Item] = []
        for index in 0..<job.n {
            let seed = ImageSynthesis.seed(prompt: job.prompt, index: index, sourceDigest: job.sourceDigest)
            let image = ImageSynthesis.image(width: job.width, height: job.height, seed: seed)
            let bytes = switch job.outputFormat {
            case .png: try PNGCodec.encode(image, compressionLevel: compressionLevel)
            case .jpeg: try JPEGCodec.encode(image, quality: 90)
            }
            var item = ImagesResponse.Item()
            switch job.responseFormat {
            case .url: item.url = "\(baseURL)/files/\(await state.store(bytes, format: job.outputFormat))"
            case .b64JSON: item.b64JSON = Data(bytes).base64EncodedString()
            }
            if job.operation == .generate { item.revisedPrompt = job.prompt }
            items.append(item)
        }
        var response = ImagesResponse(created: Int(Date().timeIntervalSince1970), data: items)
        if job.operation == .generate {
            let input = job.prompt.unicodeScalars.count / 4 + 1
            let output = job.n * max(1, job.width * job.height / 4096)
            response.usage = .init(inputTokens: input, outputTokens: output, totalTokens: input + output)
            response.size = job.size.description
            response.quality = job.quality.rawValue
            response.outputFormat = job.outputFormat.rawValue
        }
        return response
    }
}
