import Foundation
@testable import Gallery
import PixapiKit
import PixapiSimulator
import Testing

/// `SidecarJSON`, the fast sidecar reader `gallery rebuild` tries first, against `JSONDecoder`:
/// whatever it reads, `JSONDecoder` reads to the same value; what it declines goes to
/// `JSONDecoder`, so values and error messages stay as they were.
@Suite struct SidecarJSONTests {
    /// As Benchmarks/make-gallery.py writes them.
    static let benchmarkShape = """
        {
          "created": "2026-03-14T09:26:53Z",
          "creditsPerImage": 20,
          "endpoint": "/v1/async/images/generations",
          "format": "png",
          "height": 2048,
          "id": "3f9a1c2b",
          "index": 0,
          "mode": "async",
          "model": "gpt-image-2",
          "n": 1,
          "prompt": "雪の中の赤い狐 fox",
          "quality": "high",
          "requestCost": 20,
          "responseFormat": "b64_json",
          "schema": 1,
          "size": "2048x2048",
          "sourceImages": [],
          "taskID": "task_3f9a1c2b",
          "width": 2048
        }
        """

    /// As pixterm writes them (`Sidecar.encoder`), with a request and every optional field.
    static func pixtermShape() throws -> String {
        var request = ImageRequest(model: "gpt-image-2", prompt: "a \"quoted\" fox\nsecond line \\ tab\t", size: .pixels(width: 1024, height: 1536), quality: .high, n: 2)
        request.images = ["/tmp/g/2026/01/01/a.png"]
        let sidecar = Sidecar(
            schema: 1, id: "abcd1234-1", prompt: request.prompt, model: request.model, size: "1024x1536", quality: "high", n: 2, index: 1,
            creditsPerImage: 40, requestCost: 80, endpoint: "/v1/images/edits", mode: .sync, taskID: nil, requestID: "req-9", sourceImages: request.images,
            mask: "/tmp/m.png", revisedPrompt: "revised\u{1B}[31m", responseFormat: "url", created: Date(timeIntervalSince1970: 1_780_000_123),
            serverCreated: Date(timeIntervalSince1970: 4_102_444_800), width: 1024, height: 1536, format: "png", request: request
        )
        return String(decoding: try Sidecar.encoder.encode(sidecar), as: UTF8.self)
    }

    static let edgeCases: [String] = [
        #"{"id": "x"}"#, #"{"id":"x","prompt":null,"n":null,"mode":null,"sourceImages":null,"created":null,"request":null}"#,
        #"{}"#, #"[]"#, #""id""#, "", " ", #"{"id": null}"#, #"{"id": 5}"#, #"{"id": "x", "id": "y"}"#, #"{"id": "x",}"#, #"{"id": "x"} x"#,
        "\u{FEFF}{\"id\": \"x\"}", #"{"id": "x", "n": 1.0}"#, #"{"id": "x", "n": -0}"#, #"{"id": "x", "n": 01}"#, #"{"id": "x", "n": 1e2}"#,
        #"{"id": "x", "n": -12}"#, #"{"id": "x", "n": 123456789012345678}"#, #"{"id": "x", "n": 12345678901234567890}"#, #"{"id": "x", "n": true}"#,
        #"{"id": "x", "n": "1"}"#, #"{"id": "x", "mode": "later"}"#, #"{"id": "x", "mode": "async"}"#, #"{"id": "x", "mode": 1}"#,
        #"{"id": "x", "created": "2026-02-29T00:00:00Z"}"#, #"{"id": "x", "created": "2024-02-29T23:59:59Z"}"#,
        #"{"id": "x", "created": "2026-11-25T06:15:03+01:00"}"#, #"{"id": "x", "created": "2026-11-25T06:15:03.250Z"}"#,
        #"{"id": "x", "created": "2026-11-25 06:15:03Z"}"#, #"{"id": "x", "created": "1969-12-31T23:59:59Z"}"#, #"{"id": "x", "created": 5}"#,
        #"{"id": "x", "serverCreated": "garbage"}"#, #"{"id": "x", "serverCreated": 12}"#, #"{"id": "x", "serverCreated": "2030-01-01T00:00:00Z"}"#,
        #"{"id": "x", "requestID": 7}"#, #"{"id": "x", "requestID": {"a": 1}}"#, #"{"id": "x", "requestID": "r"}"#, #"{"id": "x", "request": 5}"#,
        #"{"id": "x", "request": {"model": 1}}"#, #"{"id": "x", "request": {"model": "m", "prompt": "p"}}"#, #"{"id": "x", "request": {"model": "m", "prompt": "p",}}"#,
        #"{"id": "x", "sourceImages": ["a", 1]}"#, #"{"id": "x", "sourceImages": "a"}"#, #"{"id": "x", "sourceImages": ["a", "b"]}"#,
        #"{"id": "x\u0041\u00e9\u72d0\/\b\f\n\r\t\"\\"}"#, #"{"id": "x\ud83e\udd8a"}"#, #"{"id": "x\ud83e"}"#, #"{"id": "x\q"}"#, #"{"id": "x\u00"}"#,
        "{\"id\": \"x\ty\"}", "{\"id\": \"x\u{7F}y\"}", #"{"id": "x", "unknown": {"a": [1, -2.5e+3, 0.5, true, false, null, {"b": "c"}]}}"#,
        #"{"id": "x", "unknown": [1, 2,]}"#, #"{"id": "x", "unknown": 01}"#, #"{"id": "x", "unknown": -}"#, #"{"id": "x", "unknown": .5}"#,
        #"{"id": "x", "unknown": tru}"#, #"{"id": "x", "unknown": nullx}"#, #"{"id": "x", "unknown": "\u12"}"#,
        #"{"id": "x", "unknown": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#, #"{"i\u0064": "x"}"#,
        #"{"id": "x", "width": 8, "height": 6, "format": "png", "size": "auto"}"#, "{\n\t\"id\"\r\n:\n\"x\"\n}\n",
    ]

    /// What `JSONDecoder` makes of `bytes`, and whether the fast reader agrees where it answers.
    static func check(_ bytes: [UInt8]) -> (fast: Bool, agrees: Bool) {
        let reference = try? Sidecar.decoder.decode(Sidecar.self, from: Data(bytes))
        guard let fast = SidecarJSON.decode(bytes) else { return (false, true) }
        return (true, fast == reference)
    }

    @Test func theShapesPixtermAndItsBenchmarkWriteAreReadFastAndTheSame() throws {
        for text in [Self.benchmarkShape, try Self.pixtermShape()] {
            let bytes = Array(text.utf8)
            let fast = try #require(SidecarJSON.decode(bytes), "\(text)")
            #expect(fast == (try Sidecar.decoder.decode(Sidecar.self, from: Data(bytes))))
        }
        #expect(SidecarJSON.decode(Array(try Self.pixtermShape().utf8))?.request?.images == ["/tmp/g/2026/01/01/a.png"])
    }

    @Test func oddSidecarsAreReadTheSameOrLeftToJSONDecoder() {
        var fast = 0
        for text in Self.edgeCases {
            let result = Self.check(Array(text.utf8))
            #expect(result.agrees, "\(text)")
            if result.fast { fast += 1 }
        }
        #expect(fast >= 20, "the fast reader takes the plain ones")
        // Invalid UTF-8 inside a string.
        #expect(Self.check(Array(#"{"id": "x"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)) == (false, true))
    }

    /// Random damage to real sidecars: wherever the fast reader still answers, it agrees.
    @Test func damagedSidecarsAreReadTheSameOrLeftToJSONDecoder() throws {
        var random = SplitMix(state: 14)
        let seeds = [Array(Self.benchmarkShape.utf8), Array(try Self.pixtermShape().utf8)] + Self.edgeCases.prefix(12).map { Array($0.utf8) }
        let pieces: [[UInt8]] = ["\"", "\\", ",", "}", "{", "[", "]", ":", "null", "1", "-", ".", "e", "\\u00", "\u{0}", "\u{1B}", " ", "\"id\": ", "狐"].map { Array($0.utf8) }
        var fast = 0
        for _ in 0..<6000 {
            var bytes = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0...(random.next() % 3) {
                let at = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: if !bytes.isEmpty { bytes.remove(at: at) }
                case 1: bytes.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                default: if !bytes.isEmpty { bytes[at] = UInt8(truncatingIfNeeded: random.next()) }
                }
            }
            let result = Self.check(bytes)
            #expect(result.agrees, "\(String(decoding: bytes, as: UTF8.self))")
            if result.fast { fast += 1 }
        }
        #expect(fast > 200, "damage the reader still takes (inside text, say) is compared too")
    }

    @Test func datesAgreeWithJSONDecoderAcrossYearsAndLeapDays() throws {
        var random = SplitMix(state: 2026)
        for _ in 0..<500 {
            let seconds = Int(random.next() % 4_000_000_000) - 1_000_000_000
            let date = Date(timeIntervalSince1970: Double(seconds))
            let text = #"{"id": "x", "created": "\#(date.formatted(.iso8601))"}"#
            let fast = try #require(SidecarJSON.decode(Array(text.utf8)), "\(text)")
            #expect(fast.created == date, "\(text)")
            #expect(Self.check(Array(text.utf8)) == (true, true), "\(text)")
        }
    }
}
