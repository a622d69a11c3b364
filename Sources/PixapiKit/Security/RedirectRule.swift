import Foundation

/// How pixterm treats redirects. AsyncHTTPClient's own following is off (it re-sent a POST's
/// body on a 307 to any host), and `PixapiClient` asks this rule at every 3xx:
/// - a request that may be charged (anything but GET/HEAD) is never sent on, to any origin: the
///   3xx is reported, naming where it pointed (`refusal`);
/// - the key goes only to the API origin, and never again once a chain has left it;
/// - no hop goes from HTTPS to plain HTTP;
/// - a chain ends after `maxHops`.
struct RedirectRule: Sendable {
    static let maxHops = 5

    /// The next request of a chain.
    struct Hop: Sendable, Equatable {
        let url: URL
        let sendsKey: Bool
    }

    let origin: APIOrigin?

    /// Whether a response to `method` with `status` is one this rule follows.
    static func follows(method: String, status: Int) -> Bool {
        let method = method.uppercased()
        return (method == "GET" || method == "HEAD") && (300..<400).contains(status) && status != 304
    }

    /// The hop after a 3xx answer to a GET of `url`; `nil` when the answer names no `Location`
    /// (it is then reported like any other unexpected status). Throws when the redirect must not
    /// be followed. `hops` counts the redirects followed so far.
    func next(status: Int, location: String?, from url: URL, keySentSoFar: Bool, hops: Int) throws(PixapiError) -> Hop? {
        guard let location, let target = URL(string: location, relativeTo: url)?.absoluteURL else { return nil }
        let from = APIOrigin(url).map(\.description) ?? "the server"
        guard let targetOrigin = APIOrigin(target) else {
            throw PixapiError(.malformedResponse, "\(from) redirected to a \(target.scheme ?? "non-HTTP") address; pixterm follows only http(s) redirects")
        }
        if url.scheme?.lowercased() == "https", targetOrigin.scheme == "http" {
            throw PixapiError(
                .malformedResponse,
                "\(from) redirected to plain HTTP (\(Self.shown(target))); pixterm never leaves HTTPS for HTTP, so nothing was fetched there"
            )
        }
        guard hops < Self.maxHops else {
            throw PixapiError(.malformedResponse, "\(from) redirected more than \(Self.maxHops) times in a row; pixterm stopped following")
        }
        return Hop(url: target, sendsKey: keySentSoFar && origin == targetOrigin)
    }

    /// The message for a redirect of a request that may be charged, which is never followed.
    static func refusal(status: Int, from url: URL?, to target: URL) -> String {
        let from = url.flatMap(APIOrigin.init).map(\.description) ?? "the server"
        return "\(from) answered HTTP \(status), redirecting the request to \(shown(target)); pixterm does not follow redirects "
            + "of a request that may be charged, so nothing was sent there. If the API has moved, point --base-url "
            + "(or PIXAPI_BASE_URL) at its new address"
    }

    /// Origin and path of a redirect target: no credentials, no query (it may hold a token).
    static func shown(_ url: URL) -> String {
        (APIOrigin(url).map(\.description) ?? "another server") + url.path
    }
}
