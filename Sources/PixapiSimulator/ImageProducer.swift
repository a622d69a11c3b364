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

    /// Photo-like PNGs cost about 0.4 s each to encode at 2048x2048; a repeated request reuses them.
    /// 512 MiB holds every image of a benchmark's largest request (8 at 3840x2160, about 14 MB each).
    private static let photoCache = EncodedImageCache(byteLimit: 512 << 20)

    /// Drawing and encoding are CPU-bound: they run on NIO's blocking-work pool so a large image
    /// never starves the concurrency pool that answers task polls.
    private static func encodedImage(_ job: ImageJob, index: Int, style: SimulatedImageStyle, compressionLevel: Int) throws -> [UInt8] {
        let seed = ImageSynthesis.seed(prompt: job.prompt, index: index, sourceDigest: job.sourceDigest)
        switch style {
        case .striped:
            return try encode(ImageSynthesis.image(width: job.width, height: job.height, seed: seed), job.outputFormat, compressionLevel)
        case .photo:
            let key = EncodedImageCache.Key(
                width: job.width, height: job.height, seed: seed, format: job.outputFormat, compressionLevel: compressionLevel
            )
            return try photoCache.bytes(for: key) {
                try encode(PhotoSynthesis.image(width: job.width, height: job.height, seed: seed), job.outputFormat, compressionLevel)
            }
        }
    }

    private static func encode(_ image: RGBAImage, _ format: ImageJob.OutputFormat, _ compressionLevel: Int) throws -> [UInt8] {
        switch format {
        case .png: try PNGCodec.encode(image, compressionLevel: compressionLevel)
        case .jpeg: try JPEGCodec.encode(image, quality: 90)
        }
    }
}
