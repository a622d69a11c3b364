/// A misbehaviour the simulator plays on the next matching requests, so client tests can check
/// retries, error messages and recovery without a flaky network.
///
/// Faults never apply to the `/_sim/` control API. Scheduled through `RunningSimulator.schedule(_:)`
/// or `POST /_sim/faults` with a JSON list of these (field names as below, `kind` as its raw value).
public struct Fault: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// Answer with `status` and an error body instead of doing the work (429 adds `Retry-After`).
        case status
        /// Read the request, then close the connection without any response and without doing
        /// the work: nothing is charged (the client cannot know that).
        case drop
        /// Do the work (a paid request is charged, an async task created), then close the
        /// connection without any response: the answer is lost after the charge.
        case dropAfterWork
        /// Do the work (charging as `dropAfterWork` does), send the headers with the full
        /// `Content-Length`, half the body, then close: the answer is cut after the charge.
        case truncate
        /// Answer 200 with a body that is not JSON.
        case malformed
        /// Do the work and send the body in small chunks spread over `durationMs`.
        case slowBody
        /// The next async task submitted on a matching path ends `failed` with an error object.
        case taskFails
    }

    public var kind: Kind
    /// Applies only to requests whose path starts with this; `nil` matches every path.
    public var path: String?
    /// How many matching requests it applies to before it is used up.
    public var count: Int
    /// The status for `.status`: 400-599, anything else becomes 500.
    public var status: Int?
    /// Seconds sent as `Retry-After` with a `.status` fault.
    public var retryAfter: Int?
    /// The error `code` for `.status` and `.taskFails`; a sensible one per status when absent.
    public var code: String?
    /// The error `message` for `.status` and `.taskFails`.
    public var message: String?
    /// Total delay spread over the body for `.slowBody` (default 1000).
    public var durationMs: Int?

    public init(
        kind: Kind, path: String? = nil, count: Int = 1, status: Int? = nil, retryAfter: Int? = nil,
        code: String? = nil, message: String? = nil, durationMs: Int? = nil
    ) {
        self.kind = kind
        self.path = path
        self.count = count
        self.status = status
        self.retryAfter = retryAfter
        self.code = code
        self.message = message
        self.durationMs = durationMs
    }

    /// Decodes a fault from the control API, where only `kind` is required and `count` defaults to 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(Kind.self, forKey: .kind),
            path: try container.decodeIfPresent(String.self, forKey: .path),
            count: try container.decodeIfPresent(Int.self, forKey: .count) ?? 1,
            status: try container.decodeIfPresent(Int.self, forKey: .status),
            retryAfter: try container.decodeIfPresent(Int.self, forKey: .retryAfter),
            code: try container.decodeIfPresent(String.self, forKey: .code),
            message: try container.decodeIfPresent(String.self, forKey: .message),
            durationMs: try container.decodeIfPresent(Int.self, forKey: .durationMs)
        )
    }

    /// An error status, e.g. `.status(429, retryAfter: 2)` or `.status(503)`.
    public static func status(_ status: Int, retryAfter: Int? = nil, path: String? = nil, count: Int = 1) -> Fault {
        Fault(kind: .status, path: path, count: count, status: status, retryAfter: retryAfter)
    }

    public func applies(to requestPath: String) -> Bool {
        count > 0 && requestPath.hasPrefix(path ?? "")
    }
}
