import Foundation

/// Where pixterm keeps things, following the XDG base directory spec.
public struct PixtermPaths: Sendable, Hashable {
    public let configFile: URL
    public let dataDirectory: URL
    public let cacheDirectory: URL

    public init(environment: [String: String]) {
        let home = URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
        func base(_ variable: String, _ fallback: String) -> URL {
            // The spec says relative values are invalid and must be ignored.
            if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
            return home.appendingPathComponent(fallback)
        }
        configFile = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("pixterm/config.toml")
        dataDirectory = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("pixterm")
        cacheDirectory = base("XDG_CACHE_HOME", ".cache").appendingPathComponent("pixterm")
    }

    public var defaultGallery: URL { dataDirectory.appendingPathComponent("gallery") }
    public var journalDirectory: URL { dataDirectory.appendingPathComponent("journal") }
    public var historyFile: URL { dataDirectory.appendingPathComponent("history.jsonl") }
    public var thumbnailDirectory: URL { cacheDirectory.appendingPathComponent("thumbnails") }
}
