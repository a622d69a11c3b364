/// Which endpoint family a request goes to.
public enum ImageOperation: String, Codable, Sendable, Hashable {
    case generate, edit
}

/// Sync endpoints answer with the images; async ones answer with a task to poll. Async is what the
/// UI uses so the task journal can finish a paid task after a disconnect.
public enum SubmitMode: String, Codable, Sendable, Hashable {
    case sync, async
}

/// One image request as the user chose it: the settings a sidecar records and a journal resumes.
///
/// Optional OpenAI fields (`background`, `outputFormat`, ...) are sent only when set, as the
/// contract asks.
public struct ImageRequest: Codable, Sendable, Hashable {
    public var operation: ImageOperation
    public var model: String
    public var prompt: String
    public var size: ImageSize
    public var quality: Quality
    public var n: Int
    public var responseFormat: ResponseFormat?
    /// Edit sources, as local file paths; sent as repeated `image[]` parts.
    public var images: [String]
    public var mask: String?
    public var background: String?
    public var outputFormat: String?
    public var outputCompression: Int?
    public var moderation: String?

    public init(
        operation: ImageOperation = .generate, model: String, prompt: String, size: ImageSize = .auto,
        quality: Quality = .auto, n: Int = 1, responseFormat: ResponseFormat? = nil,
        images: [String] = [], mask: String? = nil, background: String? = nil,
        outputFormat: String? = nil, outputCompression: Int? = nil, moderation: String? = nil
    ) {
        self.operation = operation
        self.model = model
        self.prompt = prompt
        self.size = size
        self.quality = quality
        self.n = n
        self.responseFormat = responseFormat
        self.images = images
        self.mask = mask
        self.background = background
        self.outputFormat = outputFormat
        self.outputCompression = outputCompression
        self.moderation = moderation
    }

    /// The path of the endpoint for `mode`, relative to the base URL.
    public func endpointPath(_ mode: SubmitMode) -> String {
        switch (operation, mode) {
        case (.generate, .sync): "/v1/images/generations"
        case (.generate, .async): "/v1/async/images/generations"
        case (.edit, .sync): "/v1/images/edits"
        case (.edit, .async): "/v1/async/images/edits"
        }
    }

    /// The form fields other than files, in the order they are sent, as strings for multipart and
    /// typed values for JSON.
    public var fields: [(name: String, value: FieldValue)] {
        var fields: [(String, FieldValue)] = [("model", .string(model)), ("prompt", .string(prompt))]
        if n != 1 { fields.append(("n", .int(n))) }
        fields.append(("size", .string(size.description)))
        fields.append(("quality", .string(quality.rawValue)))
        if let responseFormat { fields.append(("response_format", .string(responseFormat.rawValue))) }
        if let background { fields.append(("background", .string(background))) }
        if let outputFormat { fields.append(("output_format", .string(outputFormat))) }
        if let outputCompression { fields.append(("output_compression", .int(outputCompression))) }
        if let moderation { fields.append(("moderation", .string(moderation))) }
        return fields
    }

    public enum FieldValue: Sendable, Hashable {
        case string(String)
        case int(Int)

        public var text: String {
            switch self {
            case let .string(value): value
            case let .int(value): String(value)
            }
        }
    }
}
