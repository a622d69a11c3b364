import Foundation
import PixapiSimulator
import TestSupport
import Testing

@Suite("Request log")
struct RequestLogTests {
    @Test("records method, path, content type, key checks and fields, never the key")
    func jsonRequest() async throws {
        try await withSimulator(.init(requiredKey: RawHTTP.key)) { sim in
            let response = try await RawHTTP.postJSON(
                sim, "/v1/images/generations",
                [
                    "model": "gpt-image-2", "prompt": "a lighthouse", "n": 2, "size": "1024x1536", "quality": "low",
                ])
            _ = try await RawHTTP.postJSON(sim, "/v1/images/generations", ["model": "gpt-image-2", "prompt": "x"], key: "sk-not-it")
            let log = await sim.receivedRequests()
            #expect(log.count == 2)
            let first = try #require(log.first)
            #expect(first.method == "POST")
            #expect(first.path == "/v1/images/generations")
            #expect(first.contentType == "application/json")
            #expect(first.keyPresent && first.keyAccepted)
            #expect(first.fields == ["model": "gpt-image-2", "prompt": "a lighthouse", "n": "2", "size": "1024x1536", "quality": "low"])
            #expect(first.status == 200)
            #expect(first.requestID == response.headers.first(name: "x-request-id"))
            #expect(abs(first.time.timeIntervalSinceNow) < 60)
            #expect(log[1].keyPresent && !log[1].keyAccepted)
            #expect(log[1].status == 401)

            let encoded = String(decoding: try JSONEncoder().encode(log), as: UTF8.self)
            #expect(!encoded.contains(RawHTTP.key))
            #expect(!encoded.contains("sk-not-it"))
        }
    }

    @Test("downloads of result files are logged too")
    func fileDownloads() async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(sim, "/v1/images/generations", ["model": "gpt-image-2", "prompt": "x", "quality": "low"])
            let url = try #require(response.data.first?["url"] as? String)
            _ = try await RawHTTP.send(.GET, url)
            let log = await sim.receivedRequests()
            #expect(log.map(\.method) == ["POST", "GET"])
            #expect(log.last?.path.hasPrefix("/files/") == true)
            #expect(log.last?.keyPresent == false)
            #expect(log.last?.status == 200)
        }
    }
}
