/// The one error type of PixapiKit: what happened, in words a person can act on.
///
/// `message` is always safe to print: it has passed through `TerminalText.sanitized` and the
/// API key has been removed from it, whatever the server echoed back.
public struct PixapiError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Rejected locally before anything was sent.
        case invalidInput
        /// Not sent: it would take the spend past a `[budget]` (the message says which, what is
        /// spent and what remains).
        case overBudget
        /// 400/422 from the server.
        case invalidRequest
        /// 401/403.
        case unauthorized
        /// 402 `insufficient_credits`.
        case insufficientCredits
        /// 404 `model_not_found` (or any 404).
        case notFound
        /// 422 `prompt_rejected`.
        case promptRejected
        /// 429.
        case rateLimited
        /// 5xx.
        case server
        /// Connection refused, reset or dropped.
        case network
        case timeout
        /// A body that is not the JSON the contract describes, or a truncated one.
        case malformedResponse
        /// An async task that ended in `failed`.
        case taskFailed
        /// A paid request went out and its answer was lost (connection dropped after the body was
        /// sent, a read timeout, a cut or garbled 2xx, a gateway error): the server may have acted
        /// and charged. Never retried on its own; the journal keeps the entry for the user.
        case unknownOutcome
        case cancelled
        /// Local files: unreadable inputs, a full disk.
        case io
        /// No key configured.
        case missingKey
    }

    public let kind: Kind
    public let message: String
    public let status: Int?
    public let code: String?
    public let param: String?
    public let requestID: String?
    /// Seconds the server asked us to wait (`Retry-After`), when it said.
    public let retryAfter: Double?

    public init(
        _ kind: Kind, _ message: String, status: Int? = nil, code: String? = nil, param: String? = nil,
        requestID: String? = nil, retryAfter: Double? = nil
    ) {
        self.kind = kind
        self.message = TerminalText.sanitized(message)
        self.status = status
        self.code = code.map { TerminalText.sanitized($0) }
        self.param = param.map { TerminalText.sanitized($0) }
        self.requestID = requestID.map { TerminalText.sanitized($0) }
        self.retryAfter = retryAfter
    }

    /// Worth trying again: the contract's 429, 500 and 503, plus dropped connections and timeouts.
    /// A paid POST narrows this further (see `PixapiClient`): only what the server certainly did
    /// not act on is retried, and everything else becomes `unknownOutcome`, which never is.
    public var isTransient: Bool {
        switch kind {
        case .rateLimited, .network, .timeout: true
        case .server: status == nil || status == 500 || status == 502 || status == 503 || status == 504
        default: false
        }
    }

    /// The message with the request id appended, which is what support asks for.
    public var description: String {
        var text = message
        if let requestID { text += " (request id \(requestID))" }
        return text
    }

    /// The same error with `suffix` appended to its message (what pixterm did about it).
    public func adding(_ suffix: String) -> PixapiError {
        PixapiError(kind, message + suffix, status: status, code: code, param: param, requestID: requestID, retryAfter: retryAfter)
    }

    /// The same error with `secret` redacted from every field, for text a server may have echoed.
    /// A second line of defence: server text is redacted where it is read, before any cut.
    public func redacting(_ secret: String?) -> PixapiError {
        redacting(Redactor(secrets: [secret]))
    }

    public func redacting(_ redactor: Redactor) -> PixapiError {
        PixapiError(
            kind, redactor.clean(message), status: status, code: code.map { redactor.clean($0) }, param: param.map { redactor.clean($0) },
            requestID: requestID.map { redactor.clean($0) }, retryAfter: retryAfter
        )
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
