/// Removes the API key from text a server or a file supplied, before anything else touches it.
///
/// The order matters: redacting after a preview was cut let the first characters of a key that
/// straddled the cut through, and sanitising first could splice a key back together (or, by
/// dropping an escape sequence's first letter, leave the rest of a key bare). So `clean` redacts,
/// sanitises, redacts again, and only then cuts.
public struct Redactor: Sendable, Hashable {
    public static let placeholder = "[redacted]"
    /// Secrets shorter than this are not redacted: they would match ordinary words.
    static let minimumLength = 4

    private let secrets: [String]

    public init(secrets: [String?]) {
        self.secrets = secrets.compactMap { $0 }.filter { $0.count >= Self.minimumLength }
    }

    /// Every occurrence of a secret replaced; also a secret's opening at the very end of the text
    /// (a body cut short by the server), so no prefix of the key survives.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
            result = Self.redactingTrailingPrefix(of: secret, in: result)
        }
        return result
    }

    /// Text ready for a terminal or a file: redacted, sanitised, and cut to `limit` characters.
    public func clean(_ text: String, limit: Int? = nil) -> String {
        let safe = redact(TerminalText.sanitized(redact(text)))
        guard let limit, safe.count > limit else { return safe }
        return String(safe.prefix(limit))
    }

    /// A parsed JSON value with every string in it (values and keys, at any depth) redacted, so
    /// whatever code reads a server's answer sees no key.
    public func redactJSON(_ value: Any) -> Any {
        switch value {
        case let text as String:
            return redact(text)
        case let object as [String: Any]:
            var out: [String: Any] = [:]
            for (key, item) in object { out[redact(key)] = redactJSON(item) }
            return out
        case let array as [Any]:
            return array.map(redactJSON)
        default:
            return value
        }
    }

    private static func redactingTrailingPrefix(of secret: String, in text: String) -> String {
        let longest = min(secret.count - 1, text.count)
        guard longest >= minimumLength else { return text }
        for length in stride(from: longest, through: minimumLength, by: -1) where text.hasSuffix(secret.prefix(length)) {
            return text.dropLast(length) + placeholder
        }
        return text
    }
}
