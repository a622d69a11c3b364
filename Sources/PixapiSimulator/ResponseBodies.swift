/// The sync image response, also a completed task's `result`.
///
/// Generations carry OpenAI's optional extras (`revised_prompt`, `usage`, `size`, `quality`,
/// `output_format`) and edits do not, so clients are exercised both with and without them.
struct ImagesResponse: Codable, Sendable, Hashable {
    struct Item: Codable, Sendable, Hashable {
        var url: String?
        var b64JSON: String?
        var revisedPrompt: String?

        enum CodingKeys: String, CodingKey {
            case url
            case b64JSON = "b64_json"
            case revisedPrompt = "revised_prompt"
        }
    }

    struct Usage: Codable, Sendable, Hashable {
        let inputTokens: Int
        let outputTokens: Int
        let totalTokens: Int

        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
            case totalTokens = "total_tokens"
        }
    }

    let created: Int
    let data: [Item]
    var usage: Usage?
    var size: String?
    var quality: String?
    var outputFormat: String?

    enum CodingKeys: String, CodingKey {
        case created, data, usage, size, quality
        case outputFormat = "output_format"
    }
}

/// Pixapi's task envelope: the submit answer and every poll answer.
struct TaskEnvelope: Encodable, Sendable {
    let id: String
    let status: String
    let progress: Int
    let createdAt: Int
    let model: String
    var result: ImagesResponse?
    var error: ErrorBody.Detail?

    enum CodingKeys: String, CodingKey {
        case id, status, progress, model, result, error
        case createdAt = "created_at"
    }
}
