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

extension String {
    /// A base URL's text without any `user:password@`, even when it does not parse as a URL:
    /// for text that came from a file (a journal entry an older pixterm wrote) or the user.
    public var withoutURLCredentials: String {
        if let url = URL(string: self) { return url.removingCredentials.absoluteString }
        guard let schemeEnd = range(of: "://") else { return self }
        let rest = self[schemeEnd.upperBound...]
        let authority = rest.prefix { !"/?#".contains($0) }
        guard let at = authority.lastIndex(of: "@") else { return self }
        return String(self[..<schemeEnd.upperBound] + self[index(after: at)...])
    }
}
