import Foundation
import NIOCore

/// Where and how the client talks to Pixapi (or the simulator, or another compatible gateway).
public struct ClientConfiguration: Sendable {
    /// Pixapi's documented base URL.
    public static let defaultBaseURL = URL(string: "https://api.pixapi.ai")!

    /// Without `user:password@` (stripped on every assignment): pixterm never sends those, so
    /// they must reach neither the wire nor the journal nor a message.
    public var baseURL: URL {
        didSet { baseURL = baseURL.removingCredentials }
    }
    /// Sent as `Authorization: Bearer`; never put in a message, a log or a file.
    public var apiKey: String
    public var connectTimeout: Duration
    /// Longest silence while waiting for bytes; a sync generation can take minutes to start answering.
    public var readTimeout: Duration
    public var retry: RetryPolicy
    public var poll: PollSchedule
    /// Stall rule, time ceiling and size caps of every response body.
    public var transfer: TransferLimits
    public var userAgent: String

    public init(
        baseURL: URL = ClientConfiguration.defaultBaseURL, apiKey: String,
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(300),
        retry: RetryPolicy = .standard, poll: PollSchedule = .standard, transfer: TransferLimits = .standard,
        userAgent: String = "pixterm"
    ) {
        self.baseURL = baseURL.removingCredentials
        self.apiKey = apiKey
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.retry = retry
        self.poll = poll
        self.transfer = transfer
        self.userAgent = userAgent
    }

    /// The one origin that receives the key; `nil` when the base URL is not http(s).
    public var origin: APIOrigin? { APIOrigin(baseURL) }

    /// Removes the key from server text before it is cut, shown or saved.
    public var redactor: Redactor { Redactor(secrets: [apiKey]) }

    /// `baseURL` joined with an absolute API path, keeping any path prefix of a gateway URL.
    func url(_ path: String) -> URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text + path)!
    }
}

extension Duration {
    /// The same span as NIO's `TimeAmount`, which AsyncHTTPClient takes.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
