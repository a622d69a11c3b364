import Foundation
import ImageCodec
import PixapiKit
@testable import PixapiSimulator
import Testing
import TestSupport

/// The client's own multipart encoder (`MultipartBody`, streamed from disk by `PixapiClient`)
/// against the simulator's parser, which is vapor's MultipartKit: what one side wrote, the other
/// must read back field for field and byte for byte.
@Suite("Client multipart bodies")
struct ClientMultipartTests {
    /// Non-ASCII, quotes, a CRLF, a would-be boundary line and a trailing line break: everything a
    /// hand-written encoder could get wrong in a text part.
    static let prompt = "Ünïcödé 日本語 🐚 \"quoted\" and 'single'\r\nsecond line\r\n--pixterm-not-a-boundary\r\n"

    @Test("an edit with three images and a mask arrives with every field and byte intact")
    func editBodyRoundTrips() async throws {
        let folder = try TemporaryDirectory("pixterm-multipart")
        defer { folder.remove() }
        let first = folder.path("über photo.png")
        let second = folder.path("second.jpg")
        let third = folder.path("third.png")
        let mask = folder.path("mask.png")
        try Data(samplePNG(width: 64, height: 48, seed: 1)).write(to: URL(fileURLWithPath: first))
        try Data(JPEGCodec.encode(ImageSynthesis.image(width: 40, height: 40, seed: 2))).write(to: URL(fileURLWithPath: second))
        // Bytes after IEND that start like the delimiter: the parser must keep them in the part.
        try Data(samplePNG(width: 32, height: 32, seed: 3) + Array("\r\n--pixterm-\r\n--\r\n".utf8)).write(to: URL(fileURLWithPath: third))
        try Data(samplePNG(width: 64, height: 48, seed: 4)).write(to: URL(fileURLWithPath: mask))

        let request = ImageRequest(
            operation: .edit, model: "gpt-image-2", prompt: Self.prompt, size: .pixels(width: 1024, height: 1024),
            quality: .low, n: 2, responseFormat: .b64JSON, images: [first, second, third], mask: mask
        )
        try await SimulatorHarness.with { harness in
            let result = try await harness.client.create(request, idempotencyKey: "multipart-round-trip", staging: harness.staging)
            #expect(result.items.count == 2)

            let posts = await harness.simulator.receivedRequests().filter { $0.method == "POST" }
            try #require(posts.count == 1)
            let post = posts[0]
            #expect(post.status == 200)
            #expect(post.contentType?.hasPrefix("multipart/form-data; boundary=pixterm-") == true)
            #expect(post.fields == Dictionary(uniqueKeysWithValues: request.fields.map { ($0.name, $0.value.text) }))
            #expect(post.fields["prompt"] == Self.prompt)
            #expect(post.files.map(\.part) == ["image[]", "image[]", "image[]", "mask"])
            #expect(post.files.map(\.filename) == ["berphoto.png", "second.jpg", "third.png", "mask.png"])
            #expect(post.files.map(\.format) == ["png", "jpeg", "png", "png"])
            let sizes = try [first, second, third, mask].map { try FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }
            #expect(post.files.map(\.byteCount) == sizes.compactMap { $0 })
        }
    }
}
