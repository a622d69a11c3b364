import Foundation
import ImageCodec
import NIOPosix

/// Turns a validated job into the image response: draws, encodes, and either stores each image
/// for its URL or inlines it as base64.
enum ImageProducer {
    static func respond(
        to job: ImageJob, baseURL: String, state: SimulatorState, style: SimulatedImageStyle, compressionLevel: Int, created: Date
    ) async throws -> ImagesResponse {
        var items: [ImagesResponse.Item] = []
        for index in 0..<job.n {
            let bytes = try await NIOThreadPool.singleton.runIfActive {
                try encodedImage(job, index: index, style: style, compressionLevel: compressionLevel)
            }
            var item = ImagesResponse.Item()
            switch job.responseFormat {
            case .url: item.url = "\(baseURL)/files/\(await state.store(bytes, format: job.outputFormat))"
            case .b64JSON: item.b64JSON = Data(bytes).base64EncodedString()
            }
            if job.operation == .generate { item.revisedPrompt = job.prompt }
            items.append(item)
        }
        var response = ImagesResponse(created: Int(created.timeIntervalSince1970), data: items)
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

    /// Drawing and encoding are CPU-bound: they run on NIO's blocking-work pool so a large image
    /// never starves the concurrency pool that answers task polls.
    private static func encodedImage(_ job: ImageJob, index: Int, style: SimulatedImageStyle, compressionLevel: Int) throws -> [UInt8] {
        let seed = ImageSynthesis.seed(prompt: job.prompt, index: index, sourceDigest: job.sourceDigest)
        let image = switch style {
        case .striped: ImageSynthesis.image(width: job.width, height: job.height, seed: seed)
        case .photo: PhotoSynthesis.image(width: job.width, height: job.height, seed: seed)
        }
        return switch job.outputFormat {
        case .png: try PNGCodec.encode(image, compressionLevel: compressionLevel)
        case .jpeg: try JPEGCodec.encode(image, quality: 90)
        }
    }
}
