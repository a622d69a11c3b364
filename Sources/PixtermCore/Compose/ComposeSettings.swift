import PixapiKit

/// The request settings the pickers edit. A value type with rules, no UI.
///
/// Invariant: every value is one the chosen model accepts, except a custom size being typed,
/// which is kept as text so the user can finish typing and is told why it is not valid yet.
public struct ComposeSettings: Hashable, Sendable {
    public enum SizeChoice: Hashable, Sendable {
        case listed(ImageSize)
        /// A WIDTHxHEIGHT being typed; only sent once valid.
        case custom(String)
    }

    public var model: String
    public var size: SizeChoice
    public var quality: Quality
    public var n: Int
    public var responseFormat: ResponseFormat
    /// Async by default so the task journal can finish a paid task after a disconnect.
    public var submitMode: SubmitMode

    public init(
        model: String, size: SizeChoice = .listed(.auto), quality: Quality = .auto, n: Int = 1,
        responseFormat: ResponseFormat = .b64JSON, submitMode: SubmitMode = .async
    ) {
        self.model = model
        self.size = size
        self.quality = quality
        self.n = n
        self.responseFormat = responseFormat
        self.submitMode = submitMode
    }

    /// The size to send, or the reason there is none yet.
    public func resolvedSize(in catalog: ModelCatalog) -> Result<ImageSize, PixapiError> {
        let text: String
        switch size {
        case let .listed(listed): return .success(listed)
        case let .custom(typed): text = typed
        }
        do {
            let parsed = try ImageSize.parse(text)
            let spec = try catalog.model(model)
            try spec.validate(parsed)
            return .success(parsed)
        } catch {
            return .failure(error)
        }
    }

    /// Switches model and pulls every other setting back into what the new model accepts.
    public mutating func selectModel(_ id: String, in catalog: ModelCatalog) {
        guard let spec = try? catalog.model(id) else { return }
        model = id
        if !spec.qualities.contains(quality) { quality = spec.qualities.contains(.auto) ? .auto : spec.qualities[0] }
        n = min(max(n, 1), spec.maxN)
        if !spec.responseFormats.contains(responseFormat), let first = spec.responseFormats.first { responseFormat = first }
        switch size {
        case let .listed(listed) where !spec.pickerSizes.contains(listed):
            size = .listed(nearestListed(to: listed, in: spec))
        case let .custom(text) where spec.customSizes == nil:
            let parsed = try? ImageSize.parse(text)
            size = .listed(parsed.map { nearestListed(to: $0, in: spec) } ?? .auto)
        default:
            break
        }
    }

    private func nearestListed(to size: ImageSize, in spec: ModelSpec) -> ImageSize {
        spec.check(size).suggestions.first { spec.pickerSizes.contains($0) } ?? .auto
    }
}
