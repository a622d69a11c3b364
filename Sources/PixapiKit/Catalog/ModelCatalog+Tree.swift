extension ModelCatalog {
    /// The catalog a `JSONTree` describes, or nil when any field is missing or of another
    /// shape, so `JSONDecoder` gives the verdict (and the message). Unknown keys are ignored,
    /// as `JSONDecoder` ignores them.
    init?(tree: JSONTree) {
        guard let defaultModel = tree["defaultModel"]?.string, let specs = tree["models"]?.items(ModelSpec.init(tree:)),
            let edit = tree["editLimits"], let maxImages = edit["maxImages"]?.int, let maxImageBytes = edit["maxImageBytes"]?.int,
            let maxMaskBytes = edit["maxMaskBytes"]?.int
        else { return nil }
        self.init(
            defaultModel: defaultModel, models: specs,
            editLimits: EditLimits(maxImages: maxImages, maxImageBytes: maxImageBytes, maxMaskBytes: maxMaskBytes)
        )
    }
}

extension ModelSpec {
    init?(tree: JSONTree) {
        guard let id = tree["id"]?.string, let summary = tree["summary"]?.string,
            let qualities = tree["qualities"]?.items({ $0.string.flatMap(Quality.init(rawValue:)) }),
            let presets = tree["presets"]?.items({ $0.string.flatMap { try? ImageSize.parse($0) } }),
            let promptLimit = tree["promptLimit"]?.int, let maxN = tree["maxN"]?.int,
            let formats = tree["responseFormats"]?.items({ $0.string.flatMap(ResponseFormat.init(rawValue:)) })
        else { return nil }
        var customSizes: CustomSizeRules?
        switch tree["customSizes"] {
        case nil, .null?: customSizes = nil
        case let rules?:
            guard let multipleOf = rules["multipleOf"]?.int, let minPixels = rules["minPixels"]?.int, let maxPixels = rules["maxPixels"]?.int,
                let maxAspectRatio = rules["maxAspectRatio"]?.int, let maxEdge = rules["maxEdge"]?.int
            else { return nil }
            customSizes = CustomSizeRules(multipleOf: multipleOf, minPixels: minPixels, maxPixels: maxPixels, maxAspectRatio: maxAspectRatio, maxEdge: maxEdge)
        }
        self.init(
            id: id, summary: summary, qualities: qualities, presets: presets, customSizes: customSizes, promptLimit: promptLimit, maxN: maxN,
            responseFormats: formats
        )
    }
}
