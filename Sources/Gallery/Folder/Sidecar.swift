import Foundation
import PixapiKit

/// The JSON file next to each image: everything needed to know what it is and to make it again.
///
/// Readers tolerate missing optional fields and ignore unknown ones, so sidecars written by a
/// newer pixterm still load.
public struct Sidecar: Codable, Sendable, Hashable {
    public static let currentSchema = 1

    public var schema: Int
    public var id: String
    public var prompt: String
    public var model: String
    public var size: String
    public var quality: String
    public var n: Int
    /// Which of the request's n images this is (0-based).
    public var index: Int
    public var creditsPerImage: Int?
    public var requestCost: Int?
    public var endpoint: String
    public var mode: SubmitMode
    public var taskID: String?
    /// The same for every image of one request (its journal entry's id): what groups the n
    /// images of a request into one sheet. Missing in sidecars written before 0.5.
    public var requestID: String?
    public var sourceImages: [String]
    public var mask: String?
    public var revisedPrompt: String?
    public var responseFormat: String?
    /// When pixterm saved the image, by the local clock: it names the date folder and orders the gallery.
    public var created: Date
    /// The server's `created` value, kept as it said but never trusted for placement (a server
    /// clock far in the future would pin an image at the top of the gallery).
    public var serverCreated: Date?
    public var width: Int?
    public var height: Int?
    public var format: String?
    /// The request exactly as sent, for "reuse settings".
    public var request: ImageRequest?

    enum CodingKeys: String, CodingKey {
        case schema, id, prompt, model, size, quality, n, index, creditsPerImage, requestCost, endpoint, mode, taskID, requestID
        case sourceImages, mask, revisedPrompt, responseFormat, created, serverCreated, width, height, format, request
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decodeIfPresent(Int.self, forKey: .schema) ?? 1
        id = try c.decode(String.self, forKey: .id)
        prompt = try c.decodeIfPresent(String.self, forKey: .prompt) ?? ""
        model = try c.decodeIfPresent(String.self, forKey: .model) ?? ""
        size = try c.decodeIfPresent(String.self, forKey: .size) ?? "auto"
        quality = try c.decodeIfPresent(String.self, forKey: .quality) ?? "auto"
        n = try c.decodeIfPresent(Int.self, forKey: .n) ?? 1
        index = try c.decodeIfPresent(Int.self, forKey: .index) ?? 0
        creditsPerImage = try c.decodeIfPresent(Int.self, forKey: .creditsPerImage)
        requestCost = try c.decodeIfPresent(Int.self, forKey: .requestCost)
        endpoint = try c.decodeIfPresent(String.self, forKey: .endpoint) ?? ""
        mode = try c.decodeIfPresent(SubmitMode.self, forKey: .mode) ?? .sync
        taskID = try c.decodeIfPresent(String.self, forKey: .taskID)
        requestID = try? c.decodeIfPresent(String.self, forKey: .requestID)
        sourceImages = try c.decodeIfPresent([String].self, forKey: .sourceImages) ?? []
        mask = try c.decodeIfPresent(String.self, forKey: .mask)
        revisedPrompt = try c.decodeIfPresent(String.self, forKey: .revisedPrompt)
        responseFormat = try c.decodeIfPresent(String.self, forKey: .responseFormat)
        created = try c.decodeIfPresent(Date.self, forKey: .created) ?? Date(timeIntervalSince1970: 0)
        serverCreated = try? c.decodeIfPresent(Date.self, forKey: .serverCreated)
        width = try c.decodeIfPresent(Int.self, forKey: .width)
        height = try c.decodeIfPresent(Int.self, forKey: .height)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        request = try? c.decodeIfPresent(ImageRequest.self, forKey: .request)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
