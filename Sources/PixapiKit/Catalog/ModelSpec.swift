/// What one model accepts. Loaded from `Sources/PixapiKit/Resources/catalog.json` so a new model or preset is a data
/// change, not a code change.
public struct ModelSpec: Codable, Sendable, Hashable, Identifiable {
    public let id: String
    public let summary: String
    public let qualities: [Quality]
    public let presets: [ImageSize]
    /// Rules for arbitrary `WIDTHxHEIGHT`; `nil` when the model takes only `auto` and its presets.
    public let customSizes: CustomSizeRules?
    public let promptLimit: Int
    public let maxN: Int
    public let responseFormats: [ResponseFormat]

    public init(
        id: String, summary: String, qualities: [Quality], presets: [ImageSize],
        customSizes: CustomSizeRules?, promptLimit: Int, maxN: Int, responseFormats: [ResponseFormat]
    ) {
        self.id = id
        self.summary = summary
        self.qualities = qualities
        self.presets = presets
        self.customSizes = customSizes
        self.promptLimit = promptLimit
        self.maxN = maxN
        self.responseFormats = responseFormats
    }

    /// Every size a picker should offer: `auto` first, then the presets in catalog order.
    public var pickerSizes: [ImageSize] { [.auto] + presets }
}

/// The custom-size rules of the contract, kept as data because Pixapi may change them.
public struct CustomSizeRules: Codable, Sendable, Hashable {
    public let multipleOf: Int
    public let minPixels: Int
    public let maxPixels: Int
    public let maxAspectRatio: Int
    public let maxEdge: Int

    public init(multipleOf: Int, minPixels: Int, maxPixels: Int, maxAspectRatio: Int, maxEdge: Int) {
        self.multipleOf = multipleOf
        self.minPixels = minPixels
        self.maxPixels = maxPixels
        self.maxAspectRatio = maxAspectRatio
        self.maxEdge = maxEdge
    }
}

/// Limits on the inputs of an edit request.
public struct EditLimits: Codable, Sendable, Hashable {
    public let maxImages: Int
    public let maxImageBytes: Int
    public let maxMaskBytes: Int
}
