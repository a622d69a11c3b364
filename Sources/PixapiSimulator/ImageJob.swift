import ImageCodec
import PixapiKit

/// A request that passed validation: everything needed to draw, encode and bill its images.
struct ImageJob: Sendable, Hashable {
    enum OutputFormat: String, Sendable, Hashable {
        case png, jpeg

        var fileExtension: String { self == .jpeg ? "jpg" : "png" }
        var mimeType: String { "image/\(rawValue)" }
    }

    let operation: PixapiKit.ImageOperation
    let model: String
    let prompt: String
    /// The size as requested, echoed in the response (`auto` stays `auto`).
    let size: ImageSize
    let width: Int
    let height: Int
    let quality: Quality
    let n: Int
    let responseFormat: ResponseFormat
    let outputFormat: OutputFormat
    /// For edits, a digest of the first source image, so an edit's output depends on its input.
    let sourceDigest: UInt64?
    let cost: Int
}

extension ImageJob {
    /// The pixel size `size=auto` produces.
    static let autoSize = (width: 1024, height: 1024)

    /// Validates a request the way the contract describes, first failure wins: model, prompt, `n`,
    /// size, quality, response format, output format, then the edit inputs.
    ///
    /// A prompt containing the word "forbidden" is refused with 422 `prompt_rejected`, the
    /// simulator's stand-in for a content policy.
    static func validate(
        _ form: RequestForm, operation: PixapiKit.ImageOperation, catalog: ModelCatalog, prices: PriceTable
    ) throws(APIError) -> ImageJob {
        guard let modelValue = form.fields["model"] else { throw .missing("model") }
        guard case let .text(model) = modelValue else { throw .invalid("'model' must be a string.", param: "model") }
        guard let spec = catalog.models.first(where: { $0.id == model }) else {
            throw .modelNotFound(model, known: catalog.modelIDs)
        }
        let prompt = try validPrompt(form, limit: spec.promptLimit)
        let n = try validCount(form.fields["n"], maxN: spec.maxN)
        let size = try validSize(form.text("size") ?? (form.fields["size"] == nil ? "auto" : nil), spec: spec)
        let quality: Quality = try choice(form, "quality", default: .auto, allowed: spec.qualities)
        let responseFormat: ResponseFormat = try choice(form, "response_format", default: .url, allowed: spec.responseFormats)
        let outputFormat: OutputFormat = try choice(form, "output_format", default: .png, allowed: [.png, .jpeg])
        let digest = operation == .edit ? try validEditInputs(form.files, limits: catalog.editLimits) : nil
        if containsForbiddenWord(prompt) { throw .promptRejected }
        let dimensions = size.dimensions ?? autoSize
        let cost = (try? prices.estimate(model: model, size: size, quality: quality, n: n))?.costCredits ?? 0
        return ImageJob(
            operation: operation, model: model, prompt: prompt, size: size, width: dimensions.width,
            height: dimensions.height, quality: quality, n: n, responseFormat: responseFormat,
            outputFormat: outputFormat, sourceDigest: digest, cost: cost
        )
    }

    private static func validPrompt(_ form: RequestForm, limit: Int) throws(APIError) -> String {
        guard let value = form.fields["prompt"] else { throw .missing("prompt") }
        guard case let .text(prompt) = value else { throw .invalid("'prompt' must be a string.", param: "prompt") }
        guard !prompt.allSatisfy(\.isWhitespace) else {
            throw .invalid("'prompt' must not be empty.", param: "prompt", code: "empty_prompt")
        }
        let length = prompt.unicodeScalars.count
        guard length <= limit else {
            throw .invalid(
                "'prompt' is too long: \(length) characters, the maximum is \(limit).",
                param: "prompt", code: "string_above_max_length"
            )
        }
        return prompt
    }

    private static func validCount(_ value: RequestForm.Value?, maxN: Int) throws(APIError) -> Int {
        let n: Int?
        switch value {
        case nil: return 1
        case let .number(number)?: n = number.rounded() == number && abs(number) < 1e9 ? Int(number) : nil
        case let .text(text)?: n = Int(text.trimmed(" \t"))
        case .other?: n = nil
        }
        guard let n else { throw .invalid("'n' must be a whole number.", param: "n") }
        guard (1...maxN).contains(n) else { throw .invalid("'n' must be between 1 and \(maxN), got \(n).", param: "n") }
        return n
    }

    private static func validSize(_ text: String?, spec: ModelSpec) throws(APIError) -> ImageSize {
        guard let text else { throw .invalid("'size' must be a string.", param: "size") }
        let size: ImageSize
        do {
            size = try ImageSize.parse(text)
        } catch {
            throw .invalid(error.message, param: "size")
        }
        let check = spec.check(size)
        guard check.isValid else { throw .invalid(check.message, param: "size") }
        return size
    }

    /// An enumerated field: absent gives `fallback`, anything outside `allowed` is a 400 naming the choices.
    private static func choice<Choice: RawRepresentable & Equatable>(
        _ form: RequestForm, _ name: String, default fallback: Choice, allowed: [Choice]
    ) throws(APIError) -> Choice where Choice.RawValue == String {
        guard let value = form.fields[name] else { return fallback }
        guard case let .text(text) = value, let choice = Choice(rawValue: text), allowed.contains(choice) else {
            let offered = allowed.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw .invalid("Invalid value '\(value.logText)' for '\(name)'. Supported values are: \(offered).", param: name)
        }
        return choice
    }

    /// Checks the edit's images and mask; returns a digest of the first image.
    private static func validEditInputs(_ files: [RequestForm.File], limits: EditLimits) throws(APIError) -> UInt64 {
        let images = files.filter { $0.part == "image" || $0.part == "image[]" }
        guard let first = images.first else { throw .missing("image") }
        guard images.count <= limits.maxImages else {
            throw .invalid("At most \(limits.maxImages) images may be sent, got \(images.count).", param: "image")
        }
        for (index, image) in images.enumerated() {
            let name = image.filename.map { "'\($0)'" } ?? "number \(index + 1)"
            guard ImageHeader.sniffFormat(Array(image.bytes.prefix(16))) != nil else {
                throw .invalid("Image \(name) is not a PNG, JPEG or WebP file.", param: "image", code: "invalid_image_format")
            }
            guard image.bytes.count < limits.maxImageBytes else {
                throw .invalid("Image \(name) is \(image.bytes.count) bytes; each image must be under \(limits.maxImageBytes).", param: "image", code: "image_too_large")
            }
        }
        if let mask = files.first(where: { $0.part == "mask" }) {
            try validMask(mask, firstImage: first, limits: limits)
        }
        return Digest.fnv1a(first.bytes.prefix(65_536), seed: UInt64(first.bytes.count))
    }

    private static func validMask(_ mask: RequestForm.File, firstImage: RequestForm.File, limits: EditLimits) throws(APIError) {
        guard ImageHeader.sniffFormat(Array(mask.bytes.prefix(16))) == .png else {
            throw .invalid("The mask must be a PNG file.", param: "mask", code: "invalid_image_format")
        }
        guard mask.bytes.count < limits.maxMaskBytes else {
            throw .invalid("The mask is \(mask.bytes.count) bytes; it must be under \(limits.maxMaskBytes).", param: "mask", code: "image_too_large")
        }
        guard let maskHeader = ImageHeader.parse(Array(mask.bytes.prefix(65_536))),
            let imageHeader = ImageHeader.parse(Array(firstImage.bytes.prefix(65_536)))
        else {
            throw .invalid("The dimensions of the mask or the first image cannot be read.", param: "mask")
        }
        guard maskHeader.width == imageHeader.width, maskHeader.height == imageHeader.height else {
            throw .invalid(
                "The mask is \(maskHeader.width)x\(maskHeader.height) but the first image is \(imageHeader.width)x\(imageHeader.height); they must match.",
                param: "mask", code: "mask_size_mismatch"
            )
        }
    }

    /// Whether the prompt has the word "forbidden" in it (any case, as a whole word).
    static func containsForbiddenWord(_ prompt: String) -> Bool {
        prompt.lowercased().split { !$0.isLetter && !$0.isNumber }.contains("forbidden")
    }
}

/// FNV-1a: a stable hash (unlike `Hasher`, which is seeded per process) so images repeat across runs.
enum Digest {
    static func fnv1a(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
