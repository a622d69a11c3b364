import Foundation

/// Everything pixterm reads from flags, the environment and the config file, resolved once.
///
/// Precedence: command-line flags, then environment (`PIXAPI_KEY`, `PIXAPI_BASE_URL`,
/// `PIXTERM_GALLERY`), then `config.toml`, then built-in defaults.
public struct PixtermSettings: Sendable {
    /// Where the key came from, so "missing or rejected key" messages can say where to look
    /// without ever showing the key.
    public enum KeySource: Sendable, Hashable, CustomStringConvertible {
        case environment
        case configFile(String)
        case none

        public var description: String {
            switch self {
            case .environment: "the PIXAPI_KEY environment variable"
            case let .configFile(path): "api_key in \(path)"
            case .none: "nowhere (no key is configured)"
            }
        }
    }

    /// Flag values, which beat everything else.
    public struct Overrides: Sendable {
        public var baseURL: String?
        public var gallery: String?
        public var maxCredits: Int?

        public init(baseURL: String? = nil, gallery: String? = nil, maxCredits: Int? = nil) {
            self.baseURL = baseURL
            self.gallery = gallery
            self.maxCredits = maxCredits
        }
    }

    public let paths: PixtermPaths
    public let apiKey: String?
    public let keySource: KeySource
    public let baseURL: URL
    public let gallery: URL
    /// The gallery `--gallery` named, if it did: an explicit choice, so the demo writes there
    /// too. A gallery from the environment or config is the everyday one, which the demo keeps
    /// apart from (see `JobBackend.demo`).
    public let galleryFlag: URL?
    /// Requests above this many credits need confirmation (`--yes` on the command line).
    public let maxCredits: Int?
    /// `[budget] daily` and `monthly`: caps on what every pixterm here spends together.
    public let budgets: Budgets
    public let defaultModel: String
    /// `auto`, `kitty`, `iterm`, `sixel` or `blocks`, when the config sets one.
    public let graphics: String?
    /// Whether the UI asks the terminal for clicks and the wheel (`mouse = false` turns it off,
    /// for a terminal whose own mouse use matters more).
    public let mouse: Bool
    public let catalog: ModelCatalog
    public let prices: PriceTable
    /// Unsafe but not fatal: a config holding `api_key` that others can read, credentials in
    /// the base URL. Every command prints them at start; `doctor` lists them.
    public let warnings: [SettingsWarning]

    public static func load(
        environment: [String: String], overrides: Overrides = Overrides()
    ) throws(PixapiError) -> PixtermSettings {
        let paths = PixtermPaths(environment: environment)
        let file = try readConfig(paths.configFile)
        var warnings: [SettingsWarning] = []
        if file["api_key"] != nil, let warning = PrivateFileCheck.warning(for: paths.configFile, holding: "api_key") {
            warnings.append(warning)
        }
        func string(_ key: String) throws(PixapiError) -> String? {
            switch file[key] {
            case nil: return nil
            case let .string(text)?: return text
            default: throw PixapiError(.invalidInput, "\(key) in \(paths.configFile.path) must be a quoted string")
            }
        }
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }

        var keySource = KeySource.none
        var apiKey: String?
        if let key = nonEmpty(environment["PIXAPI_KEY"]) {
            apiKey = key
            keySource = .environment
        } else if let key = nonEmpty(try string("api_key")) {
            apiKey = key
            keySource = .configFile(paths.configFile.path)
        }

        let baseSources = [
            ("--base-url", nonEmpty(overrides.baseURL)), ("PIXAPI_BASE_URL", nonEmpty(environment["PIXAPI_BASE_URL"])),
            ("base_url in \(paths.configFile.path)", try string("base_url")),
        ]
        var baseURL = ClientConfiguration.defaultBaseURL
        if let (source, text) = baseSources.first(where: { $0.1 != nil }), let text {
            baseURL = try parseBaseURL(text)
            if baseURL.hasCredentials {
                warnings.append(
                    SettingsWarning(
                        subject: "base url",
                        problem: "the base URL in \(source) has a user name or password, which pixterm ignores and never sends "
                            + "(the API takes its key from PIXAPI_KEY or api_key)",
                        fix: "remove user:password@ from \(source)"
                    ))
                baseURL = baseURL.removingCredentials
            }
        }

        let configGallery = try string("gallery")
        func folder(_ text: String?) -> URL? { text.map { URL(fileURLWithPath: expandTilde($0, home: environment["HOME"])) } }
        let galleryFlag = folder(nonEmpty(overrides.gallery))
        let gallery = galleryFlag ?? folder(nonEmpty(environment["PIXTERM_GALLERY"]) ?? configGallery) ?? paths.defaultGallery

        var maxCredits = overrides.maxCredits
        if maxCredits == nil, let value = file["max_credits"] {
            guard case let .integer(limit) = value, limit >= 0 else {
                throw PixapiError(.invalidInput, "max_credits in \(paths.configFile.path) must be a whole number of credits")
            }
            maxCredits = limit
        }

        var catalog = ModelCatalog.builtIn
        if let path = try string("catalog_file") {
            catalog = try loadData(path, home: environment["HOME"], what: "catalog_file") { data throws(PixapiError) in
                do { return try ModelCatalog.decode(data) } catch { throw PixapiError(.invalidInput, "catalog_file \(path) is not a valid catalog: \(error)") }
            }
        }
        var prices = PriceTable.builtIn
        if let path = try string("pricing_file") {
            prices = try loadData(path, home: environment["HOME"], what: "pricing_file") { data throws(PixapiError) in
                do { return try PriceTable.decode(data) } catch { throw PixapiError(.invalidInput, "pricing_file \(path) is not a valid price table: \(error)") }
            }
        }
        try applyPriceOverrides(file, to: &prices, configPath: paths.configFile.path)

        let defaultModel = try string("default_model") ?? catalog.defaultModel
        var mouse = true
        if let value = file["mouse"] {
            guard case let .bool(enabled) = value else {
                throw PixapiError(.invalidInput, "mouse in \(paths.configFile.path) must be true or false (without quotes)")
            }
            mouse = enabled
        }
        _ = try catalog.model(defaultModel)
        let budgets = try Self.budgets(file, configPath: paths.configFile.path)

        return PixtermSettings(
            paths: paths, apiKey: apiKey, keySource: keySource, baseURL: baseURL, gallery: gallery, galleryFlag: galleryFlag,
            maxCredits: maxCredits, budgets: budgets, defaultModel: defaultModel, graphics: try string("graphics"), mouse: mouse,
            catalog: catalog, prices: prices, warnings: warnings
        )
    }

    /// The client configuration for these settings, or a message saying where to put a key.
    public func clientConfiguration() throws(PixapiError) -> ClientConfiguration {
        guard let apiKey else {
            throw PixapiError(
                .missingKey,
                "no API key: set PIXAPI_KEY, or add api_key = \"...\" to \(paths.configFile.path); `pixterm --demo` tries everything offline"
            )
        }
        return ClientConfiguration(baseURL: baseURL, apiKey: apiKey)
    }

    static func parseBaseURL(_ text: String) throws(PixapiError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host?.isEmpty == false
        else {
            throw PixapiError(.invalidInput, "base URL \(text.withoutURLCredentials) is not an http(s) URL like https://api.pixapi.ai")
        }
        return url
    }

    private static func readConfig(_ file: URL) throws(PixapiError) -> [String: TOMLSubset.Value] {
        // One byte over the limit is enough to know the file is too large.
        guard let bytes = try ConfigFileReader.read(file, limit: TOMLSubset.maxDocumentBytes + 1) else { return [:] }
        do throws(PixapiError) {
            guard bytes.count <= TOMLSubset.maxDocumentBytes else { throw TOMLSubset.tooLarge }
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                throw PixapiError(.invalidInput, "the config is not UTF-8 text")
            }
            return try TOMLSubset.parse(text)
        } catch {
            throw PixapiError(.invalidInput, "\(file.path): \(error.message)")
        }
    }

    private static func expandTilde(_ path: String, home: String?) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home else { return path }
        return home + path.dropFirst()
    }

    private static func loadData<T>(
        _ path: String, home: String?, what: String, decode: (Data) throws(PixapiError) -> T
    ) throws(PixapiError) -> T {
        let expanded = expandTilde(path, home: home)
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw PixapiError(.io, "\(what) \(TerminalText.sanitized(path)) cannot be read")
        }
        return try decode(data)
    }

    /// `[pricing."MODEL"."TIER"]` tables with `low`/`medium`/`high` and optional `max_long_edge`.
    private static func applyPriceOverrides(
        _ file: [String: TOMLSubset.Value], to prices: inout PriceTable, configPath: String
    ) throws(PixapiError) {
        for (key, value) in file.sorted(by: { $0.key < $1.key }) where key.hasPrefix("pricing.") {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard case let .integer(number) = value, number >= 0 else {
                throw PixapiError(.invalidInput, "\(key) in \(configPath) must be a whole number")
            }
            // Model names contain dots (gpt-image-1.5), so read the path from the end.
            guard parts.count >= 4, let field = parts.last else {
                throw PixapiError(.invalidInput, "\(key) in \(configPath): use [pricing.\"MODEL\".\"TIER\"] with low/medium/high = credits")
            }
            let tier = parts[parts.count - 2]
            let model = parts[1..<(parts.count - 2)].joined(separator: ".")
            if field == "max_long_edge" {
                let quality = prices.models[model]?.tiers.first { $0.name == tier }?.credits.keys.first.flatMap(Quality.init(rawValue:)) ?? .high
                let current = prices.models[model]?.tiers.first { $0.name == tier }?.credits(for: quality) ?? 0
                prices.override(model: model, tier: tier, quality: quality, credits: current, maxLongEdge: number)
            } else if let quality = Quality(rawValue: field), quality != .auto {
                prices.override(model: model, tier: tier, quality: quality, credits: number)
            } else {
                throw PixapiError(.invalidInput, "\(key) in \(configPath): the field must be low, medium, high or max_long_edge")
            }
        }
    }
}
