import Foundation
import ImageCodec
import PixapiSimulator
import TestSupport
import Testing

@Suite("Sync generation")
struct GenerationTests {
    @Test(
        "images have exactly the requested size",
        arguments: [
            ("gpt-image-2", "1024x1024", 1024, 1024),
            ("gpt-image-2", "2048x1152", 2048, 1152),
            ("gpt-image-2", "1040x656", 1040, 656),
            ("gpt-image-1.5", "1024x1536", 1024, 1536),
            ("gpt-image-1.5", "auto", 1024, 1024),
        ])
    func requestedSize(model: String, size: String, width: Int, height: Int) async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(
                sim, "/v1/images/generations",
                [
                    "model": model, "prompt": "a lighthouse", "size": size, "response_format": "b64_json",
                ])
            #expect(response.status == 200)
            let images = try await imageBytes(response)
            #expect(images.count == 1)
            let header = try #require(ImageHeader.parse(images[0]))
            #expect(header.format == .png)
            #expect(header.width == width)
            #expect(header.height == height)
        }
    }

    @Test("the same prompt gives the same bytes; other prompts and the second of n differ")
    func deterministicImages() async throws {
        try await withSimulator { sim in
            func generate(_ prompt: String, n: Int = 1) async throws -> [[UInt8]] {
                try await imageBytes(
                    RawHTTP.postJSON(
                        sim, "/v1/images/generations",
                        [
                            "model": "gpt-image-2", "prompt": prompt, "n": n, "response_format": "b64_json",
                        ]))
            }
            let first = try await generate("a red fox")
            let again = try await generate("a red fox")
            let other = try await generate("a blue whale")
            let pair = try await generate("a red fox", n: 2)
            #expect(first == again)
            #expect(first != other)
            #expect(pair.count == 2)
            #expect(pair[0] == first[0])
            #expect(pair[1] != pair[0])
        }
    }

    @Test("url is the default response format and the file is served with its Content-Length")
    func urlResponses() async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(
                sim, "/v1/images/generations",
                [
                    "model": "gpt-image-2", "prompt": "a lighthouse", "size": "1536x1024",
                ])
            #expect(response.status == 200)
            #expect(response.headers.first(name: "x-request-id")?.hasPrefix("req_") == true)
            let url = try #require(response.data.first?["url"] as? String)
            #expect(url.hasPrefix(sim.baseURL.absoluteString + "/files/"))
            #expect(url.hasSuffix(".png"))
            #expect(response.data.first?["b64_json"] == nil)
            // Generations carry OpenAI's optional extras, which clients must ignore.
            #expect(response.json?["size"] as? String == "1536x1024")
            #expect(response.json?["usage"] is [String: Any])
            #expect(response.data.first?["revised_prompt"] as? String == "a lighthouse")

            let file = try await RawHTTP.send(.GET, url)
            #expect(file.status == 200)
            #expect(file.headers.first(name: "content-type") == "image/png")
            #expect(file.headers.first(name: "content-length") == String(file.body.count))
            #expect(ImageHeader.parse(file.body)?.width == 1536)
        }
    }

    @Test("output_format=jpeg gives a JPEG of the requested size")
    func jpegOutput() async throws {
        try await withSimulator { sim in
            let response = try await RawHTTP.postJSON(
                sim, "/v1/images/generations",
                [
                    "model": "gpt-image-2", "prompt": "a lighthouse", "size": "1024x1536", "output_format": "jpeg",
                ])
            let url = try #require(response.data.first?["url"] as? String)
            #expect(url.hasSuffix(".jpg"))
            let file = try await RawHTTP.send(.GET, url)
            #expect(file.headers.first(name: "content-type") == "image/jpeg")
            let header = try #require(ImageHeader.parse(file.body))
            #expect(header.format == .jpeg)
            #expect(header.width == 1024 && header.height == 1536)
        }
    }

    @Test("a 3840x2160 image is produced in well under the client's timeout")
    func largeImageIsFast() async throws {
        try await withSimulator { sim in
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await RawHTTP.postJSON(
                sim, "/v1/images/generations",
                [
                    "model": "gpt-image-2", "prompt": "a city at night", "size": "3840x2160", "quality": "low",
                ])
            let file = try await RawHTTP.send(.GET, try #require(response.data.first?["url"] as? String))
            let elapsed = clock.now - start
            #expect(ImageHeader.parse(file.body)?.width == 3840)
            // Far under the client's 300 s read timeout even in a debug build on a loaded runner.
            #expect(elapsed < .seconds(60), "3840x2160 took \(elapsed)")
        }
    }

    @Test("latency delays every /v1 response")
    func latency() async throws {
        try await withSimulator(.init(latency: .milliseconds(300))) { sim in
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await RawHTTP.get(sim, "/v1/tasks/task_unknown")
            #expect(response.status == 404)
            #expect(clock.now - start >= .milliseconds(300))
        }
    }
}
