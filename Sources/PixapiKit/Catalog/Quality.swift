/// The `quality` field. `auto` lets the server choose and is billed as the top tier.
public enum Quality: String, Codable, Sendable, CaseIterable, Hashable {
    case low, medium, high, auto
}

/// The `response_format` field: a short-lived URL to download, or the image inline as base64.
public enum ResponseFormat: String, Codable, Sendable, CaseIterable, Hashable {
    case url
    case b64JSON = "b64_json"
}
