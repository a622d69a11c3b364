import ImageCodec
@testable import PixapiSimulator
import Testing

@Suite("Photo-like images")
struct PhotoImageTests {
    @Test("a 1024x1024 photo PNG is photograph-sized and decodes to its size")
    func photographSized() throws {
        let png = try PNGCodec.encode(PhotoSynthesis.image(width: 1024, height: 1024, seed: 7), compressionLevel: SimulatorConfiguration().compressionLevel)
        #expect((1_000_000...4_000_000).contains(png.count), "1024x1024 photo PNG is \(png.count) bytes")
        let decoded = try ImageDecoder.decode(png)
        #expect(decoded.width == 1024 && decoded.height == 1024)
    }

    @Test("the same seed draws the same photo; another seed a different one")
    func deterministic() {
        let first = PhotoSynthesis.image(width: 96, height: 64, seed: 42)
        #expect(first == PhotoSynthesis.image(width: 96, height: 64, seed: 42))
        #expect(first != PhotoSynthesis.image(width: 96, height: 64, seed: 43))
    }

    @Test("the encoded-image cache makes each image once and drops the oldest past its byte limit")
    func cacheReusesAndEvicts() {
        let cache = EncodedImageCache(byteLimit: 10)
        var made = 0
        func key(_ seed: UInt64) -> EncodedImageCache.Key {
            .init(width: 4, height: 4, seed: seed, format: .png, compressionLevel: 1)
        }
        func fetch(_ seed: UInt64) -> [UInt8] {
            cache.bytes(for: key(seed)) {
                made += 1; return [UInt8](repeating: UInt8(seed), count: 6)
            }
        }
        #expect(fetch(1) == [UInt8](repeating: 1, count: 6))
        #expect(fetch(1) == [UInt8](repeating: 1, count: 6))
        #expect(made == 1)
        _ = fetch(2)  // 12 bytes would exceed 10: seed 1 goes.
        _ = fetch(2)
        #expect(made == 2)
        _ = fetch(1)
        #expect(made == 3)
    }
}
