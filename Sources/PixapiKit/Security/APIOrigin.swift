import Foundation

/// The exact origin of the API base URL (scheme, host, port), which alone receives the key.
///
/// Default ports are made explicit, so `https://h` and `https://h:443` are one origin while
/// `http://h` and `https://h` are two: comparing `URL.port` alone treated both default ports as
/// the same and sent the key over plain HTTP to an `http://` URL on the API's host.
public struct APIOrigin: Sendable, Hashable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    /// `nil` for a URL that is not http(s) or has no host.
    public init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else { return nil }
        let defaultPort: Int
        switch scheme {
        case "http": defaultPort = 80
        case "https": defaultPort = 443
        default: return nil
        }
        self.scheme = scheme
        self.host = host
        self.port = url.port ?? defaultPort
    }

    public var isSecure: Bool { scheme == "https" }

    /// `scheme://host:port`, with the port always written, for messages.
    public var description: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(hostPart):\(port)"
    }

    /// Whether a request to `url` may carry the key: only when it goes to this very origin.
    public func mayReceiveKey(_ url: URL) -> Bool {
        APIOrigin(url) == self
    }

    /// Whether fetching `url` after `self` would leave HTTPS for plain HTTP.
    public func isDowngrade(to url: URL) -> Bool {
        isSecure && url.scheme?.lowercased() == "http"
    }
}
