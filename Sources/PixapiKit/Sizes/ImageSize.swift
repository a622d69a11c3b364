/// The `size` field: `auto`, or an explicit `WIDTHxHEIGHT` in pixels.
///
/// Parsing only checks the syntax; whether a model accepts a size is `ModelSpec.check(_:)`.
public enum ImageSize: Hashable, Sendable, CustomStringConvertible, Codable {
    case auto
    case pixels(width: Int, height: Int)

    /// Parses `auto` or `WIDTHxHEIGHT` (an `x`, `X` or `×` between two whole numbers), as a user types it.
    public static func parse(_ text: String) throws(PixapiError) -> ImageSize {
        let trimmed = text.trimmingWhitespace()
        if trimmed.lowercased() == "auto" { return .auto }
        let parts = trimmed.split(maxSplits: 2, omittingEmptySubsequences: false) { "xX×".contains($0) }
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            !parts[0].hasPrefix("+"), !parts[1].hasPrefix("+")
        else {
            throw PixapiError(
                .invalidInput,
                "size \"\(TerminalText.sanitized(trimmed))\" is not auto or WIDTHxHEIGHT (for example 1024x1024)",
                param: "size"
            )
        }
        guard width > 0, height > 0 else {
            throw PixapiError(.invalidInput, "size \(width)x\(height) must have a positive width and height", param: "size")
        }
        return .pixels(width: width, height: height)
    }

    public var description: String {
        switch self {
        case .auto: "auto"
        case let .pixels(width, height): "\(width)x\(height)"
        }
    }

    public var dimensions: (width: Int, height: Int)? {
        if case let .pixels(width, height) = self { return (width, height) }
        return nil
    }

    /// The longer edge, which decides the price tier; `nil` for `auto`.
    public var longEdge: Int? { dimensions.map { max($0.width, $0.height) } }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try ImageSize.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace. By index: `reversed()` twice made the Swift
    /// runtime build its nested generic types on first use, about 1 ms of the UI's start.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
