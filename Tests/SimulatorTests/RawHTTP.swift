import AsyncHTTPClient
import Foundation
import ImageCodec
import NIOCore
import NIOHTTP1
@testable import PixapiSimulator

/// Plain HTTP exchanges with a simulator, as bytes in and bytes out: the tests check the wire, not a client.
struct RawResponse {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    /// The body as a JSON object; `nil` when it is not one.
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
    var error: [String: Any]? { json?["error"] as? [String: Any] }
    var data: [[String: Any]] { json?["data"] as? [[String: Any]] ?? [] }
}

/// One form part for a multipart body.
struct FormPart {
    let name: String
    var filename: String?
    let bytes: [UInt8]

    static func field(_ name: String, _ value: String) -> FormPart { FormPart(name: name, bytes: Array(value.utf8)) }
    static func file(_ name: String, _ filename: String, _ bytes: [UInt8]) -> FormPart {
        FormPart(name: name, filename: filename, bytes: bytes)
    }
}

enum RawHTTP {
    static let key = "sk-test-0123456789"

    static func send(
        _ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws -> RawResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 512 * 1024 * 1024)
        return RawResponse(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }

    static func postJSON(
        _ sim: RunningSimulator, _ path: String, _ object: [String: Any], key: String? = RawHTTP.key
    ) async throws -> RawResponse {
        var headers = [("Content-Type", "application/json")]
        if let key { headers.append(("Authorization", "Bearer \(key)")) }
        let body = try JSONSerialization.data(withJSONObject: object)
        return try await send(.POST, sim.baseURL.absoluteString + path, headers: headers, body: Array(body))
    }

    static func postMultipart(
        _ sim: RunningSimulator, _ path: String, _ parts: [FormPart], key: String? = RawHTTP.key
    ) async throws -> RawResponse {
        let boundary = "pixterm-\(UUID().uuidString)"
        var body: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            body += Array((head + "\r\n\r\n").utf8) + part.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers = [("Content-Type", "multipart/form-data; boundary=\(boundary)")]
        if let key { headers.append(("Authorization", "Bearer \(key)")) }
        return try await send(.POST, sim.baseURL.absoluteString + path, headers: headers, body: body)
    }

    static func get(_ sim: RunningSimulator, _ path: String, key: String? = RawHTTP.key) async throws -> RawResponse {
        try await send(.GET, sim.baseURL.absoluteString + path, headers: key.map { [("Authorization", "Bearer \($0)")] } ?? [])
    }
}

/// The decoded bytes of every image in a sync response, following URLs or decoding base64.
func imageBytes(_ response: RawResponse) async throws -> [[UInt8]] {
    try await imageBytes(items: response.data)
}

func imageBytes(items: [[String: Any]]) async throws -> [[UInt8]] {
    var images: [[UInt8]] = []
    for item in items {
        if let b64 = item["b64_json"] as? String, let data = Data(base64Encoded: b64) {
            images.append(Array(data))
        } else if let url = item["url"] as? String {
            images.append(try await RawHTTP.send(.GET, url).body)
        }
    }
    return images
}

/// A small real PNG for edit inputs and masks.
func samplePNG(width: Int, height: Int, seed: UInt64 = 1) throws -> [UInt8] {
    try PNGCodec.encode(ImageSynthesis.image(width: width, height: height, seed: seed), compressionLevel: 1)
}
