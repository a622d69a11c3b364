import ArgumentParser
import PixapiKit

/// The settings of an image request, shared by `generate`, `edit` and `cost`.
struct RequestOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Model (see `pixterm models`; default gpt-image-2 or default_model in config).")
    var model: String?

    @Option(name: .shortAndLong, help: "auto, a preset, or WIDTHxHEIGHT (gpt-image-2: multiples of 16, up to 3840).")
    var size: String = "auto"

    @Option(name: .shortAndLong, help: "low, medium, high or auto (auto is billed as high).")
    var quality: String = "auto"

    @Option(name: .short, help: "Number of images, 1 to 10.")
    var n: Int = 1

    func request(operation: ImageOperation, prompt: String, settings: PixtermSettings) throws(PixapiError) -> ImageRequest {
        guard let parsedQuality = Quality(rawValue: quality.lowercased()) else {
            throw PixapiError(.invalidInput, "quality \"\(TerminalText.sanitized(quality))\" is not one of low, medium, high, auto", param: "quality")
        }
        return ImageRequest(
            operation: operation, model: model ?? settings.defaultModel, prompt: prompt,
            size: try ImageSize.parse(size), quality: parsedQuality, n: n
        )
    }
}
