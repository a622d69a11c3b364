import Foundation
import ImageCodec
import PixapiSimulator
import TestSupport
import Testing

@Suite("Edits")
struct EditTests {
    static func fields(_ prompt: String = "add a hat", size: String = "1024x1024") -> [FormPart] {
        [.field("model", "gpt-image-2"), .field("prompt", prompt), .field("size", size), .field("response_format", "b64_json")]
    }

    @Test("one image: an image of the requested size that depends on the source")
    func oneImage() async throws {
        try await withSimulator { sim in
            let source = try samplePNG(width: 64, height: 48, seed: 1)
            let other = try samplePNG(width: 64, height: 48, seed: 2)
            let response = try await RawHTTP.postMultipart(sim, "/v1/images/edits", Self.fields(size: "1536x1024") + [.file("image", "a.png", source)])
            #expect(response.status == 200)
            let image = try #require(try await imageBytes(response).first)
            #expect(ImageHeader.parse(image)?.width == 1536)
            #expect(ImageHeader.parse(image)?.height == 1024)
            // Edits carry no optional extras, so clients meet both response shapes.
            #expect(response.json?["usage"] == nil)

            let same = try await RawHTTP.postMultipart(sim, "/v1/images/edits", Self.fields(size: "1536x1024") + [.file("image", "a.png", source)])
            let changed = try await RawHTTP.postMultipart(sim, "/v1/images/edits", Self.fields(size: "1536x1024") + [.file("image", "b.png", other)])
            #expect(try await imageBytes(same).first == image)
            #expect(try await imageBytes(changed).first != image)
        }
    }

    @Test("three image[] parts and a mask the size of the first image, async")
    func threeImagesAndMask() async throws {
        let clock = TestClock()
        try await withSimulator(.init(taskDuration: .milliseconds(100), now: { clock.now })) { sim in
            let parts =
                Self.fields() + [
                    .file("image[]", "one.png", try samplePNG(width: 40, height: 30)),
                    .file("image[]", "two.png", try samplePNG(width: 20, height: 20)),
                    .file("image[]", "three.png", try samplePNG(width: 10, height: 50)),
                    .file("mask", "mask.png", try samplePNG(width: 40, height: 30, seed: 9)),
                ]
            let submitted = try await RawHTTP.postMultipart(sim, "/v1/async/images/edits", parts)
            #expect(submitted.status == 200)
            let id = try #require(submitted.json?["id"] as? String)
            let last = try #require(try await AsyncTaskTests.pollToEnd(sim, id, clock: clock, step: 0.05).last)
            #expect(last["status"] as? String == "completed")

            let logged = try #require(await sim.receivedRequests().first)
            #expect(logged.files.map(\.part) == ["image[]", "image[]", "image[]", "mask"])
            #expect(logged.files.map(\.filename) == ["one.png", "two.png", "three.png", "mask.png"])
            #expect(logged.files.allSatisfy { $0.format == "png" && $0.byteCount > 50 })
            #expect(logged.fields["prompt"] == "add a hat")
        }
    }

    @Test("bad edit inputs are 400 naming the part", arguments: ["none", "seventeen", "text", "maskSize", "maskJPEG"])
    func badInputs(kind: String) async throws {
        try await withSimulator { sim in
            let png = try samplePNG(width: 32, height: 32)
            let jpegMagic: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
            let (files, param): ([FormPart], String) =
                switch kind {
                case "none": ([], "image")
                case "seventeen": ((0..<17).map { .file("image[]", "\($0).png", png) }, "image")
                case "text": ([.file("image", "notes.txt", Array("hello".utf8))], "image")
                case "maskSize": ([.file("image", "a.png", png), .file("mask", "m.png", try samplePNG(width: 32, height: 16))], "mask")
                default: ([.file("image", "a.png", png), .file("mask", "m.jpg", jpegMagic)], "mask")
                }
            let response = try await RawHTTP.postMultipart(sim, "/v1/images/edits", Self.fields() + files)
            #expect(response.status == 400)
            #expect(response.error?["param"] as? String == param)
        }
    }
}
