import Foundation
import HTTPTypes
import Hummingbird

/// A response before it goes on the wire, kept as plain bytes so a fault can reshape its delivery.
struct Reply: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: [UInt8]

    init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        headers = [.contentType: contentType]
        self.body = body
    }

    static func json(_ value: some Encodable, status: Int = 200) -> Reply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        do {
            return Reply(status: status, contentType: "application/json", body: Array(try encoder.encode(value)))
        } catch {
            return Reply(status: 500, contentType: "text/plain", body: Array("encoding failed: \(error)".utf8))
        }
    }

    static func error(_ error: APIError, requestID: String, retryAfter: Int? = nil) -> Reply {
        var reply = json(ErrorBody(error: error.body(requestID: requestID)), status: error.status)
        if let retryAfter { reply.headers[.retryAfter] = String(retryAfter) }
        return reply
    }
}

/// Puts a reply on the wire, whole, streamed, slowly or cut short as a fault asks.
enum Wire {
    static let requestIDField = HTTPField.Name("x-request-id")!
    /// Bodies larger than this are streamed in chunks of this size, with their `Content-Length`.
    static let chunkSize = 65_536

    /// Thrown after sending half a truncated body, so the server closes the connection mid-response.
    struct TruncatedOnPurpose: Error {}

    static func response(_ reply: Reply, requestID: String, fault: Fault?) -> Response {
        var headers = reply.headers
        headers[requestIDField] = requestID
        let body = reply.body
        let responseBody: ResponseBody =
            switch fault?.kind {
            case .truncate?:
                ResponseBody(contentLength: body.count) { writer in
                    try await writer.write(ByteBuffer(bytes: body.prefix(body.count / 2)))
                    // Give the half body time to leave the socket before the close discards it.
                    try await Pause.for(.milliseconds(50))
                    throw TruncatedOnPurpose()
                }
            case .slowBody?:
                slowBody(body, total: .milliseconds(fault?.durationMs ?? 1000))
            default:
                body.count <= chunkSize ? ResponseBody(byteBuffer: ByteBuffer(bytes: body)) : streamed(body)
            }
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers, body: responseBody)
    }

    private static func streamed(_ body: [UInt8]) -> ResponseBody {
        ResponseBody(contentLength: body.count) { writer in
            for start in stride(from: 0, to: body.count, by: chunkSize) {
                try await writer.write(ByteBuffer(bytes: body[start..<min(start + chunkSize, body.count)]))
            }
            try await writer.finish(nil)
        }
    }

    /// About twenty small chunks with equal pauses between them, the pauses adding up to `total`.
    private static func slowBody(_ body: [UInt8], total: Duration) -> ResponseBody {
        let size = max(1, (body.count + 19) / 20)
        let pauses = max(1, (body.count + size - 1) / size - 1)
        return ResponseBody(contentLength: body.count) { writer in
            for start in stride(from: 0, to: body.count, by: size) {
                if start > 0 { try await Pause.for(total / pauses) }
                try await writer.write(ByteBuffer(bytes: body[start..<min(start + size, body.count)]))
            }
            try await writer.finish(nil)
        }
    }
}
