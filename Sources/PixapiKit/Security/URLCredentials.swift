import Foundation

extension URL {
    /// Whether the URL carries `user:password@`.
    public var hasCredentials: Bool { user != nil || password != nil }

    /// The same URL without `user:password@`. pixterm never sends those (the API takes its key
    /// in `Authorization: Bearer`), so they must not reach the journal, a listing or a message.
    public var removingCredentials: URL {
        guard hasCredentials else { return self }
        if var parts = URLComponents(url: self, resolvingAgainstBaseURL: true) {
            parts.user = nil
            parts.password = nil
            if let url = parts.url, !url.hasCredentials { return url }
        }
        // Unreachable for URLs Foundation parsed, but never fall back to the original.
        return APIOrigin(self).flatMap { URL(string: $0.description) } ?? URL(string: "about:blank")!
    }
}
