import Foundation

/// What the simulator saw of one request, for tests to assert what a client actually sent.
///
/// The bearer key itself is never kept: only whether one was present and whether it was accepted.
/// Served from `GET /_sim/requests` as JSON, with `time` in seconds since 1970.
public struct RecordedRequest: Codable, Sendable, Hashable {
    /// A file part of a multipart body: its bytes are not kept.
    public struct File: Codable, Sendable, Hashable {
        /// The form part name: `image`, `image[]` or `mask`.
        public let part: String
        public let filename: String?
        public let byteCount: Int
        /// `png`, `jpeg` or `webp` from the magic bytes; `nil` when none matched.
        public let format: String?
    }

    /// The `x-request-id` the response carried.
    public let requestID: String
    public let method: String
    public let path: String
    public let contentType: String?
    public let keyPresent: Bool
    public let keyAccepted: Bool
    /// JSON or multipart fields other than files, values as text (`n` as `"2"`).
    public let fields: [String: String]
    public let files: [File]
    public let time: Date
    /// The status sent; `nil` when a `drop` fault closed the connection instead.
    public let status: Int?
    /// The fault played on this request, if any.
    public let fault: Fault.Kind?
    /// The `Idempotency-Key` header, when the request carried one.
    public let idempotencyKey: String?
    /// The answer was the stored answer to an earlier request with the same key: no work, no charge.
    public let replayed: Bool
}
